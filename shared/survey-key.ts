/**
 * The key survey links are signed with. No secret lives in code: on AWS it is a Secrets Manager secret named by
 * SURVEY_SECRET_ARN (read once per container, then again after an hour); locally `npm start` keeps a random key in
 * the data folder and passes it as SURVEY_SIGNING_KEY (base64).
 */
// Imported statically: a dynamic import would bundle the whole client (every command, ~15 KB more).
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const MAX_AGE_MS = 3600_000;

let cached: { key: Promise<Buffer>; until: number } | undefined;

export function surveySigningKey(): Promise<Buffer> {
  const local = process.env.SURVEY_SIGNING_KEY;
  if (local) return Promise.resolve(Buffer.from(local, 'base64'));
  const now = Date.now();
  if (cached && now < cached.until) return cached.key;
  const key = readSecret().catch((err: unknown) => {
    if (cached?.key === key) cached = undefined; // a failed read is retried by the next request
    throw err;
  });
  cached = { key, until: now + MAX_AGE_MS };
  return key;
}

async function readSecret(): Promise<Buffer> {
  const arn = process.env.SURVEY_SECRET_ARN;
  if (!arn) throw new Error('SURVEY_SECRET_ARN or SURVEY_SIGNING_KEY must be set');
  const { SecretString: value } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (typeof value !== 'string' || value.length < 32) throw new Error('survey signing secret is missing or too short');
  return Buffer.from(value, 'utf8');
}

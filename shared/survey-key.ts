/**
 * The keys survey links are signed with. No secret lives in code. Each organisation has its own key set (see
 * domain/survey-keys.ts), made by `npm run rotate-survey-key`:
 * - on AWS, one Secrets Manager secret per organisation, `<SURVEY_KEYS_SECRET_PREFIX><orgId>`;
 * - locally, one file per organisation, `<SURVEY_KEYS_DIR>/<orgId>.json` (npm start: .data/keys/survey/).
 * An organisation that never rotated uses the single key of before key ids, as key id "0": on AWS the secret named
 * by SURVEY_SECRET_ARN, locally SURVEY_SIGNING_KEY (base64). On AWS a set is read once per container and again
 * after an hour, or sooner when a link names a key id the container does not know yet (at most once a minute).
 */
// Imported statically: a dynamic import would bundle the whole client (every command, ~15 KB more).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { legacyKeySet, parseKeySet, SAFE_ORG_ID, type SurveyKeySet } from './domain/survey-keys.ts';

/** Where the stack's functions look for each organisation's secret (the stack sets SURVEY_KEYS_SECRET_PREFIX). */
export const DEFAULT_SURVEY_KEYS_SECRET_PREFIX = 'kinerja-asn/survey-keys/';
const MAX_AGE_MS = 3600_000;
const REFRESH_AFTER_MS = 60_000;

type Cached<T> = { value: Promise<T>; at: number };
let cachedLegacy: Cached<Buffer> | undefined;
const cachedSets = new Map<string, Cached<SurveyKeySet>>();

/** Reads through a one-hour cache; a failed read is retried by the next request. */
function cachedRead<T>(
  get: () => Cached<T> | undefined,
  set: (c: Cached<T> | undefined) => void,
  read: () => Promise<T>,
  minAgeToRefresh?: number,
) {
  const now = Date.now();
  const hit = get();
  if (hit && now < hit.at + MAX_AGE_MS && (minAgeToRefresh === undefined || now < hit.at + minAgeToRefresh))
    return hit.value;
  const value = read().catch((err: unknown) => {
    if (get()?.value === value) set(undefined);
    throw err;
  });
  set({ value, at: now });
  return value;
}

/** The single key of before key ids (key id "0" of every organisation that never rotated). */
export function surveySigningKey(): Promise<Buffer> {
  const local = process.env.SURVEY_SIGNING_KEY;
  if (local) return Promise.resolve(Buffer.from(local, 'base64'));
  return cachedRead(
    () => cachedLegacy,
    (c) => (cachedLegacy = c),
    readLegacySecret,
  );
}

/**
 * The organisation's key set. `refresh`: a link named a key id not in the set held, so re-read it unless it was read
 * within the last minute (a rotation reaches every container within a minute, and a flood of forged key ids cannot
 * turn into a flood of Secrets Manager calls).
 */
export async function surveyKeySet(orgId: string, options: { refresh?: boolean } = {}): Promise<SurveyKeySet> {
  if (!SAFE_ORG_ID.test(orgId)) throw new Error(`not an organisation id: ${JSON.stringify(orgId)}`);
  const dir = process.env.SURVEY_KEYS_DIR;
  if (process.env.SURVEY_SIGNING_KEY) {
    // Locally the file is read on every request: a rotation applies at once, without a restart.
    const text = dir ? await readFile(join(dir, `${orgId}.json`), 'utf8').catch(notFound) : undefined;
    return text === undefined ? legacyKeySet(await surveySigningKey()) : parseKeySet(text);
  }
  return cachedRead(
    () => cachedSets.get(orgId),
    (c) => (c ? cachedSets.set(orgId, c) : cachedSets.delete(orgId)),
    async () => {
      const text = await readOrgSecret(orgId);
      return text === undefined ? legacyKeySet(await surveySigningKey()) : parseKeySet(text);
    },
    options.refresh ? REFRESH_AFTER_MS : undefined,
  );
}

const notFound = (err: NodeJS.ErrnoException): undefined => {
  if (err.code === 'ENOENT') return undefined;
  throw err;
};

let client: SecretsManagerClient | undefined;
const secrets = () => (client ??= new SecretsManagerClient({}));

/** The organisation's own secret, or undefined when it has none yet (it never rotated). */
async function readOrgSecret(orgId: string): Promise<string | undefined> {
  const prefix = process.env.SURVEY_KEYS_SECRET_PREFIX;
  if (!prefix) return undefined;
  try {
    const { SecretString } = await secrets().send(new GetSecretValueCommand({ SecretId: `${prefix}${orgId}` }));
    if (typeof SecretString !== 'string') throw new Error(`survey key set of ${orgId} is empty`);
    return SecretString;
  } catch (err) {
    if ((err as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

async function readLegacySecret(): Promise<Buffer> {
  const arn = process.env.SURVEY_SECRET_ARN;
  if (!arn) throw new Error('SURVEY_SECRET_ARN or SURVEY_SIGNING_KEY must be set');
  const { SecretString: value } = await secrets().send(new GetSecretValueCommand({ SecretId: arn }));
  if (typeof value !== 'string' || value.length < 32) throw new Error('survey signing secret is missing or too short');
  return Buffer.from(value, 'utf8');
}

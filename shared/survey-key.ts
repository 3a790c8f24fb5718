/**
 * The key survey links are signed with. No secret lives in code: on AWS it is a Secrets Manager secret named by
 * SURVEY_SECRET_ARN (read once per container, cached an hour); locally `npm start` keeps a random key in the data
 * folder and passes it as SURVEY_SIGNING_KEY (base64).
 */
let cached: Promise<Buffer> | undefined;

export function surveySigningKey(): Promise<Buffer> {
  const local = process.env.SURVEY_SIGNING_KEY;
  if (local) return Promise.resolve(Buffer.from(local, 'base64'));
  cached ??= (async () => {
    const arn = process.env.SURVEY_SECRET_ARN;
    if (!arn) throw new Error('SURVEY_SECRET_ARN or SURVEY_SIGNING_KEY must be set');
    const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
    const value = await getSecret(arn, { maxAge: 3600 });
    if (typeof value !== 'string' || value.length < 32)
      throw new Error('survey signing secret is missing or too short');
    return Buffer.from(value, 'utf8');
  })().catch((err: unknown) => {
    cached = undefined; // a failed read is retried by the next request
    throw err;
  });
  return cached;
}

/**
 * `npm run rotate-survey-key -- --org <orgId>`: a new survey-signing key for one organisation, locally in
 * .data/keys/survey/; `--cloud` writes the organisation's Secrets Manager secret instead (see survey-keys.ts).
 */
import { parseArgs } from 'node:util';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DEFAULT_SURVEY_KEYS_SECRET_PREFIX } from '../../shared/survey-key.ts';
import { DATA_DIR } from '../local/paths.ts';
import { cloudKeyStore, describeRotation, localKeyStore, rotateSurveyKey } from './survey-keys.ts';

async function main() {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      cloud: { type: 'boolean', default: false },
      prefix: { type: 'string', default: DEFAULT_SURVEY_KEYS_SECRET_PREFIX },
      'legacy-secret': { type: 'string' },
    },
  });
  if (!values.org) {
    console.error('usage: npm run rotate-survey-key -- --org <orgId> [--cloud [--legacy-secret <arn>]]');
    process.exit(2);
  }
  const store = values.cloud
    ? cloudKeyStore(new SecretsManagerClient({}), values.prefix, values['legacy-secret'])
    : localKeyStore();
  if (!values.cloud) console.log(`data folder: ${DATA_DIR}`);
  console.log(describeRotation(values.org, await rotateSurveyKey(store, values.org)));
}

main().catch((err: unknown) => {
  console.error(`rotate-survey-key: ${(err as Error).message}`);
  process.exit(1);
});

/**
 * What `npm run rotate-survey-key` does (the command line is rotate-survey-key.ts):
 * `npm run rotate-survey-key -- --org <orgId> [--cloud [--prefix <p>] [--legacy-secret <arn|name>]]`
 *
 * Gives an organisation a new survey-signing key: new links are signed with it, links signed with the previous key
 * stay valid until they expire, and the key before that is dropped (its links stop opening). An organisation that
 * never rotated starts from the single key of before key ids (key id "0"), so links already printed keep working.
 * Locally the set is `.data/keys/survey/<orgId>.json` (the running `npm start` picks it up at once); with --cloud it
 * is the Secrets Manager secret `<prefix><orgId>` (created on the first rotation; Lambda containers pick it up
 * within the hour, or within a minute once a new link is opened). Needs AWS credentials allowed to read the legacy
 * secret and to create and write secrets under the prefix.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  legacyKeySet,
  parseKeySet,
  type Rotation,
  rotateKeySet,
  SAFE_ORG_ID,
  serialiseKeySet,
} from '../../shared/domain/survey-keys.ts';
import { SURVEY_KEY_FILE, SURVEY_KEYS_DIR } from '../local/paths.ts';

/** Where an organisation's key set lives: a folder locally, Secrets Manager in the cloud. */
export interface KeyStore {
  /** The stored set, or undefined when the organisation never rotated. */
  read(orgId: string): Promise<string | undefined>;
  /** The single key of before key ids. */
  legacy(): Promise<Buffer>;
  write(orgId: string, text: string, exists: boolean): Promise<void>;
  where(orgId: string): string;
}

export async function rotateSurveyKey(
  store: KeyStore,
  orgId: string,
  now = new Date(),
  fresh = randomBytes(32),
): Promise<Rotation & { where: string }> {
  if (!SAFE_ORG_ID.test(orgId)) throw new Error(`not an organisation id: ${JSON.stringify(orgId)}`);
  const stored = await store.read(orgId);
  const current = stored === undefined ? legacyKeySet(await store.legacy()) : parseKeySet(stored);
  const rotation = rotateKeySet(current, fresh, now);
  await store.write(orgId, serialiseKeySet(rotation.set), stored !== undefined);
  return { ...rotation, where: store.where(orgId) };
}

/** `.data/keys/survey/<orgId>.json`; the legacy key is the one `npm start` keeps (made here if it has not run yet). */
export function localKeyStore(keysDir = SURVEY_KEYS_DIR, legacyFile = SURVEY_KEY_FILE): KeyStore {
  const file = (orgId: string) => join(keysDir, `${orgId}.json`);
  return {
    read: async (orgId) => (existsSync(file(orgId)) ? readFileSync(file(orgId), 'utf8') : undefined),
    legacy: async () => {
      if (existsSync(legacyFile)) return Buffer.from(readFileSync(legacyFile, 'utf8').trim(), 'base64');
      const key = randomBytes(32);
      mkdirSync(dirname(legacyFile), { recursive: true });
      writeFileSync(legacyFile, key.toString('base64'), { mode: 0o600 });
      return key;
    },
    write: async (orgId, text) => {
      mkdirSync(keysDir, { recursive: true, mode: 0o700 });
      // Written aside, then renamed: a request reading the set never sees half a file.
      const tmp = `${file(orgId)}.${process.pid}.tmp`;
      writeFileSync(tmp, text, { mode: 0o600 });
      renameSync(tmp, file(orgId));
    },
    where: (orgId) => relative(process.cwd(), file(orgId)) || file(orgId),
  };
}

/** One secret per organisation, `<prefix><orgId>`; the legacy key is the stack's SurveySigningKey secret. */
export function cloudKeyStore(client: SecretsManagerClient, prefix: string, legacySecret?: string): KeyStore {
  const name = (orgId: string) => `${prefix}${orgId}`;
  return {
    read: async (orgId) => {
      try {
        const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: name(orgId) }));
        return SecretString;
      } catch (err) {
        if ((err as { name?: string }).name === 'ResourceNotFoundException') return undefined;
        throw err;
      }
    },
    legacy: async () => {
      if (!legacySecret)
        throw new Error(
          'this organisation has no key set yet: pass --legacy-secret <ARN or name of the stack survey signing key> so links already printed keep working',
        );
      const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: legacySecret }));
      if (typeof SecretString !== 'string' || SecretString.length < 32) throw new Error('legacy survey key is missing');
      // The functions use the legacy secret's text as the key bytes.
      return Buffer.from(SecretString, 'utf8');
    },
    write: async (orgId, text, exists) => {
      if (exists) await client.send(new PutSecretValueCommand({ SecretId: name(orgId), SecretString: text }));
      else
        await client.send(
          new CreateSecretCommand({
            Name: name(orgId),
            SecretString: text,
            Description: `kinerja-asn: survey link keys of organisation ${orgId}`,
          }),
        );
    },
    where: (orgId) => `Secrets Manager secret ${name(orgId)}`,
  };
}

export function describeRotation(orgId: string, r: Rotation & { where: string }): string {
  return [
    `${orgId}: new survey key ${r.added} signs every new link from now on.`,
    r.kept.length
      ? `Key ${r.kept.join(', ')} stays valid: links already printed with it open until they expire.`
      : 'No previous key kept.',
    r.dropped.length ? `Dropped key ${r.dropped.join(', ')}: links signed with it no longer open.` : 'No key dropped.',
    `Stored in ${r.where}.`,
  ].join('\n');
}

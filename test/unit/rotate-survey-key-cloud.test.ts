/** `npm run rotate-survey-key -- --cloud`: one Secrets Manager secret per organisation (SDK mocked). */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it, vi } from 'vitest';
import { cloudKeyStore, describeRotation, rotateSurveyKey } from '../../infra/ops/survey-keys.ts';
import { parseKeySet } from '../../shared/domain/survey-keys.ts';

const LEGACY = 'L'.repeat(64);
const PREFIX = 'kinerja-asn/survey-keys/';

/** A Secrets Manager of named secrets, answering the commands the store sends. */
function fakeSecrets(initial: Record<string, string>) {
  const secrets = { ...initial };
  const calls: string[] = [];
  const send = vi.fn(async (command: { constructor: { name: string }; input: Record<string, string> }) => {
    const kind = command.constructor.name;
    const { SecretId, Name, SecretString } = command.input;
    calls.push(`${kind} ${SecretId ?? Name}`);
    if (kind === 'GetSecretValueCommand') {
      if (!(SecretId! in secrets)) throw Object.assign(new Error('none'), { name: 'ResourceNotFoundException' });
      return { SecretString: secrets[SecretId!] };
    }
    if (kind === 'CreateSecretCommand') secrets[Name!] = SecretString!;
    if (kind === 'PutSecretValueCommand') secrets[SecretId!] = SecretString!;
    return {};
  });
  return { client: { send } as unknown as SecretsManagerClient, secrets, calls };
}

describe('rotating in the cloud', () => {
  it("creates the organisation's secret from the legacy key on the first rotation, then rotates it in place", async () => {
    const sm = fakeSecrets({ 'arn:legacy': LEGACY });
    const store = cloudKeyStore(sm.client, PREFIX, 'arn:legacy');
    const first = await rotateSurveyKey(store, 'kota-medan');
    expect(sm.calls).toEqual([
      `GetSecretValueCommand ${PREFIX}kota-medan`,
      'GetSecretValueCommand arn:legacy',
      `CreateSecretCommand ${PREFIX}kota-medan`,
    ]);
    const set = parseKeySet(sm.secrets[`${PREFIX}kota-medan`]!);
    expect(set.keys.map((k) => k.kid)).toEqual(['1', '0']);
    // Key 0 and the link key are the legacy secret's text as bytes, as the functions use it.
    expect(set.keys[1]!.key.toString('utf8')).toBe(LEGACY);
    expect(set.linkKey.toString('utf8')).toBe(LEGACY);
    expect(describeRotation('kota-medan', first)).toContain(`Stored in Secrets Manager secret ${PREFIX}kota-medan.`);

    sm.calls.length = 0;
    const second = await rotateSurveyKey(store, 'kota-medan');
    expect(sm.calls).toEqual([
      `GetSecretValueCommand ${PREFIX}kota-medan`,
      `PutSecretValueCommand ${PREFIX}kota-medan`,
    ]);
    expect([second.added, second.kept, second.dropped]).toEqual(['2', ['1'], ['0']]);
    // Other organisations' secrets are never touched.
    expect(Object.keys(sm.secrets).sort()).toEqual(['arn:legacy', `${PREFIX}kota-medan`]);
  });

  it('asks for the legacy secret when the organisation has no set yet, and writes nothing', async () => {
    const sm = fakeSecrets({});
    await expect(rotateSurveyKey(cloudKeyStore(sm.client, PREFIX), 'kota-medan')).rejects.toThrow('--legacy-secret');
    expect(sm.calls.some((c) => !c.startsWith('GetSecretValueCommand'))).toBe(false);
  });

  it('refuses an id that is not an organisation id before any call', async () => {
    const sm = fakeSecrets({});
    await expect(rotateSurveyKey(cloudKeyStore(sm.client, PREFIX, 'x'), '../other')).rejects.toThrow(
      'not an organisation id',
    );
    expect(sm.calls).toEqual([]);
  });
});

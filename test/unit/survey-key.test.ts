import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('@aws-sdk/client-secrets-manager', () => ({
  SecretsManagerClient: class {
    send = send;
  },
  GetSecretValueCommand: class {
    constructor(readonly input: unknown) {}
  },
}));

const SECRET = 'a-signing-secret-of-at-least-32-characters';
const ARN = 'arn:aws:secretsmanager:ap-southeast-3:111111111111:secret:survey';

/** A fresh module each test: the cache lives in module state, as in a fresh container. */
const fresh = async () => (await import('../../shared/survey-key.ts')).surveySigningKey;

describe('surveySigningKey', () => {
  beforeEach(() => {
    vi.resetModules();
    send.mockReset();
    vi.useFakeTimers({ now: new Date('2026-11-02T08:00:00Z') });
    vi.stubEnv('SURVEY_SIGNING_KEY', '');
    vi.stubEnv('SURVEY_SECRET_ARN', ARN);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('uses the local key when SURVEY_SIGNING_KEY is set, without Secrets Manager', async () => {
    vi.stubEnv('SURVEY_SIGNING_KEY', Buffer.from('local key').toString('base64'));
    expect((await (await fresh())()).toString()).toBe('local key');
    expect(send).not.toHaveBeenCalled();
  });

  it('reads the secret named by SURVEY_SECRET_ARN once, then serves it from the cache for an hour', async () => {
    send.mockResolvedValue({ SecretString: SECRET });
    const key = await fresh();
    expect((await key()).toString()).toBe(SECRET);
    vi.advanceTimersByTime(59 * 60_000);
    await key();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].input).toEqual({ SecretId: ARN });
    vi.advanceTimersByTime(2 * 60_000);
    await key();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('reads again on the next request after a failed read', async () => {
    send.mockRejectedValueOnce(new Error('throttled')).mockResolvedValue({ SecretString: SECRET });
    const key = await fresh();
    await expect(key()).rejects.toThrow('throttled');
    expect((await key()).toString()).toBe(SECRET);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('refuses a missing or short secret, and a container with neither variable', async () => {
    send.mockResolvedValue({ SecretString: 'short' });
    await expect((await fresh())()).rejects.toThrow('missing or too short');
    vi.resetModules();
    send.mockResolvedValue({});
    await expect((await fresh())()).rejects.toThrow('missing or too short');
    vi.resetModules();
    vi.stubEnv('SURVEY_SECRET_ARN', '');
    await expect((await fresh())()).rejects.toThrow('SURVEY_SECRET_ARN or SURVEY_SIGNING_KEY must be set');
  });
});

describe('surveyKeySet', () => {
  const PREFIX = 'kinerja-asn/survey-keys/';
  const set = (kid: string, fill: number) =>
    JSON.stringify({
      linkKey: Buffer.from(SECRET).toString('base64'),
      keys: [{ kid, key: Buffer.alloc(32, fill).toString('base64') }],
    });
  const keySet = async () => (await import('../../shared/survey-key.ts')).surveyKeySet;
  const notFound = Object.assign(new Error('no secret'), { name: 'ResourceNotFoundException' });

  beforeEach(() => {
    vi.resetModules();
    send.mockReset();
    vi.useFakeTimers({ now: new Date('2026-11-02T08:00:00Z') });
    vi.stubEnv('SURVEY_SIGNING_KEY', '');
    vi.stubEnv('SURVEY_SECRET_ARN', ARN);
    vi.stubEnv('SURVEY_KEYS_SECRET_PREFIX', PREFIX);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("reads the organisation's own secret, cached for an hour", async () => {
    send.mockResolvedValue({ SecretString: set('3', 3) });
    const get = await keySet();
    expect((await get('kota-medan')).keys.map((k) => k.kid)).toEqual(['3']);
    await get('kota-medan');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].input).toEqual({ SecretId: `${PREFIX}kota-medan` });
  });

  it('falls back to the legacy secret as key id "0" for an organisation that never rotated', async () => {
    send.mockImplementation(async (c: { input: { SecretId: string } }) => {
      if (c.input.SecretId === ARN) return { SecretString: SECRET };
      throw notFound;
    });
    const s = await (await keySet())('kota-binjai');
    expect(s.keys.map((k) => k.kid)).toEqual(['0']);
    expect(s.keys[0]!.key.toString()).toBe(SECRET);
    expect(s.linkKey.toString()).toBe(SECRET);
  });

  it('re-reads on an unknown key id, but at most once a minute', async () => {
    send.mockResolvedValueOnce({ SecretString: set('1', 1) }).mockResolvedValue({ SecretString: set('2', 2) });
    const get = await keySet();
    expect((await get('kota-medan')).keys[0]!.kid).toBe('1');
    expect((await get('kota-medan', { refresh: true })).keys[0]!.kid).toBe('1');
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(61_000);
    expect((await get('kota-medan', { refresh: true })).keys[0]!.kid).toBe('2');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('never names a secret or file after an id that is not an organisation id', async () => {
    const get = await keySet();
    for (const bad of ['../keys', 'Kota Medan', '', 'a/b'])
      await expect(get(bad)).rejects.toThrow('not an organisation id');
    expect(send).not.toHaveBeenCalled();
  });
});

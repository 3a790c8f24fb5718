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

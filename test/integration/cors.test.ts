/** CORS at the local gateway, exactly as the stack configures the HTTP API (shared/platform/cors.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedOriginsFrom } from '../../infra/local/runtime.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const VITE = 'http://localhost:5173';
const preflight = (origin: string, path = '/me') =>
  fetch(`${stack.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
    },
  });

describe('CORS', () => {
  it.each([VITE, 'own origin'])('answers a preflight from %s with the configured rules', async (who) => {
    const origin = who === VITE ? VITE : stack.url;
    const res = await preflight(origin);
    expect(res.status).toBe(204);
    expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
      'access-control-allow-headers': 'authorization,content-type,idempotency-key,accept-language,x-correlation-id',
      'access-control-expose-headers': 'x-correlation-id,idempotent-replay,content-disposition',
      'access-control-max-age': '3600',
    });
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets an allowed origin read the answer and its exposed headers, refusals included', async () => {
    for (const path of ['/health', '/me']) {
      const res = await fetch(`${stack.url}${path}`, { headers: { origin: VITE } });
      expect(res.status).toBe(path === '/me' ? 401 : 200);
      expect(res.headers.get('access-control-allow-origin')).toBe(VITE);
      expect(res.headers.get('access-control-expose-headers')).toBe(
        'x-correlation-id,idempotent-replay,content-disposition',
      );
      expect(res.headers.get('vary')).toBe('origin');
      // Preflight-only headers are not on actual answers.
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
    }
  });

  it('gives another origin no CORS headers, on the preflight and on the answer', async () => {
    const evil = 'https://evil.example';
    const pre = await preflight(evil);
    expect(pre.status).toBe(204);
    const res = await fetch(`${stack.url}/health`, { headers: { origin: evil } });
    expect(res.status).toBe(200);
    for (const r of [pre, res])
      expect([...r.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('takes the allowed origins from KINERJA_ALLOWED_ORIGINS, the local form of cdk context allowedOrigins', () => {
    expect(allowedOriginsFrom(' https://a.example , https://b.example,')).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(allowedOriginsFrom('')).toBeUndefined();
    expect(allowedOriginsFrom(undefined)).toBeUndefined();
  });
});

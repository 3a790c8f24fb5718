/** The local issuer's token endpoint: Cognito's client-credentials flow, answered by the local gateway. */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET } from '../../infra/local/issuer.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { apiScopes } from '../../shared/platform/manifest.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
});
afterAll(() => stack.stop());

const FORM = 'application/x-www-form-urlencoded';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': FORM, ...headers },
    body: new URLSearchParams(form).toString(),
  });

describe('POST /oauth2/token (client credentials)', () => {
  it('mints an access token shaped like `npm run token -- client`, with the scope asked for', async () => {
    const res = await token(
      { grant_type: 'client_credentials', scope: 'kinerja-api/directory.read' },
      { authorization: basic(MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { access_token: string };
    expect(body).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: 'Bearer' });
    const claims = decodeJwt(body.access_token);
    const minted = decodeJwt(await stack.issuer.machineToken(MACHINE_CLIENT_ID, ['kinerja-api/directory.read']));
    const shape = ({ iat: _i, exp: _e, ...rest }: Record<string, unknown>) => rest;
    expect(shape(claims)).toEqual(shape(minted));
    expect(claims.scope).toBe('kinerja-api/directory.read');
    expect(claims.exp! - claims.iat!).toBe(3600);
    // The gateway accepts it.
    const me = await stack.call('GET', '/me', { token: body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'machine', clientId: MACHINE_CLIENT_ID });
  });

  it('takes the client in form fields too, and grants every allowed scope when none is asked for', async () => {
    const res = await token({
      grant_type: 'client_credentials',
      client_id: MACHINE_CLIENT_ID,
      client_secret: MACHINE_CLIENT_SECRET,
    });
    expect(res.status).toBe(200);
    const { scope } = decodeJwt(((await res.json()) as { access_token: string }).access_token);
    expect(String(scope).split(' ').sort()).toEqual(
      Object.keys(apiScopes)
        .map((s) => `kinerja-api/${s}`)
        .sort(),
    );
  });

  it.each([
    ['a wrong secret', { grant_type: 'client_credentials' }, basic(MACHINE_CLIENT_ID, 'wrong'), 'invalid_client'],
    [
      'an unknown client',
      { grant_type: 'client_credentials' },
      basic('other', MACHINE_CLIENT_SECRET),
      'invalid_client',
    ],
    ['no client at all', { grant_type: 'client_credentials' }, undefined, 'invalid_client'],
    [
      'another grant',
      { grant_type: 'password' },
      basic(MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET),
      'unsupported_grant_type',
    ],
    [
      'a scope of another API',
      { grant_type: 'client_credentials', scope: 'evil-api/transactions.write' },
      basic(MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET),
      'invalid_scope',
    ],
  ])('refuses %s with 400 %s', async (_what, form, authorization, error) => {
    const res = await token(form, authorization ? { authorization } : {});
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error });
  });

  it('refuses a body that is not a form', async () => {
    const res = await fetch(`${stack.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET) },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request' });
  });
});

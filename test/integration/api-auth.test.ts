/** Authentication at the gateway: only verified JWTs of this API's issuer and clients get through. */
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ISSUER, WEB_CLIENT_ID } from '../../infra/local/issuer.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { tokenFor, who } from '../support/demo.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
});
afterAll(() => stack.stop());

const userClaims = {
  'custom:org': 'kota-medan',
  'custom:nip': '199001152015031003',
  token_use: 'id',
  'cognito:groups': [],
};
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('public routes', () => {
  it('serves /health without a token', async () => {
    const res = await stack.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('answers a path that is not valid percent-encoding with 404, not a crash', async () => {
    const res = await stack.call('GET', '/employees/%E0%A4%A', { token: await tokenFor(stack.issuer, who.staff) });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
  });

  it('refuses a body over 10 MB with 413', async () => {
    const res = await stack.call('POST', '/employees/import', {
      token: await tokenFor(stack.issuer, who.bkpsdm),
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers an unknown route with a JSON 404 naming the route', async () => {
    const res = await stack.call('GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
    expect(res.body.error.message).toContain('/nope');
  });
});

describe('tokens the gateway refuses with 401', () => {
  const forged = async (claims: Record<string, unknown>, opts: { expSeconds?: number; issuer?: string } = {}) => {
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'attacker' })
      .setIssuer(opts.issuer ?? LOCAL_ISSUER)
      .setAudience(WEB_CLIENT_ID)
      .setExpirationTime(opts.expSeconds ?? '1h')
      .sign(privateKey);
  };

  const cases: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['garbage', async () => 'not-a-jwt'],
    ['signed with another key', () => forged(userClaims)],
    [
      'alg none',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...userClaims, iss: LOCAL_ISSUER, aud: WEB_CLIENT_ID, exp: 9e9 })}.`,
    ],
    ['expired', () => stack.issuer.userToken({ orgId: 'kota-medan', nip: who.staff }, -60)],
    [
      'payload altered after signing',
      async () => {
        const [h, , s] = (await tokenFor(stack.issuer, who.staff)).split('.');
        return `${h}.${b64({ ...userClaims, 'custom:nip': who.kadis, iss: LOCAL_ISSUER, aud: WEB_CLIENT_ID, exp: 9e9 })}.${s}`;
      },
    ],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const token = await make();
    const res = await stack.call('GET', '/me', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a token for another audience, though signed by our key', async () => {
    // Re-sign with the issuer's key is impossible from outside; use the issuer to mint a machine token for an unknown client.
    const token = await stack.issuer.machineToken('some-other-app');
    const res = await stack.call('GET', '/me', { token });
    expect(res.status).toBe(401);
  });

  it('refuses a token signed by us whose organisation claim is malformed', async () => {
    const token = await stack.issuer.userToken({ orgId: 'Kota Medan!', nip: who.staff });
    expect((await stack.call('GET', '/me', { token })).status).toBe(401);
  });

  it('speaks English on Accept-Language: en', async () => {
    const res = await stack.call('GET', '/me', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/token is missing, expired or invalid/);
  });
});

describe('who may use which route', () => {
  it('lets a person read /me with their record', async () => {
    const res = await stack.call('GET', '/me', { token: await tokenFor(stack.issuer, who.kasi) });
    expect(res.status).toBe(200);
    expect(res.body.employee.nip).toBe(who.kasi);
    expect(res.body.directSubordinates).toBe(3);
  });

  it('ties a machine token to the organisation of its registered client', async () => {
    const res = await stack.call('GET', '/me', { token: await stack.issuer.machineToken() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'machine', orgId: 'kota-medan', clientId: 'kinerja-local-machine' });
  });

  it('refuses a machine token on a route for people', async () => {
    const res = await stack.call('GET', '/units/DUK-IDK/activity/2026-11', {
      token: await stack.issuer.machineToken(),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('refuses a valid token of a person not registered in the organisation, on every route, even with an admin group', async () => {
    const token = await stack.issuer.userToken({
      orgId: 'kota-medan',
      nip: '199912312024011999',
      groups: ['admin_opd'],
    });
    for (const path of ['/me', '/employees/197401181999031002', '/units']) {
      const res = await stack.call('GET', path, { token });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('not_registered');
    }
  });

  it('refuses an inactive employee', async () => {
    const bkpsdm = await tokenFor(stack.issuer, who.bkpsdm);
    const nip = '199307212019031001';
    const { version } = (await stack.call('GET', `/employees/${nip}`, { token: bkpsdm })).body;
    expect(
      (await stack.call('PATCH', `/employees/${nip}`, { token: bkpsdm, body: { version, status: 'inactive' } })).status,
    ).toBe(200);
    const res = await stack.call('GET', '/me', { token: await tokenFor(stack.issuer, nip) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('account_inactive');
  });
});

describe('machine-client scopes, checked exactly', () => {
  const directory = ['/units', '/units/DUK-IDK/employees', '/units/DUK-IDK/service-types'];
  const machine = (scopes: string[]) => stack.issuer.machineToken(undefined, scopes);

  it('directory.read reads units, the employees of a unit and the service catalogue', async () => {
    const token = await machine(['kinerja-api/directory.read']);
    for (const path of directory) expect((await stack.call('GET', path, { token })).status, path).toBe(200);
  });

  it('gives a machine name, NIP, unit and position of an employee, nothing more', async () => {
    const token = await machine(['kinerja-api/directory.read']);
    const res = await stack.call('GET', '/units/DUK-IDK/employees', { token });
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items)
      expect(Object.keys(item).sort()).toEqual(['name', 'nip', 'position', 'unitCode']);
    const person = await stack.call('GET', '/units/DUK-IDK/employees', {
      token: await tokenFor(stack.issuer, who.kasi),
    });
    expect(person.body.items[0]).toHaveProperty('supervisorNip');
  });

  it('refuses directory.read elsewhere with 403 insufficient_scope', async () => {
    const res = await stack.call('POST', '/service-transactions', {
      token: await machine(['kinerja-api/directory.read']),
      body: { transactions: [{}] },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('insufficient_scope');
  });

  it.each([
    ['a scope-less client', []],
    ['a foreign resource server', ['evil-api/directory.read', 'evil-api/transactions.write']],
    ['a bare scope name', ['directory.read', 'transactions.write']],
    ['another scope of ours', ['kinerja-api/transactions.write']],
  ])('refuses %s on the directory', async (_name, scopes) => {
    const token = await machine(scopes);
    for (const path of directory) {
      const res = await stack.call('GET', path, { token });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('insufficient_scope');
    }
  });

  it('refuses a foreign-prefixed transactions.write on the push', async () => {
    const res = await stack.call('POST', '/service-transactions', {
      token: await machine(['evil-api/transactions.write']),
      body: { transactions: [{}] },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('insufficient_scope');
  });

  it('lets people read the directory without any scope', async () => {
    const token = await tokenFor(stack.issuer, who.staff);
    for (const path of directory) expect((await stack.call('GET', path, { token })).status, path).toBe(200);
  });
});

/** The local issuer verifies as API Gateway's JWT authorizer does, and refuses tokens that could live forever. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createIssuer, LOCAL_ISSUER, MACHINE_CLIENT_ID, WEB_CLIENT_ID } from '../../infra/local/issuer.ts';

const dir = mkdtempSync(join(tmpdir(), 'kinerja-issuer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local issuer', () => {
  it('keeps its key across restarts, so tokens minted before still verify', async () => {
    const file = join(dir, 'key.json');
    const token = await (await createIssuer(file)).userToken({ orgId: 'kota-medan', nip: '199001152015031003' });
    const again = await createIssuer(file);
    expect((await again.verify(token))['custom:nip']).toBe('199001152015031003');
  });

  it('mints Cognito-shaped ID and access tokens', async () => {
    const issuer = await createIssuer();
    const id = await issuer.verify(
      await issuer.userToken({ orgId: 'kota-medan', nip: '199001152015031003', groups: ['auditor'] }),
    );
    expect(id).toMatchObject({
      aud: WEB_CLIENT_ID,
      token_use: 'id',
      'custom:org': 'kota-medan',
      'cognito:groups': ['auditor'],
      iss: LOCAL_ISSUER,
    });
    const access = await issuer.verify(await issuer.machineToken());
    expect(access).toMatchObject({ client_id: MACHINE_CLIENT_ID, sub: MACHINE_CLIENT_ID, token_use: 'access' });
    expect(access.aud).toBeUndefined();
  });

  const signedWithOurKey = async (claims: Record<string, unknown>, exp: boolean) => {
    const file = join(dir, 'key.json');
    await createIssuer(file);
    const jwk = JSON.parse(readFileSync(file, 'utf8'));
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt();
    if (exp) jwt = jwt.setExpirationTime('1h');
    return jwt.sign(await importJWK(jwk, 'RS256'));
  };

  it.each([
    [
      'no expiry',
      { aud: WEB_CLIENT_ID, token_use: 'id', 'custom:org': 'kota-medan', 'custom:nip': '199001152015031003' },
      false,
    ],
    ['no token_use', { aud: WEB_CLIENT_ID, 'custom:org': 'kota-medan', 'custom:nip': '199001152015031003' }, true],
    ['a refresh-style token_use', { aud: WEB_CLIENT_ID, token_use: 'refresh' }, true],
    ['an audience of another app', { aud: 'someone-else', token_use: 'id' }, true],
  ])('refuses a token with %s, though signed with our key', async (_n, claims, exp) => {
    const issuer = await createIssuer(join(dir, 'key.json'));
    await expect(issuer.verify(await signedWithOurKey(claims, exp))).rejects.toThrow();
  });
});

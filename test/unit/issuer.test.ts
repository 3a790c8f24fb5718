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

  const idClaims = {
    aud: WEB_CLIENT_ID,
    token_use: 'id',
    'custom:org': 'kota-medan',
    'custom:nip': '199001152015031003',
  };
  const signed = async (header: { kid?: string }, iat: number) => {
    const file = join(dir, 'key.json');
    await createIssuer(file);
    const jwk = JSON.parse(readFileSync(file, 'utf8'));
    return new SignJWT(idClaims)
      .setProtectedHeader({ alg: 'RS256', ...header })
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(await importJWK(jwk, 'RS256'));
  };
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['issued an hour in the future', async (kid: string) => signed({ kid }, now() + 3600), /future/],
    ['issued a minute in the future', async (kid: string) => signed({ kid }, now() + 60), /future/],
    ['an unknown key id', async () => signed({ kid: 'someone-elses-key' }, now()), /unknown key id/],
    ['no key id', async () => signed({}, now()), /unknown key id/],
  ])('refuses a token %s, though signed with our key (as Cognito would)', async (_n, make, reason) => {
    const file = join(dir, 'key.json');
    const issuer = await createIssuer(file);
    const { kid } = JSON.parse(readFileSync(file, 'utf8')) as { kid: string };
    await expect(issuer.verify(await make(kid))).rejects.toThrow(reason);
    // The same key and claims, issued now under our key id, pass: the refusal is about iat or kid alone.
    await expect(issuer.verify(await signed({ kid }, now()))).resolves.toMatchObject({
      'custom:nip': '199001152015031003',
    });
  });
});

/**
 * The local stand-in for Cognito: an RS256 signing key (made on first start, kept under .data/), tokens with
 * the claims Cognito puts in them, and verification with the checks API Gateway's JWT authorizer makes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { apiScopes } from '../../shared/platform/manifest.ts';

export const LOCAL_ISSUER = 'http://localhost/kinerja-local-issuer';
export const WEB_CLIENT_ID = 'kinerja-local-web';
export const MACHINE_CLIENT_ID = 'kinerja-local-machine';
export const AUDIENCES = [WEB_CLIENT_ID, MACHINE_CLIENT_ID];

export interface UserTokenInput {
  orgId: string;
  nip: string;
  groups?: string[];
  email?: string;
}

export interface Issuer {
  userToken(input: UserTokenInput, ttlSeconds?: number): Promise<string>;
  machineToken(clientId?: string, scopes?: string[], ttlSeconds?: number): Promise<string>;
  /** Throws on a missing, forged, expired or foreign token; returns the claims otherwise. */
  verify(token: string): Promise<JWTPayload>;
}

type Key = Awaited<ReturnType<typeof importJWK>>;

async function loadOrCreateKey(file: string | undefined): Promise<{ privateKey: Key; publicKey: Key; kid: string }> {
  if (file && existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
    return { privateKey: await importJWK(jwk, 'RS256'), publicKey: await importJWK(pub, 'RS256'), kid: jwk.kid };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'RS256' }), { mode: 0o600 });
  }
  return { privateKey, publicKey, kid };
}

/** `keyFile` keeps the key across restarts (tokens stay valid); without it the key lives in memory. */
export async function createIssuer(keyFile?: string): Promise<Issuer> {
  const { privateKey, publicKey, kid } = await loadOrCreateKey(keyFile);
  const sign = (claims: JWTPayload, ttl: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(privateKey);

  return {
    // Shape of a Cognito ID token: aud is the web client, custom attributes carry organisation and NIP.
    userToken: (u, ttl = 12 * 3600) =>
      sign(
        {
          sub: `user-${u.orgId}-${u.nip}`,
          aud: WEB_CLIENT_ID,
          token_use: 'id',
          'cognito:username': u.nip,
          'cognito:groups': u.groups ?? [],
          'custom:org': u.orgId,
          'custom:nip': u.nip,
          ...(u.email ? { email: u.email } : {}),
        },
        ttl,
      ),
    // Shape of a Cognito client-credentials access token: no aud, client_id and scope instead.
    machineToken: (
      clientId = MACHINE_CLIENT_ID,
      scopes = Object.keys(apiScopes).map((s) => `kinerja-api/${s}`),
      ttl = 3600,
    ) => sign({ sub: clientId, client_id: clientId, token_use: 'access', scope: scopes.join(' ') }, ttl),
    verify: async (token) => {
      // algorithms pins RS256, so `alg: none` and HMAC tricks are refused before the signature check.
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: LOCAL_ISSUER,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'token_use'],
      });
      if (payload.token_use !== 'id' && payload.token_use !== 'access')
        throw new Error('token_use must be id or access');
      // As API Gateway does: an ID token's aud, or an access token's client_id, must be one of ours.
      const auds = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
      const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
      if (!auds.some((a) => AUDIENCES.includes(a)) && !(clientId && AUDIENCES.includes(clientId))) {
        throw new Error("token audience is not one of this API's clients");
      }
      return payload;
    },
  };
}

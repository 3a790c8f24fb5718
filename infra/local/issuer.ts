/**
 * The local stand-in for Cognito: an RS256 signing key (made on first start, kept under .data/), tokens with
 * the claims Cognito puts in them, the client-credentials flow of Cognito's /oauth2/token, and verification with
 * the checks API Gateway's JWT authorizer makes.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { apiScopes } from '../../shared/platform/manifest.ts';

export const LOCAL_ISSUER = 'http://localhost/kinerja-local-issuer';
export const WEB_CLIENT_ID = 'kinerja-local-web';
export const MACHINE_CLIENT_ID = 'kinerja-local-machine';
export const AUDIENCES = [WEB_CLIENT_ID, MACHINE_CLIENT_ID];
/** The demo machine client's secret: a local stand-in (Cognito generates the real one); never deployed. */
export const MACHINE_CLIENT_SECRET = 'kinerja-local-machine-secret';
/** Where the local gateway answers the token endpoint, as Cognito's domain does. */
export const TOKEN_PATH = '/oauth2/token';
/** Every scope of the API's resource server: what the demo machine client may ask for. */
const MACHINE_SCOPES = Object.keys(apiScopes).map((s) => `kinerja-api/${s}`);

/** An answer of the token endpoint: a token, or an OAuth2 error code (RFC 6749 §5.2) as Cognito sends it. */
export type TokenResponse =
  | { status: 200; body: { access_token: string; expires_in: number; token_type: 'Bearer' } }
  | {
      status: 400;
      body: { error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' };
    };

export interface UserTokenInput {
  orgId: string;
  nip: string;
  groups?: string[];
  email?: string;
}

export interface Issuer {
  userToken(input: UserTokenInput, ttlSeconds?: number): Promise<string>;
  machineToken(clientId?: string, scopes?: string[], ttlSeconds?: number): Promise<string>;
  /** POST /oauth2/token: the client-credentials grant, client authenticated by HTTP Basic or form fields. */
  clientCredentials(body: string, contentType?: string, authorization?: string): Promise<TokenResponse>;
  /** Throws on a missing, forged, expired or foreign token; returns the claims otherwise. */
  verify(token: string): Promise<JWTPayload>;
}

const sameSecret = (given: string, expected: string) => {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
};

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

  // Shape of a Cognito client-credentials access token: no aud, client_id and scope instead.
  const machineToken = (clientId = MACHINE_CLIENT_ID, scopes = MACHINE_SCOPES, ttl = 3600) =>
    sign({ sub: clientId, client_id: clientId, token_use: 'access', scope: scopes.join(' ') }, ttl);

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
    machineToken,
    clientCredentials: async (body, contentType, authorization) => {
      const refuse = (error: Extract<TokenResponse, { status: 400 }>['body']['error']) =>
        ({ status: 400, body: { error } }) as const;
      if (contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded')
        return refuse('invalid_request');
      const form = new URLSearchParams(body);
      const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      const [clientId, secret] = basic
        ? Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s)
        : [form.get('client_id'), form.get('client_secret')];
      if (clientId !== MACHINE_CLIENT_ID || !sameSecret(secret ?? '', MACHINE_CLIENT_SECRET))
        return refuse('invalid_client');
      if (form.get('grant_type') !== 'client_credentials') return refuse('unsupported_grant_type');
      // No scope asked for: every scope the client is allowed (as Cognito does).
      const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
      if (asked.some((s) => !MACHINE_SCOPES.includes(s))) return refuse('invalid_scope');
      const ttl = 3600;
      const accessToken = await machineToken(clientId, asked.length ? asked : MACHINE_SCOPES, ttl);
      return { status: 200, body: { access_token: accessToken, expires_in: ttl, token_type: 'Bearer' } };
    },
    verify: async (token) => {
      // algorithms pins RS256, so `alg: none` and HMAC tricks are refused before the signature check. Only our own
      // key id is known, as Cognito's JWKS lists only its keys: another kid is refused even if the signature fits.
      const { payload } = await jwtVerify(
        token,
        (header) => {
          if (header.kid !== kid) throw new Error(`unknown key id ${header.kid ?? '(none)'}`);
          return publicKey;
        },
        { issuer: LOCAL_ISSUER, algorithms: ['RS256'], requiredClaims: ['exp', 'iat', 'token_use'] },
      );
      // As API Gateway's JWT authorizer: iat must be before the current time (a token from the future is forged
      // or from a skewed clock; either way it must not extend its own life).
      if ((payload.iat as number) > Math.floor(Date.now() / 1000)) throw new Error('token issued in the future');
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

/**
 * Runtime settings, read from /app/config.json at start: written at deploy by CDK (the API's URL, Cognito), or
 * served by the local runtime (same origin, dev sign-in). Never baked into the bundle: one build runs anywhere.
 */
export type AuthConfig =
  | { kind: 'dev' }
  | {
      kind: 'cognito';
      /** The OIDC issuer (Cognito user pool URL). */
      authority: string;
      clientId: string;
      /** The hosted UI domain, for sign-out (Cognito has no OIDC end-session endpoint). */
      domain: string;
      redirectUri: string;
      postLogoutRedirectUri: string;
      scope?: string;
    };

export interface AppConfig {
  apiUrl: string;
  auth: AuthConfig;
}

export async function loadConfig(): Promise<AppConfig> {
  const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return (await res.json()) as AppConfig;
}

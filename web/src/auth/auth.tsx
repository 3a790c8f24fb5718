/**
 * Who is signed in, and the token the API gets. Two ways in, chosen by config.json:
 * - cognito: the hosted UI with authorization code + PKCE (oidc-client-ts), the user kept in sessionStorage,
 *   silent renewal before the ID token expires, sign-out through Cognito's /logout;
 * - dev (local runtime only): a demo person or a NIP, exchanged at POST /dev/token for a token of the local issuer.
 * oidc-client-ts is loaded only for cognito, so the local app's first load does not carry it.
 */
import type { UserManager } from 'oidc-client-ts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import type { AppConfig } from '../config';
import { getLang } from '../i18n';
import { appPathOf, returnPathOf } from './return-to';

const DEV_TOKEN_KEY = 'kinerja.devToken';

export interface Auth {
  kind: AppConfig['auth']['kind'];
  /** The bearer token for the API; undefined when nobody is signed in. */
  token: string | undefined;
  /** False until a stored session has been looked at. */
  ready: boolean;
  /** cognito: off to the hosted UI. */
  signIn(): Promise<void>;
  /** dev: sign in as this NIP (throws ApiError, e.g. body.nip). */
  signInDev(nip: string): Promise<void>;
  /** cognito: called on /auth/callback; answers the app path the sign-in began on. */
  completeSignIn(): Promise<string>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/** The current token, readable outside React (the API client's middleware). */
let currentToken: string | undefined;
export const getToken = (): string | undefined => currentToken;

async function userManager(config: AppConfig): Promise<UserManager | undefined> {
  const auth = config.auth;
  if (auth.kind !== 'cognito') return undefined;
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    post_logout_redirect_uri: auth.postLogoutRedirectUri,
    response_type: 'code',
    scope: auth.scope ?? 'openid email profile',
    // Tokens live for the tab only, never in localStorage.
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: true,
  });
}

export function AuthProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  const [manager, setManager] = useState<UserManager | undefined>();
  const [token, setTokenState] = useState<string | undefined>();
  const [ready, setReady] = useState(false);
  const setToken = useCallback((next: string | undefined) => {
    currentToken = next;
    setTokenState(next);
  }, []);

  useEffect(() => {
    if (config.auth.kind !== 'cognito') {
      setToken(sessionStorage.getItem(DEV_TOKEN_KEY) ?? undefined);
      setReady(true);
      return;
    }
    let current = true;
    void userManager(config).then((loaded) => {
      if (current) setManager(loaded);
    });
    return () => {
      current = false;
    };
  }, [config, setToken]);

  useEffect(() => {
    if (!manager) return;
    // The API reads the ID token (it carries custom:org, custom:nip and cognito:groups).
    const onLoaded = (user: { id_token?: string }) => setToken(user.id_token);
    const onGone = () => setToken(undefined);
    manager.events.addUserLoaded(onLoaded);
    manager.events.addUserUnloaded(onGone);
    manager.events.addSilentRenewError(onGone);
    void manager.getUser().then((user) => {
      setToken(user && !user.expired ? user.id_token : undefined);
      setReady(true);
    });
    return () => {
      manager.events.removeUserLoaded(onLoaded);
      manager.events.removeUserUnloaded(onGone);
      manager.events.removeSilentRenewError(onGone);
    };
  }, [manager, setToken]);

  const value = useMemo<Auth>(
    () => ({
      kind: config.auth.kind,
      token,
      ready,
      signIn: async () => {
        // Back to the page asked for (an e-mail's link, say) once signed in.
        await manager?.signinRedirect({ state: { returnTo: appPathOf(window.location, import.meta.env.BASE_URL) } });
      },
      signInDev: async (nip) => {
        let res: Response;
        try {
          res = await fetch(`${config.apiUrl}/dev/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'accept-language': getLang() },
            body: JSON.stringify({ nip }),
          });
        } catch (err) {
          throw new ApiError(0, 'network', (err as Error).message);
        }
        const body: unknown = await res.json().catch(() => undefined);
        if (!res.ok) throw ApiError.fromBody(res.status, body);
        const minted = (body as { token: string }).token;
        sessionStorage.setItem(DEV_TOKEN_KEY, minted);
        setToken(minted);
      },
      completeSignIn: async () => {
        const user = await manager?.signinRedirectCallback();
        setToken(user?.id_token);
        return returnPathOf(user?.state);
      },
      signOut: async () => {
        sessionStorage.removeItem(DEV_TOKEN_KEY);
        setToken(undefined);
        if (manager && config.auth.kind === 'cognito') {
          await manager.removeUser();
          const logout = new URL(`${config.auth.domain.replace(/\/$/, '')}/logout`);
          logout.searchParams.set('client_id', config.auth.clientId);
          logout.searchParams.set('logout_uri', config.auth.postLogoutRedirectUri);
          window.location.assign(logout.toString());
        }
      },
    }),
    [config, manager, token, ready, setToken],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

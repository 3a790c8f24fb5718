/**
 * The cloud sign-in path of the web app, in headless Chromium through the real local stack: config.json says
 * `cognito`, and Cognito's hosted UI and token endpoint are played by routes of the test (the only part with no
 * local form). The token endpoint answers ID tokens of the local issuer, so the API accepts them as it would
 * Cognito's. Proves: authorization code with PKCE (S256), the user kept in sessionStorage only, silent renewal
 * with the refresh token before expiry, and sign-out through the hosted UI's /logout.
 */
import { createHash } from 'node:crypto';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, phoneContext, webAppUnderTest } from '../support/browser.ts';
import { who } from '../support/demo.ts';

const web = webAppUnderTest();

const CLIENT_ID = 'kinerja-web-test';
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

interface HostedUi {
  authorizeRequests: URL[];
  tokenRequests: URLSearchParams[];
  issuedTokens: string[];
  logoutRequests: URL[];
}

/** Serves config.json for Cognito and plays the hosted UI (authorize, token, logout) on the page's routes. */
async function playCognito(page: Page, base: string): Promise<HostedUi> {
  const authority = `${base}/test-cognito/pool`;
  const domain = `${base}/test-hosted-ui`;
  const seen: HostedUi = { authorizeRequests: [], tokenRequests: [], issuedTokens: [], logoutRequests: [] };
  const config = {
    apiUrl: base,
    auth: {
      kind: 'cognito',
      authority,
      clientId: CLIENT_ID,
      domain,
      redirectUri: `${base}/app/auth/callback`,
      postLogoutRedirectUri: `${base}/app/`,
    },
  };
  await page.route(`${base}/app/config.json`, (r) => r.fulfill({ json: config }));
  await page.route(`${authority}/.well-known/openid-configuration`, (r) =>
    r.fulfill({
      json: {
        issuer: authority,
        authorization_endpoint: `${domain}/oauth2/authorize`,
        token_endpoint: `${domain}/oauth2/token`,
        userinfo_endpoint: `${domain}/oauth2/userInfo`,
        jwks_uri: `${authority}/.well-known/jwks.json`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      },
    }),
  );
  await page.route(`${domain}/oauth2/authorize?**`, (r: Route) => {
    const asked = new URL(r.request().url());
    seen.authorizeRequests.push(asked);
    const back = new URL(asked.searchParams.get('redirect_uri')!);
    back.searchParams.set('code', `code-${seen.authorizeRequests.length}`);
    back.searchParams.set('state', asked.searchParams.get('state')!);
    return r.fulfill({ status: 302, headers: { location: back.toString() } });
  });
  await page.route(`${domain}/oauth2/token`, async (r: Route) => {
    const form = new URLSearchParams(r.request().postData() ?? '');
    seen.tokenRequests.push(form);
    // A different lifetime makes each ID token a different string; the first one expires soon, so the client
    // must renew it (oidc-client-ts renews 60 s before expiry).
    const first = seen.tokenRequests.length === 1;
    const idToken = await web.stack.issuer.userToken(
      { orgId: 'kota-medan', nip: who.staff, groups: [] },
      first ? 3600 : 7200 + seen.tokenRequests.length,
    );
    seen.issuedTokens.push(idToken);
    return r.fulfill({
      json: {
        id_token: idToken,
        access_token: `access-${seen.tokenRequests.length}`,
        refresh_token: 'refresh-1',
        token_type: 'Bearer',
        expires_in: first ? 62 : 3600,
      },
    });
  });
  await page.route(`${domain}/logout?**`, (r: Route) => {
    seen.logoutRequests.push(new URL(r.request().url()));
    return r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Signed out</title><h1>Signed out</h1>' });
  });
  return seen;
}

const base64url = (b: Buffer) => b.toString('base64url');

describe('signing in with Cognito (hosted UI, authorization code + PKCE)', () => {
  it('signs in with PKCE, keeps the user for the tab only, renews silently and signs out at /logout', async () => {
    // Routes of the test must see every request, so no service worker answers in between.
    const context = await phoneContext(web.context.browser()!, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const hostedUi = await playCognito(page, web.stack.url);
    const bearers: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/me') bearers.push(req.headers().authorization ?? '');
    });

    await page.goto(`${web.stack.url}/app/`);
    const signIn = page.getByRole('button', { name: 'Masuk dengan akun Pemkot' });
    await signIn.waitFor();
    expect(await page.getByRole('button', { name: new RegExp(who.staff) }).count()).toBe(0); // no demo people
    await expectAccessible(page, 'Cognito sign-in');
    await signIn.tap();

    await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);
    expect(new URL(page.url()).pathname).toBe('/app/');

    // The authorization request: code flow with a PKCE challenge, back to the registered callback.
    expect(hostedUi.authorizeRequests).toHaveLength(1);
    const asked = hostedUi.authorizeRequests[0]!.searchParams;
    expect(asked.get('response_type')).toBe('code');
    expect(asked.get('client_id')).toBe(CLIENT_ID);
    expect(asked.get('redirect_uri')).toBe(`${web.stack.url}/app/auth/callback`);
    expect(asked.get('code_challenge_method')).toBe('S256');
    // The exchange proves possession: SHA-256 of the verifier is the challenge sent before.
    const exchange = hostedUi.tokenRequests[0]!;
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(exchange.get('code')).toBe('code-1');
    const verifier = exchange.get('code_verifier')!;
    expect(base64url(createHash('sha256').update(verifier).digest())).toBe(asked.get('code_challenge'));
    // The API is called with the ID token (it carries custom:org, custom:nip and the groups).
    expect(bearers[0]).toBe(`Bearer ${hostedUi.issuedTokens[0]}`);

    // Kept for the tab only: in sessionStorage, nothing in localStorage.
    // Strings, not functions: the root tsconfig has no DOM types.
    const stored = await page.evaluate<{ session: string[]; local: string[] }>(`({
      session: Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')),
      local: Object.values(localStorage).filter((v) => v.includes('id_token')),
    })`);
    expect(stored.session).toHaveLength(1);
    expect(stored.local).toEqual([]);

    // Silent renewal: before the first token expires the client uses the refresh token, and the API then gets
    // the new ID token.
    await expect.poll(() => hostedUi.tokenRequests.length, { timeout: 15_000 }).toBe(2);
    expect(hostedUi.tokenRequests[1]!.get('grant_type')).toBe('refresh_token');
    expect(hostedUi.tokenRequests[1]!.get('refresh_token')).toBe('refresh-1');
    // The client stores the renewed user once it has read the answer; reload only then (a busy machine is slow).
    const renewedStored = (token: string | undefined) =>
      `Object.keys(sessionStorage).some((k) => k.startsWith('oidc.user:') && sessionStorage.getItem(k).includes(${JSON.stringify(token ?? 'none yet')}))`;
    await expect
      .poll(() => page.evaluate<boolean>(renewedStored(hostedUi.issuedTokens[1])), { timeout: 15_000 })
      .toBe(true);
    await page.reload();
    await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);
    expect(bearers.at(-1)).toBe(`Bearer ${hostedUi.issuedTokens[1]}`);
    expect(hostedUi.authorizeRequests).toHaveLength(1); // the reload kept the session: no second sign-in

    // Sign-out ends the session here and at the hosted UI.
    await page.getByRole('button', { name: 'Keluar' }).tap();
    await expect.poll(() => hostedUi.logoutRequests.length).toBe(1);
    const logout = hostedUi.logoutRequests[0]!.searchParams;
    expect(logout.get('client_id')).toBe(CLIENT_ID);
    expect(logout.get('logout_uri')).toBe(`${web.stack.url}/app/`);
    await page.getByRole('heading', { name: 'Signed out' }).waitFor();
    await page.goto(`${web.stack.url}/app/`);
    await page.getByRole('button', { name: 'Masuk dengan akun Pemkot' }).waitFor();
    const left = await page.evaluate<string[]>("Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))");
    expect(left).toEqual([]);
    await context.close();
  });
});

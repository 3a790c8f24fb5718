/**
 * The web app as a person meets it, through the real local stack (gateway, handlers, DynamoDB Local): headless
 * Chromium on a 360 px phone, from `/` to the dev sign-in, home, English, sign-out; axe finds nothing on the way.
 * Builds the app first when web/dist is missing (a fresh clone); CI builds it before `npm test`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../infra/local/web.ts';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';

const PEGAWAI = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay' };
const web = webAppUnderTest();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe('the web app in a browser', () => {
  it('is served under /app/ with its CSP, its runtime config and a redirect from /', async () => {
    const root = await fetch(`${web.stack.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const index = await fetch(`${web.stack.url}/app/aktivitas`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(await index.text()).toContain('<div id="root">');
    const asset = /src="(\/app\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${web.stack.url}/app/`)).text())![1]!;
    expect((await fetch(`${web.stack.url}${asset}`)).headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${web.stack.url}/app/config.json`)).json()).toEqual({
      apiUrl: web.stack.url,
      auth: { kind: 'dev' },
    });
    // The API's own paths are untouched.
    expect((await fetch(`${web.stack.url}/health`)).status).toBe(200);
  });

  it('mints dev tokens for a NIP and names the field when the NIP is malformed', async () => {
    const people = (await (await fetch(`${web.stack.url}/dev/people`)).json()) as {
      people: { nip: string; role: string }[];
    };
    expect(people.people).toContainEqual(expect.objectContaining({ nip: PEGAWAI.nip, role: 'Pegawai' }));
    const bad = await fetch(`${web.stack.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ nip: '123' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'body.nip', message: 'A NIP is 18 digits.' }],
    });
    const good = await fetch(`${web.stack.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ nip: PEGAWAI.nip }),
    });
    const { token } = (await good.json()) as { token: string };
    const me = await web.stack.call('GET', '/me', { token });
    expect(me.body.employee.name).toBe(PEGAWAI.name);
  });

  it('takes the Pegawai from / through sign-in to home, English and sign-out, accessibly, on a phone', async () => {
    const page = await web.context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
    await page.goto(`${web.stack.url}/`);
    expect(new URL(page.url()).pathname).toBe('/app/');
    await expect.poll(() => h1(page).textContent()).toBe('Masuk');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByRole('button', { name: new RegExp(PEGAWAI.nip) }).waitFor();
    await expectAccessible(page, 'sign-in screen');
    await expectFitsPhone(page);

    // A malformed NIP: the API's message sits under the field, linked to it.
    await page.getByLabel('NIP', { exact: true }).fill('12345');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const nip = page.getByLabel('NIP', { exact: true });
    await expect.poll(() => nip.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').textContent()).toBe('NIP terdiri dari 18 angka.');
    expect(await nip.getAttribute('aria-describedby')).toContain(await page.locator('.field-error').getAttribute('id'));
    await expectAccessible(page, 'sign-in screen with an error');

    await page.getByRole('button', { name: new RegExp(PEGAWAI.nip) }).tap();
    await expect.poll(() => h1(page).textContent()).toBe(`Selamat datang, ${PEGAWAI.name}`);
    expect(await page.getByText(/^Hari ini /).textContent()).toMatch(/\d{4}$/);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Beranda',
      'Aktivitas',
      'SKP',
      'Penilaian',
      'Umpan balik',
      'Sinyal saya',
      'Kotak masuk',
    ]);
    expect(await nav.getByRole('link', { name: 'Beranda' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'home');
    await expectFitsPhone(page);

    // A page of the menu, by its own address under /app/.
    await nav.getByRole('link', { name: 'Aktivitas' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Aktivitas');
    expect(new URL(page.url()).pathname).toBe('/app/aktivitas');
    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe('Aktivitas');
    await nav.getByRole('link', { name: 'Beranda' }).tap();

    await page.getByRole('button', { name: 'English' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe(`Welcome, ${PEGAWAI.name}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Activities',
      'SKP',
      'Evaluation',
      'Feedback',
      'My signals',
      'Inbox',
    ]);

    await page.getByRole('button', { name: 'Sign out' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Sign in');
    expect(await page.evaluate<string | null>("sessionStorage.getItem('kinerja.devToken')")).toBeNull();
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});

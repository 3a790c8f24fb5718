/**
 * /docs as a developer meets it: headless Chromium on the real local stack, every request outside it refused
 * (the viewer works offline), the CSP enforced. Search, Authorize with a dev token, "Execute" GET /me; axe checks
 * the page for WCAG 2 A/AA violations.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { expectAccessible, launchChromium } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
/** Requests that tried to leave the local stack, and what the browser reported as errors (CSP included). */
const outside: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  await context.route(
    (url) => !url.href.startsWith(stack.url),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
}, 60_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

const openDocs = async (hash = ''): Promise<Page> => {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(`${stack.url}/docs${hash}`);
  expect(res?.status()).toBe(200);
  await page.locator('.opblock').first().waitFor();
  return page;
};

/** axe's WCAG 2.0/2.1 A and AA rules: the viewer is a third-party page, not held to the web app's WCAG 2.2. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('/docs in a browser', () => {
  it('renders every operation of the document from files of this origin only, under its CSP', async () => {
    const page = await openDocs();
    const doc = (await stack.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(await page.locator('.opblock').count()).toBe(operations);
    expect(await page.locator('.info .title').textContent()).toContain('kinerja-asn');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the operations by tag with the search box', async () => {
    const page = await openDocs();
    const all = await page.locator('.opblock').count();
    await page.locator('input.operation-filter-input').fill('Sistem');
    await expect.poll(() => page.locator('.opblock').count()).toBeLessThan(all);
    const tags = await page.locator('.opblock-tag').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(t).toContain('Sistem');
    expect(await page.locator('#operations-Sistem-health').count()).toBe(1);
    await page.close();
  });

  it('calls GET /me with a dev token put in the Authorize box', async () => {
    const page = await openDocs();
    await page.locator('button.authorize').first().click();
    const box = page.locator('.auth-container', { hasText: 'userToken' });
    await box.locator('input').fill(await tokenFor(stack.issuer, who.staff));
    await box.locator('button.authorize').click();
    await page.locator('.modal-ux button.btn-done').first().click();
    const me = page.locator('[id$="-get-me"]').first();
    await me.locator('.opblock-summary-control').click();
    // try-it is on from the start (tryItOutEnabled): the button offers to cancel it.
    await expect.poll(() => me.getByRole('button', { name: 'Cancel' }).count()).toBe(1);
    await me.getByRole('button', { name: 'Execute' }).click();
    const status = me.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    expect(
      await me.locator('.live-responses-table .microlight, .live-responses-table pre').first().textContent(),
    ).toContain(who.staff);
    expect(errors).toEqual([]);
    // The answer on screen (response body, headers, curl) is checked too.
    await expectAccessible(page, '/docs with a response', WCAG_21_AA);
    await page.close();
  }, 30_000);

  it('has no WCAG 2 A/AA violations (axe), with an operation open', async () => {
    const page = await openDocs();
    await page.locator('[id$="-get-me"] .opblock-summary-control').first().click();
    await expectAccessible(page, '/docs with an operation open', WCAG_21_AA);
    await page.close();
  }, 30_000);
});

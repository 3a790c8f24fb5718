/**
 * What the browser tests share: headless Chromium, a phone-sized context, the built web app, and the two checks every
 * screen passes (axe finds nothing; the page fits a phone).
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { WEB_DIST } from '../../infra/local/web.ts';
import { launchChromium, PHONE } from './chromium.ts';
import { startTestStack, type TestStack } from './stack.ts';

export { CHROMIUM, launchChromium, PHONE } from './chromium.ts';

/** Whether the element has the keyboard focus (cast: the root tsconfig has no DOM types). */
export const isFocused = (element: Locator) =>
  element.evaluate((el) => (el as unknown as { matches(selector: string): boolean }).matches(':focus'));

/** axe's WCAG 2.0–2.2 A and AA rules, as the web app is held to them. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** A touch phone in Indonesian (PHONE unless `options` says otherwise), waiting at most `defaultTimeout` ms. */
export async function phoneContext(
  browser: Browser,
  { defaultTimeout = 10_000, ...options }: BrowserContextOptions & { defaultTimeout?: number } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    ...options,
  });
  context.setDefaultTimeout(defaultTimeout);
  return context;
}

const BUILD_LOCK = resolve(tmpdir(), 'kinerja-web-build.lock');

/**
 * Builds the web app into web/dist when it is missing (a fresh clone; CI builds it before `npm test`). Test files
 * run in parallel workers, so the check and the build happen under a lock file: one worker builds, the others wait
 * and then find the app built. A lock left by a process that died is taken over.
 */
export async function ensureWebAppBuilt(): Promise<void> {
  const lock = await takeLock(BUILD_LOCK, 300_000);
  try {
    if (!existsSync(resolve(WEB_DIST, 'index.html')))
      execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: resolve(import.meta.dirname, '../..') });
  } finally {
    closeSync(lock);
    unlinkSync(BUILD_LOCK);
  }
}

async function takeLock(path: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      return fd;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (clearedStale(path)) continue;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${path}; remove it if no build is running.`);
    await sleep(250);
  }
}

/**
 * Removes the lock when the process named in it has died. It is first renamed aside and checked to be the file
 * judged stale, so a waiter that judged late cannot remove a lock another waiter has just taken (it puts that back).
 */
function clearedStale(path: string): boolean {
  let judged: { ino: number; pid: number };
  try {
    judged = { ino: statSync(path).ino, pid: Number(readFileSync(path, 'utf8')) };
  } catch {
    return true; // released meanwhile: try again at once
  }
  if (!judged.pid || alive(judged.pid)) return false; // no pid yet: being taken right now
  const aside = `${path}.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return true;
  }
  if (statSync(aside).ino !== judged.ino) linkSync(aside, path);
  unlinkSync(aside);
  return true;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** axe finds no violation of `tags` on the page; `what` names the screen in a failure. */
export async function expectAccessible(page: Page, what: string, tags: string[] = WCAG_22_AA): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}

/**
 * Which tap targets `expectFitsPhone` measures: every visible button, link and input as drawn; the same but a
 * checkbox by its label (which takes the tap too); or none, only the width.
 */
export type TapTargets = 'as-drawn' | 'checkbox-by-label' | 'none';

/** No sideways scrolling on a PHONE-wide screen, and every tap target (skip link aside) at least 44 × 44 px. */
export async function expectFitsPhone(page: Page, targets: TapTargets = 'as-drawn'): Promise<void> {
  expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  if (targets === 'none') return;
  const byLabel =
    targets === 'checkbox-by-label' ? `.map((el) => el.type === 'checkbox' ? el.closest('label') : el)` : '';
  const small = await page.evaluate<string[]>(`[...document.querySelectorAll('button, a[href], input')]
    .filter((el) => el.getClientRects().length && !el.classList.contains('skip-link'))${byLabel}
    .filter((el) => { const r = el.getBoundingClientRect(); return r.height < 44 || r.width < 44; })
    .map((el) => el.outerHTML.slice(0, 80))`);
  expect(small).toEqual([]);
}

/** The web app served by a fresh local stack with the demo seeded, and a phone-sized browser on it. */
export interface WebAppUnderTest {
  stack: TestStack;
  context: BrowserContext;
  /** A token for `nip` from the local runtime's dev sign-in (`POST /dev/token`), as the web app's sign-in gets it. */
  devToken(nip: string): Promise<string>;
  /** `stack.call` as `nip` (a dev token) that must succeed (status < 300, the body in the failure); the response. */
  send(nip: string, method: string, path: string, body?: unknown): ReturnType<TestStack['call']>;
  /** The same, only the response's body. */
  call(nip: string, method: string, path: string, body?: unknown): Promise<any>;
  /** A new tab (its own session) signed in as `nip` through the dev sign-in's NIP field, on the home page. */
  openAs(nip: string): Promise<Page>;
}

/**
 * Registers the file's setup and teardown: builds the app if missing, starts the stack, seeds the demo (with the
 * plans and pending work when `withWork`), opens Chromium with a phone context; closes all after the file.
 */
export function webAppUnderTest(seed: { withWork?: boolean } = {}): WebAppUnderTest {
  const web = {
    devToken: async (nip: string) => {
      const res = await fetch(`${web.stack.url}/dev/token`, { method: 'POST', body: JSON.stringify({ nip }) });
      return ((await res.json()) as { token: string }).token;
    },
    send: async (nip: string, method: string, path: string, body?: unknown) => {
      const res = await web.stack.call(method, path, { token: await web.devToken(nip), body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res;
    },
    call: async (nip: string, method: string, path: string, body?: unknown) =>
      (await web.send(nip, method, path, body)).body,
    openAs: async (nip: string) => {
      const page = await web.context.newPage();
      await page.goto(`${web.stack.url}/app/`);
      await page.getByRole('textbox', { name: 'NIP' }).fill(nip);
      await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Selamat datang, /);
      return page;
    },
  } as WebAppUnderTest;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureWebAppBuilt();
    web.stack = await startTestStack();
    await seedDemo(seed);
    browser = await launchChromium();
    web.context = await phoneContext(browser);
  }, 120_000);
  afterAll(async () => {
    await web.context?.close();
    await browser?.close();
    await web.stack?.stop();
  });
  return web;
}

/**
 * The web app against a bare React page built by the same Vite config and served by the same local gateway,
 * measured in the same run in headless Chromium on a phone-sized screen:
 * 1. first-load JavaScript (gzip) of the employee home and of the supervisor's queue, as a ratio to the bare page
 *    (goal ≤ 2×: pages are loaded per route, so the first load carries only the frame and the page opened);
 * 2. time until the activity form accepts input on a throttled phone (CPU ×4, DevTools' "Slow 4G" network), as a
 *    ratio to the bare page's input under the same throttling;
 * 3. the head of unit's dashboard: first-load JavaScript (Observable Plot comes with it), time until its first chart
 *    is drawn on the same throttled phone (ratio to the bare page's input), and the API requests it makes (goal:
 *    one per panel, none per person). Medians of BENCH_WEB_ROUNDS (default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { DEMO_ORG, demoPeople } from '../../infra/local/demo-data.ts';
import { ensureTables, freePort, startDynamoDbLocal } from '../../infra/local/dynamodb.ts';
import { createIssuer, type Issuer } from '../../infra/local/issuer.ts';
import { configureEnvironment, startLocalApi } from '../../infra/local/runtime.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { launchChromium, PHONE } from '../support/chromium.ts';

const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS ?? 5);
const WEB = resolve(import.meta.dirname, '../../web');
const PEGAWAI = demoPeople.find((p) => p.demoRole === 'Pegawai')!;
const KASI = demoPeople.find((p) => p.demoRole === 'Kepala Seksi (atasan)')!;
const KADIS = demoPeople.find((p) => p.demoRole === 'Kepala Dinas (atasan)')!;
/** DevTools' "Slow 4G" preset and its 4× CPU slowdown for a low-end phone. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) * 0.9,
  uploadThroughput: (750e3 / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds `root` (the app, or the bare page) with web/vite.config.ts into a fresh temporary folder. */
async function buildWith(root: string, name: string): Promise<string> {
  const outDir = mkdtempSync(resolve(tmpdir(), `kinerja-bench-${name}-`));
  await build({ configFile: resolve(WEB, 'vite.config.ts'), root, logLevel: 'silent', build: { outDir } });
  return outDir;
}

interface Visit {
  /** Address under the gateway. */
  path: string;
  /** Signed in as this person (dev token in sessionStorage, as the dev sign-in page leaves it). */
  as?: string;
  /** Resolves when the page is ready for what is measured. */
  ready(page: Page): Promise<void>;
}

/** Gzip bytes of every script the page loads until it is ready and the network is idle. */
async function firstLoadJs(
  browser: Browser,
  base: string,
  visit: Visit,
  tokens: Map<string, string>,
  apiCalls?: string[],
): Promise<number> {
  const { page, close } = await openPage(browser, visit, tokens);
  const scripts: Promise<number>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(res.body().then((b) => gzipSync(b).length));
  });
  // The API's requests: everything fetched outside the web app's own files.
  page.on('request', (req) => {
    const { pathname } = new URL(req.url());
    if (['fetch', 'xhr'].includes(req.resourceType()) && !pathname.startsWith('/app/')) {
      apiCalls?.push(`${req.method()} ${pathname}`);
    }
  });
  await page.goto(`${base}${visit.path}`);
  await visit.ready(page);
  await page.waitForLoadState('networkidle');
  const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  await close();
  return total;
}

/** Milliseconds from navigation start until the page is ready (its input takes text, its chart is drawn), throttled. */
async function timeUntilReady(
  browser: Browser,
  base: string,
  visit: Visit,
  tokens: Map<string, string>,
): Promise<number> {
  const { page, close } = await openPage(browser, visit, tokens);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await page.goto(`${base}${visit.path}`, { waitUntil: 'commit' });
  await visit.ready(page);
  const ms = await page.evaluate(() => performance.now());
  await close();
  return ms;
}

async function openPage(browser: Browser, visit: Visit, tokens: Map<string, string>) {
  // A first visit, as the page asks for it: the service worker's precache of every chunk (for offline use) is a
  // later, background download, and the bare page has none.
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(60_000);
  const token = visit.as ? tokens.get(visit.as) : undefined;
  if (token) await context.addInitScript(`sessionStorage.setItem('kinerja.devToken', ${JSON.stringify(token)})`);
  return { page: await context.newPage(), close: () => context.close() };
}

const typeInto = (label: string) => async (page: Page) => {
  await page.getByLabel(label, { exact: true }).fill('Pelayanan KTP-el');
};

export async function webBench(): Promise<void> {
  console.log('\n== web app vs a bare React page (same Vite config, same gateway, same run) ==');
  const [appDir, bareDir] = [await buildWith(WEB, 'app'), await buildWith(resolve(WEB, 'bench/bare'), 'bare')];
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const tables = { main: 'bench-web-main', audit: 'bench-web-audit' };
  let browser: Browser | undefined;
  const servers: { stop(): Promise<void> }[] = [];
  try {
    configureEnvironment(dynamo.endpoint, tables);
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    await ensureTables(dynamo.endpoint, tables);
    await seedDemo({ withWork: true });
    const issuer = await createIssuer();
    const app = await startLocalApi({ endpoint: dynamo.endpoint, tableNames: tables, issuer, port: 0, webDir: appDir });
    const bare = await startLocalApi({
      endpoint: dynamo.endpoint,
      tableNames: tables,
      issuer,
      port: 0,
      webDir: bareDir,
      functions: [],
    });
    servers.push(app, bare);
    const tokens = await tokensFor(issuer, [PEGAWAI.nip, KASI.nip, KADIS.nip]);
    browser = await launchChromium();

    const bareVisit: Visit = { path: '/app/', ready: typeInto('Uraian kegiatan') };
    const home: Visit = {
      path: '/app/',
      as: PEGAWAI.nip,
      ready: (p) => p.getByRole('heading', { level: 1, name: /Selamat datang/ }).waitFor(),
    };
    const queue: Visit = {
      path: '/app/tim',
      as: KASI.nip,
      ready: (p) => p.getByRole('heading', { level: 2, name: 'Antrean verifikasi' }).waitFor(),
    };
    const form: Visit = { path: '/app/aktivitas', as: PEGAWAI.nip, ready: typeInto('Uraian kegiatan') };
    const dashboard: Visit = {
      path: '/app/dasbor',
      as: KADIS.nip,
      ready: (p) => p.locator('figure.chart svg').first().waitFor(),
    };

    const js = { bare: [] as number[], home: [] as number[], queue: [] as number[], dashboard: [] as number[] };
    const ms = { bare: [] as number[], form: [] as number[], dashboard: [] as number[] };
    let dashboardCalls: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      js.bare.push(await firstLoadJs(browser, bare.url, bareVisit, tokens));
      js.home.push(await firstLoadJs(browser, app.url, home, tokens));
      js.queue.push(await firstLoadJs(browser, app.url, queue, tokens));
      ms.bare.push(await timeUntilReady(browser, bare.url, bareVisit, tokens));
      ms.form.push(await timeUntilReady(browser, app.url, form, tokens));
      const calls: string[] = [];
      js.dashboard.push(await firstLoadJs(browser, app.url, dashboard, tokens, calls));
      ms.dashboard.push(await timeUntilReady(browser, app.url, dashboard, tokens));
      dashboardCalls = calls;
    }
    const [bareJs, homeJs, queueJs] = [median(js.bare), median(js.home), median(js.queue)];
    const [bareMs, formMs] = [median(ms.bare), median(ms.form)];
    console.log(`first-load JS (gzip): bare React page ${kb(bareJs)}`);
    console.log(`  employee home      ${kb(homeJs)}  ratio ${(homeJs / bareJs).toFixed(2)}× (goal ≤ 2×)`);
    console.log(`  supervisor queue   ${kb(queueJs)}  ratio ${(queueJs / bareJs).toFixed(2)}× (goal ≤ 2×)`);
    console.log(`until the input takes text (CPU ×${CPU_SLOWDOWN}, Slow 4G), median of ${ROUNDS}:`);
    console.log(`  bare React page    ${bareMs.toFixed(0)} ms`);
    console.log(`  activity form      ${formMs.toFixed(0)} ms  ratio ${(formMs / bareMs).toFixed(2)}×`);
    console.log(
      '  (the form waits for its data: who is signed in, the plan in force, the week; the bare page has none)',
    );
    const [dashJs, dashMs] = [median(js.dashboard), median(ms.dashboard)];
    console.log("head of unit's dashboard (Kepala Dinas, the whole Dinas):");
    console.log(`  first-load JS      ${kb(dashJs)}  ratio ${(dashJs / bareJs).toFixed(2)}× (Plot is in it)`);
    console.log(`  until the first chart is drawn  ${dashMs.toFixed(0)} ms  ratio ${(dashMs / bareMs).toFixed(2)}×`);
    console.log(`  API requests: ${dashboardCalls.length} (goal: one per panel, none per person)`);
    for (const [call, n] of countOf(dashboardCalls)) console.log(`    ${n}× ${call}`);
  } finally {
    await browser?.close();
    for (const s of servers) await s.stop();
    await dynamo.stop();
    rmSync(appDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  }
}

function countOf(xs: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
}

async function tokensFor(issuer: Issuer, nips: string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const nip of nips) {
    const groups = demoPeople.find((p) => p.nip === nip)?.groups ?? [];
    tokens.set(nip, await issuer.userToken({ orgId: DEMO_ORG.orgId, nip, groups }));
  }
  return tokens;
}

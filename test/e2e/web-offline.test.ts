/**
 * Logging in the field without a connection, through the real local stack on a 360 px phone: the app installs a
 * service worker and a manifest; offline, the Pegawai's entries wait on the device ("Menunggu dikirim", a count in
 * the header); back online they are sent in order, each with its own key on every attempt, so an entry whose
 * answer was lost on the way is stored once; an entry the API refuses meanwhile comes back with its reason, to fix
 * and send again. axe finds nothing in the new states; the app shell opens offline.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../infra/local/web.ts';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { tokenFor } from '../support/demo.ts';

const PEGAWAI = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay' };
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const wib = (d: Date, o: Intl.DateTimeFormatOptions = {}) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', ...o }).format(d);

/** Three past half hours of one WIB day (early today; late yesterday in the first two hours of a day). */
function pastSlots(): { date: string; slots: [string, string][] } {
  if (Number(wib(new Date(), { hour: '2-digit', hourCycle: 'h23' })) >= 2)
    return {
      date: wib(new Date()),
      slots: [
        ['00:30', '01:00'],
        ['01:00', '01:30'],
        ['01:30', '02:00'],
      ],
    };
  return {
    date: wib(new Date(Date.now() - 86_400_000)),
    slots: [
      ['20:00', '20:30'],
      ['20:30', '21:00'],
      ['21:00', '21:30'],
    ],
  };
}

const isCreate = (r: Request) => r.method() === 'POST' && new URL(r.url()).pathname === '/employees/me/activities';

async function logActivity(page: Page, date: string, [start, end]: [string, string], description: string) {
  await page.getByLabel('Tanggal', { exact: true }).fill(date);
  await page.getByLabel('Jam mulai').fill(start);
  await page.getByLabel('Jam selesai').fill(end);
  await page.getByLabel('RHK', { exact: true }).selectOption({ label: 'Terekamnya data KTP-el pemohon' });
  await page.getByLabel('IKI', { exact: true }).selectOption({ label: 'Pemohon KTP-el yang direkam' });
  await page.getByLabel('Uraian kegiatan').fill(description);
  await page.getByLabel('Jumlah hasil').fill('3');
  await page.getByRole('button', { name: 'Simpan aktivitas' }).tap();
}

describe('the web app offline', () => {
  it('serves the service worker and the manifest uncached, under a CSP that allows them', async () => {
    for (const file of ['sw.js', 'registerSW.js', 'manifest.webmanifest']) {
      const res = await fetch(`${web.stack.url}/app/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control'), file).toBe('no-store');
    }
    expect(APP_CSP).toContain("worker-src 'self'");
    expect(APP_CSP).toContain("manifest-src 'self'");
    const manifest = (await (await fetch(`${web.stack.url}/app/manifest.webmanifest`)).json()) as {
      icons: { src: string; type: string }[];
    };
    expect(manifest).toMatchObject({ start_url: '/app/', scope: '/app/', display: 'standalone', lang: 'id' });
    for (const icon of manifest.icons) {
      const res = await fetch(`${web.stack.url}/app/${icon.src}`);
      expect(res.headers.get('content-type'), icon.src).toBe(icon.type);
    }
  });

  it('queues entries logged offline, sends them once when back online, and returns a refusal to fix', async () => {
    const page = await web.context.newPage();
    const { date, slots } = pastSlots();
    const [first, refusedSlot, freeSlot] = slots as [[string, string], [string, string], [string, string]];
    const token = await tokenFor(web.stack.issuer, PEGAWAI.nip);
    const stored = async (description: string) =>
      (
        await web.stack.call('GET', `/employees/me/activities?from=${date}&to=${wib(new Date())}`, { token })
      ).body.items.filter((a: { description: string }) => a.description === description);

    await page.goto(`${web.stack.url}/app/`);
    // The service worker takes over /app/ and keeps the app shell.
    const scope = await page.evaluate(
      async () => (await (globalThis as any).navigator.serviceWorker.ready).scope as string,
    );
    expect(new URL(scope).pathname).toBe('/app/');
    await page.getByRole('button', { name: new RegExp(PEGAWAI.nip) }).tap();
    await expect.poll(() => h1(page).textContent()).toBe(`Selamat datang, ${PEGAWAI.name}`);
    await page.getByRole('link', { name: 'Catat aktivitas' }).tap();
    await page.getByLabel('RHK', { exact: true }).waitFor();

    // Offline: two entries wait on the device, in the header's count and on the page.
    await web.context.setOffline(true);
    await logActivity(page, date, first, 'Perekaman KTP-el di kecamatan (luring)');
    await page.getByText('Aktivitas disimpan di perangkat ini dan menunggu dikirim.').waitFor();
    await logActivity(page, date, refusedSlot, 'Verifikasi berkas di kelurahan (luring)');
    const queue = page.getByRole('region', { name: 'Belum terkirim' });
    await queue.getByText(/^Tidak ada koneksi\. 2 aktivitas tersimpan di perangkat ini/).waitFor();
    const waitingEntry = queue.getByRole('article', {
      name: `${first[0]}–${first[1]} Perekaman KTP-el di kecamatan (luring)`,
    });
    expect(await waitingEntry.getByText('Menunggu dikirim').count()).toBe(1);
    expect(await waitingEntry.getByText('Pemohon KTP-el yang direkam').count()).toBe(1);
    expect(await page.getByRole('link', { name: '2 belum terkirim' }).count()).toBe(1);
    await expectAccessible(page, 'entries waiting offline');
    await expectFitsPhone(page, 'none');

    // Meanwhile, on another device, an entry is logged over the second one's time: the API will refuse it.
    const elsewhere = await web.stack.call('POST', '/employees/me/activities', {
      token,
      body: {
        date,
        start: refusedSlot[0],
        end: refusedSlot[1],
        description: 'Dicatat dari komputer kantor',
        rhkId: 'rahmat-1',
        ikiId: 'rahmat-1-a',
        outputQuantity: 1,
        outputUnit: 'orang',
      },
    });
    expect(elsewhere.status).toBe(201);

    // Back online. The first answer is lost on the way (the API stored the entry, the phone never heard):
    // the entry stays queued and is sent again with the same key, and the API answers from the first response.
    const keys: string[] = [];
    let online = false; // attempts made while still offline (the retry timer) never reach the API: not counted
    page.on('request', (r) => {
      if (online && isCreate(r)) keys.push(r.headers()['idempotency-key'] ?? '');
    });
    let lost = false;
    await web.context.route('**/employees/me/activities', async (route) => {
      if (route.request().method() !== 'POST' || lost) return route.fallback();
      try {
        await route.fetch();
        lost = true;
      } catch {
        // still offline: nothing reached the API
      }
      await route.abort('connectionreset');
    });
    const refusal = page.waitForResponse((r) => isCreate(r.request()) && r.status() >= 400, { timeout: 30_000 });
    online = true;
    await web.context.setOffline(false);
    const refusalBody = await (await refusal).json();
    expect(refusalBody.error.code).toBe('activity_overlap');

    // Sent once: listed in the week as awaiting verification, and stored once.
    const sent = page
      .getByRole('region', { name: 'Hari ini dan minggu ini' })
      .getByRole('article', { name: `${first[0]}–${first[1]} Perekaman KTP-el di kecamatan (luring)` });
    await sent.getByText('Menunggu verifikasi').waitFor();
    expect(await stored('Perekaman KTP-el di kecamatan (luring)')).toHaveLength(1);
    // The first entry's key twice (the lost answer, the retry), then the second entry's own.
    expect(lost).toBe(true);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys.every((k) => k.length >= 8)).toBe(true);

    // The refused entry is back with the API's reason, to fix or discard; the header still counts it.
    const refusedEntry = queue.getByRole('article', {
      name: `${refusedSlot[0]}–${refusedSlot[1]} Verifikasi berkas di kelurahan (luring)`,
    });
    await refusedEntry.getByText('Ditolak saat dikirim').waitFor();
    expect(await refusedEntry.getByText(refusalBody.error.message).count()).toBe(1);
    await queue.getByText('1 aktivitas ditolak saat dikirim. Perbaiki lalu kirim lagi, atau buang.').waitFor();
    expect(await page.getByRole('link', { name: '1 belum terkirim' }).count()).toBe(1);
    await expectAccessible(page, 'a refused entry');
    await expectFitsPhone(page, 'none');

    // Fixed in the form (the reason under the start time), sent again: stored, nothing left on the device.
    await refusedEntry.getByRole('button', { name: 'Perbaiki' }).tap();
    const fix = queue.getByRole('region', { name: 'Perbaiki aktivitas' });
    const start = fix.getByLabel('Jam mulai');
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'fixing a refused entry');
    await start.fill(freeSlot[0]);
    await fix.getByLabel('Jam selesai').fill(freeSlot[1]);
    await fix.getByRole('button', { name: 'Kirim lagi' }).tap();
    await queue.waitFor({ state: 'detached' });
    expect(await stored('Verifikasi berkas di kelurahan (luring)')).toHaveLength(1);
    expect(await page.getByRole('link', { name: /belum terkirim/ }).count()).toBe(0);
    await web.context.unroute('**/employees/me/activities');

    // The app shell opens without a connection (from the service worker's cache).
    const kept = await page.evaluate(async () => {
      const storage = (globalThis as any).caches;
      const paths: string[] = [];
      for (const name of await storage.keys())
        for (const request of await (await storage.open(name)).keys()) paths.push(new URL(request.url).pathname);
      return paths;
    });
    expect(kept).toEqual(expect.arrayContaining(['/app/index.html', '/app/config.json', '/app/manifest.webmanifest']));
    await web.context.setOffline(true);
    await page.reload();
    await page.getByRole('banner').getByText('Kinerja ASN', { exact: true }).waitFor();
    await web.context.setOffline(false);
    await page.close();
  }, 90_000);
});

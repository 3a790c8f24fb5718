/**
 * The employee's day in the web app, through the real local stack on a 360 px phone: the demo Pegawai logs an
 * activity choosing RHK and IKI by name, sees it pending in the week's list and counted in the period's totals,
 * and gets the API's refusal of an end before the start next to the time field; axe finds nothing on the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { tokenFor } from '../support/demo.ts';

const PEGAWAI = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay' };
// With work: Rahmat's approved SKP (RHK 'rahmat-1', its two IKI) to log against.
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/** A past hour of the WIB day to log (01:00–02:00 today; late yesterday in the first two hours of a day). */
function pastSlot(): { date?: string; start: string; end: string } {
  const wib = (d: Date, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', ...o }).format(d);
  if (Number(wib(new Date(), { hour: '2-digit', hourCycle: 'h23' })) >= 2) return { start: '01:00', end: '02:00' };
  return { date: wib(new Date(Date.now() - 86_400_000), {}), start: '20:00', end: '21:00' };
}

describe('the activity page', () => {
  it('logs an activity chosen by name, lists it pending, and places a refusal next to its field', async () => {
    const page = await web.context.newPage();
    const keys: (string | null)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/employees/me/activities'))
        keys.push(r.headers()['idempotency-key'] ?? null);
    });
    await page.goto(`${web.stack.url}/app/`);
    await page.getByRole('button', { name: new RegExp(PEGAWAI.nip) }).tap();
    await expect.poll(() => h1(page).textContent()).toBe(`Selamat datang, ${PEGAWAI.name}`);
    await page.getByRole('link', { name: 'Catat aktivitas' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Aktivitas');
    expect(new URL(page.url()).pathname).toBe('/app/aktivitas');

    // The empty form: today's date (WIB), the plan's RHK by title; IKI waits for the RHK.
    const rhk = page.getByLabel('RHK', { exact: true });
    await rhk.waitFor();
    const iki = page.getByLabel('IKI', { exact: true });
    expect(await iki.isDisabled()).toBe(true);
    expect(await page.getByLabel('Tanggal', { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('heading', { name: 'Capaian periode berjalan' }).waitFor();
    // The month's part of the yearly 2,400 (1/12) is what realisasi is compared with, as scoring does.
    await page.getByText(/^Realisasi .* dari target periode 200 orang$/).waitFor();
    await page.getByText('Target tahunan 2.400 orang; periode ini memikul 1/12 darinya.').waitFor();
    expect(
      await page
        .getByText(
          /^Capaian (sejauh ini [\d.,]+%|belum dapat dihitung \(dihitung 0\)) · (Di atas|Sesuai|Di bawah) ekspektasi$/,
        )
        .count(),
    ).toBe(2);
    await expectAccessible(page, 'empty form');
    await expectFitsPhone(page, 'none');

    // End before start: the API refuses, its message sits under the end time, which takes the focus.
    await page.getByLabel('Jam mulai').fill('10:00');
    await page.getByLabel('Jam selesai').fill('09:00');
    await rhk.selectOption({ label: 'Terekamnya data KTP-el pemohon' });
    await iki.selectOption({ label: 'Pemohon KTP-el yang direkam' });
    expect(await page.getByLabel('Satuan').inputValue()).toBe('orang');
    await page.getByLabel('Uraian kegiatan').fill('Perekaman KTP-el pemohon di loket 1');
    await page.getByLabel('Jumlah hasil').fill('12');
    await page.getByRole('button', { name: 'Simpan aktivitas' }).tap();
    const end = page.getByLabel('Jam selesai');
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`#${(await end.getAttribute('aria-describedby'))!.split(' ').pop()}`);
    expect(await message.textContent()).toBe(
      'Jam selesai (09:00) harus sesudah jam mulai (10:00) pada hari yang sama.',
    );
    expect(await end.evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(true);
    await expectAccessible(page, 'refused entry');

    // Corrected: saved, pending in the week's list with its IKI by name.
    const slot = pastSlot();
    if (slot.date) await page.getByLabel('Tanggal', { exact: true }).fill(slot.date);
    await page.getByLabel('Jam mulai').fill(slot.start);
    await end.fill(slot.end);
    await page.getByRole('button', { name: 'Simpan aktivitas' }).tap();
    await page.getByText('Aktivitas tersimpan dan menunggu verifikasi atasan.').waitFor();
    expect(await end.getAttribute('aria-invalid')).toBeNull();
    const entry = page.getByRole('article', { name: `${slot.start}–${slot.end} Perekaman KTP-el pemohon di loket 1` });
    await entry.waitFor();
    expect(await entry.getByText('Menunggu verifikasi').count()).toBe(1);
    expect(await entry.getByText('Pemohon KTP-el yang direkam').count()).toBe(1);
    expect(await entry.getByText('Hasil: 12 orang · 60 menit').count()).toBe(1);
    // The next entry starts where this one ended.
    expect(await page.getByLabel('Jam mulai').inputValue()).toBe(slot.end);
    // Two attempts, two fresh keys.
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(keys.every((k) => typeof k === 'string' && k.length >= 8)).toBe(true);
    await expectAccessible(page, 'list with an entry');
    await expectFitsPhone(page, 'none');

    // An edit racing a change made elsewhere: 409, reload, send again; then delete.
    await entry.getByRole('button', { name: 'Ubah' }).tap();
    const editor = page.getByRole('region', { name: 'Ubah aktivitas' });
    await editor.getByLabel('Jumlah hasil').fill('14');
    const token = await tokenFor(web.stack.issuer, PEGAWAI.nip);
    const listed = await web.stack.call('GET', `/employees/me/activities?from=${slot.date ?? today()}&to=${today()}`, {
      token,
    });
    const stored = listed.body.items.find((a: { start: string }) => a.start === slot.start);
    const elsewhere = await web.stack.call('PATCH', `/employees/me/activities/${stored.date}/${stored.id}`, {
      token,
      body: { version: stored.version, outputQuantity: 13 },
    });
    expect(elsewhere.status).toBe(200);
    await editor.getByRole('button', { name: 'Simpan perubahan' }).tap();
    await editor.getByText(/telah diubah di tempat lain/).waitFor();
    await expectAccessible(page, 'edit conflict');
    await editor.getByRole('button', { name: 'Muat ulang' }).tap();
    // The note goes once the current version is in; only then is saving meaningful.
    await editor.getByText(/telah diubah di tempat lain/).waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Simpan perubahan' }).tap();
    const edited = page.getByRole('article', { name: `${slot.start}–${slot.end} Perekaman KTP-el pemohon di loket 1` });
    await edited.getByText('Hasil: 14 orang · 60 menit').waitFor();
    await edited.getByRole('button', { name: 'Hapus' }).tap();
    await edited.getByRole('button', { name: 'Ya, hapus' }).tap();
    await edited.waitFor({ state: 'detached' });
    await page.close();
  });
});

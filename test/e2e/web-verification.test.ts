/**
 * The supervisor's daily loop in the web app, through the real local stack on a 360 px phone: the Pegawai logs an
 * activity (through the API, with his dev token), his Kepala Seksi finds his entries grouped under his name on
 * /tim, approves all of them in one go, then rejects a new one with a reason; axe finds nothing on the way. Team
 * monitoring then names each IKI of his realisasi.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, isFocused, webAppUnderTest } from '../support/browser.ts';

const PEGAWAI = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay' };
const KASI = { nip: '198203152006041002' };
// Approved plans down to the Pegawai, and two of his entries from yesterday waiting in the Kepala Seksi's queue.
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const yesterday = () => new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

/** The Pegawai logs an hour of yesterday afternoon through the API, as his own app would. */
async function logActivity(token: string, start: string, end: string, description: string) {
  const res = await web.stack.call('POST', '/employees/me/activities', {
    token,
    body: {
      date: yesterday(),
      start,
      end,
      description,
      rhkId: 'rahmat-1',
      ikiId: 'rahmat-1-a',
      outputQuantity: 6,
      outputUnit: 'orang',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.activity as { id: string };
}

describe('the verification queue in a browser', () => {
  it("lets the Kepala Seksi approve her Pegawai's entries in bulk and reject one with a reason", async () => {
    const rahmat = await web.devToken(PEGAWAI.nip);
    await logActivity(rahmat, '13:00', '14:00', 'Perekaman KTP-el pemohon susulan');

    const page = await web.context.newPage();
    await page.goto(`${web.stack.url}/app/`);
    await page.getByRole('button', { name: new RegExp(KASI.nip) }).tap();
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: 'Tim' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Tim');

    // His three entries, under his name, oldest first.
    const queue = page.getByRole('region', { name: 'Antrean verifikasi' });
    const his = queue.getByRole('region', { name: PEGAWAI.name });
    await his.getByRole('listitem').first().waitFor();
    expect(await his.getByRole('listitem').count()).toBe(3);
    expect(await his.locator('.entry-what').allTextContents()).toEqual([
      'Perekaman KTP-el pemohon di loket 2',
      'Verifikasi berkas permohonan KTP-el',
      'Perekaman KTP-el pemohon susulan',
    ]);
    expect(await his.getByText('Terekamnya data KTP-el pemohon').count()).toBe(3);
    await page.getByRole('heading', { name: 'Pemantauan tim' }).waitFor();
    await page.getByRole('caption').first().waitFor();
    await expectAccessible(page, 'queue with entries');
    await expectFitsPhone(page, 'checkbox-by-label');

    // Select all of his, approve in one go: they leave, and the focus lands on the outcome.
    await his.getByRole('checkbox', { name: `Pilih semua aktivitas ${PEGAWAI.name} (3)` }).check();
    const approve = page.getByRole('button', { name: 'Setujui yang dipilih (3)' });
    await approve.focus();
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('3 aktivitas disetujui, 0 tidak.');
    await expect.poll(() => isFocused(status)).toBe(true);
    expect(await page.getByText('Tidak ada aktivitas yang menunggu verifikasi.').count()).toBe(1);
    expect(await his.count()).toBe(0);
    await expectAccessible(page, 'queue after approval');
    const approved = await web.stack.call('GET', `/employees/me/activities?from=${yesterday()}&to=${yesterday()}`, {
      token: rahmat,
    });
    expect(approved.body.items.map((a: { status: string }) => a.status)).toEqual(['approved', 'approved', 'approved']);

    // The next day's loop: a new entry, rejected with a reason; without one, the API's message sits by the field.
    const entry = await logActivity(rahmat, '14:00', '15:00', 'Rekam ulang sidik jari pemohon');
    await page.reload();
    await his.getByRole('listitem').first().waitFor();
    await his.getByRole('button', { name: 'Tolak' }).tap();
    const reason = page.getByLabel('Alasan penolakan');
    await expect.poll(() => isFocused(reason)).toBe(true);
    await page.getByRole('button', { name: 'Tolak aktivitas' }).tap();
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.reject-form .field-error').textContent()).toBe('Kolom ini tidak boleh kosong.');
    await expectAccessible(page, 'reject form open with an error');
    await expectFitsPhone(page, 'checkbox-by-label');
    await reason.fill('Bukti dukung belum dilampirkan');
    await page.getByRole('button', { name: 'Tolak aktivitas' }).tap();
    await expect.poll(() => status.textContent()).toBe(`Aktivitas ${PEGAWAI.name} ditolak.`);
    expect(await his.count()).toBe(0);

    const after = await web.stack.call('GET', `/employees/me/activities?from=${yesterday()}&to=${yesterday()}`, {
      token: rahmat,
    });
    expect(after.body.items.find((a: { id: string }) => a.id === entry.id)).toMatchObject({
      status: 'rejected',
      rejectReason: 'Bukti dukung belum dilampirkan',
    });

    // Team monitoring, in the period of the entries (the page monitors the running one: its clock at yesterday
    // noon WIB): realisasi per IKI by the IKI's name, never its id.
    await page.clock.setFixedTime(new Date(`${yesterday()}T12:00:00+07:00`));
    await page.reload();
    const monitored = page.locator(`section[aria-labelledby="member-${PEGAWAI.nip}"]`);
    await monitored.getByText(/^Pemohon KTP-el yang direkam: [\d.]+ \(\d+ aktivitas disetujui\)$/).waitFor();
    const realisasi = await monitored.getByRole('listitem').allTextContents();
    expect(realisasi.length).toBeGreaterThan(0);
    for (const line of realisasi) expect(line).not.toMatch(/^rahmat-/);
    await page.close();
  });
});

/**
 * The daily loop as its two people live it, each on their own phone, through the real local stack: the Pegawai
 * logs an activity in the form, his Kepala Seksi approves his entries in bulk from her queue, and the Pegawai sees
 * the entry approved and the period's realisasi move by what he logged. Nobody types an id or a version.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, phoneContext, webAppUnderTest } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';

const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const wib = (d: Date, o: Intl.DateTimeFormatOptions = {}) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', ...o }).format(d);

/**
 * A past slot of today (WIB) that the seeded work does not use, so the entry shows in this week's list: 00:05–00:50
 * after 01:00, else 00:00–00:01 (waiting, in the first two minutes of a day, until that minute has passed).
 */
async function pastSlot(): Promise<{ date: string; start: string; end: string }> {
  const now = () => Number(wib(new Date(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).replace(':', ''));
  if (now() >= 100) return { date: wib(new Date()), start: '00:05', end: '00:50' };
  while (now() < 2) await sleep(5_000);
  return { date: wib(new Date()), start: '00:00', end: '00:01' };
}

interface IkiTotals {
  ikiId: string;
  name: string;
  realisasi: number | null;
  approvedCount: number;
}

async function signIn(page: Page, nip: string): Promise<void> {
  await page.goto(`${web.stack.url}/app/`);
  await page.getByRole('button', { name: new RegExp(nip) }).tap();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);
}

describe('the daily loop', () => {
  it('an entry logged on his phone, approved in bulk on hers, is approved and counted on his', async () => {
    const token = await tokenFor(web.stack.issuer, who.staff);
    const me = await web.stack.call('GET', '/me', { token });
    const staffName: string = me.body.employee.name;
    const slot = await pastSlot();
    const year = await web.stack.call('GET', `/years/${slot.date.slice(0, 4)}`, { token });
    const periodId: string = year.body.periods.find((p: { start: string; end: string }) => {
      return p.start <= slot.date && slot.date <= p.end;
    }).id;
    const totals = async (): Promise<IkiTotals[]> =>
      (await web.stack.call('GET', `/employees/${who.staff}/activity-totals/${periodId}`, { token })).body.iki;

    // He logs an hour against the first IKI of his plan in force, picked by its name.
    const plan = (await web.stack.call('GET', `/employees/me/plans/${slot.date.slice(0, 4)}`, { token })).body.inForce;
    const rhk = plan.rhk[0];
    const iki = rhk.iki[0];
    const before = (await totals()).find((k) => k.ikiId === iki.id)!;

    const his = await web.context.newPage();
    await signIn(his, who.staff);
    await his.getByRole('link', { name: 'Catat aktivitas' }).first().tap();
    await expect.poll(() => h1(his).textContent()).toBe('Aktivitas');
    await his.getByLabel('RHK', { exact: true }).selectOption({ label: rhk.title });
    await his.getByLabel('IKI', { exact: true }).selectOption({ label: iki.name });
    await his.getByLabel('Tanggal', { exact: true }).fill(slot.date);
    await his.getByLabel('Jam mulai').fill(slot.start);
    await his.getByLabel('Jam selesai').fill(slot.end);
    await his.getByLabel('Uraian kegiatan').fill('Pelayanan pemohon di loket keliling');
    await his.getByLabel('Jumlah hasil').fill('7');
    if (!(await his.getByLabel('Satuan').inputValue())) await his.getByLabel('Satuan').fill(iki.unit ?? 'dokumen');
    await his.getByRole('button', { name: 'Simpan aktivitas' }).tap();
    await his.getByText('Aktivitas tersimpan dan menunggu verifikasi atasan.').waitFor();
    const entryName = `${slot.start}–${slot.end} Pelayanan pemohon di loket keliling`;
    await his.getByRole('article', { name: entryName }).getByText('Menunggu verifikasi').waitFor();

    // Her phone: the queue, his entries under his name, all approved at once.
    const herContext = await phoneContext(web.context.browser()!);
    const hers = await herContext.newPage();
    await signIn(hers, who.kasi);
    await hers.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tim' }).tap();
    const queue = hers.getByRole('region', { name: 'Antrean verifikasi' });
    const group = queue.getByRole('region', { name: staffName });
    await group.getByText('Pelayanan pemohon di loket keliling').waitFor();
    const pending = await group.getByRole('listitem').count();
    await group.getByRole('checkbox', { name: `Pilih semua aktivitas ${staffName} (${pending})` }).check();
    await hers.getByRole('button', { name: `Setujui yang dipilih (${pending})` }).tap();
    await expect.poll(() => hers.getByRole('status').textContent()).toBe(`${pending} aktivitas disetujui, 0 tidak.`);
    await expectAccessible(hers, 'queue after the bulk approval');
    await herContext.close();

    // His phone again: the entry approved, and the IKI's realisasi and count moved as the API counts them.
    const after = (await totals()).find((k) => k.ikiId === iki.id)!;
    // (The queue may hold other entries of his on other IKI: this IKI gained at least his 7.)
    expect(after.approvedCount).toBeGreaterThan(before.approvedCount);
    expect(after.realisasi ?? 0).toBeGreaterThanOrEqual((before.realisasi ?? 0) + 7);
    await his.reload();
    await his.getByRole('article', { name: entryName }).getByText('Disetujui', { exact: true }).waitFor();
    const row = his.locator('.log-entries li', { hasText: iki.name }).filter({ hasText: 'Realisasi' });
    await row.getByText(`${after.approvedCount} aktivitas disetujui`).waitFor();
    await row
      .getByText(new RegExp(`^Realisasi ${after.realisasi!.toLocaleString('id-ID')} dari target periode`))
      .waitFor();
    await expectAccessible(his, 'approved entry and moved totals');
    await expectFitsPhone(his, 'none');
    await his.close();
  }, 180_000); // up to two minutes of waiting for a past minute just after midnight WIB
});

/**
 * Keberatan and Jejak audit in the web app, through the real local stack on a 360 px phone. After the month's
 * scoring the Kepala Seksi overrides her Pegawai's recommended hasil kerja with a reason (through the API: the
 * review page has its own test); the month is finalised and the Pegawai appeals. BKPSDM finds the appeal in
 * /app/keberatan with its date; the Kepala Seksi, who rated, is refused the decision with the API's 403 at the
 * form; the Kepala Bidang (second level) opens it from his own queue, reads the evaluation and its explanation,
 * is told what is missing, and decides it. The auditor opens /app/audit, filters by the Pegawai's NIP, the day,
 * the actor and the record, and finds the override with its reason, before → after and correlation id; others
 * find no audit page. axe finds nothing and everything fits the phone on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wibDate } from '../../shared/domain/time.ts';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { who } from '../support/demo.ts';
import { demoMonth, MEETS_EXPECTATIONS } from '../support/month.ts';
import { eventually } from '../support/stack.ts';

const RAHMAT = { nip: who.staff, name: 'Rahmat Hidayat Daulay' };
const KASI_NAME = 'Rina Marlina Pohan, S.Sos';
const WHY = 'Berkas yang diverifikasi bulan ini lebih rumit dari biasanya.';
const APPEAL = 'Verifikasi 40 berkas pada tanggal 29 belum terhitung dalam realisasi IKI.';
const web = webAppUnderTest({ withWork: true });
const month = demoMonth(web);
const PERIOD = month.period;
const { call, openAs } = web;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

async function checked(page: Page, what: string) {
  await expectAccessible(page, what);
  await expectFitsPhone(page);
}

/** The month scored, the Kepala Seksi's override of Rahmat's hasil kerja with a reason; its correlation id. */
async function reviewWithOverride(): Promise<string> {
  await month.score();
  const path = `/employees/${RAHMAT.nip}/evaluations/${PERIOD}`;
  const rated = await call(who.kasi, 'PUT', `${path}/behaviour`, {
    values: MEETS_EXPECTATIONS,
    version: (await call(who.kasi, 'GET', path)).version,
  });
  expect(rated.recommendedHasilKerja).toBe('di_bawah');
  const review = await web.send(who.kasi, 'POST', `${path}/review`, {
    hasilKerja: { rating: 'sesuai', reason: WHY },
    perilaku: { rating: 'sesuai' },
    version: rated.version,
  });
  return review.headers.get('x-correlation-id')!;
}

describe('appeals and the audit trail in a browser', () => {
  it('queues an appeal for its deciders, refuses the supervisor who rated, decides it; the auditor finds the override', {
    timeout: 240_000,
  }, async () => {
    const correlationId = await reviewWithOverride();
    await month.finalise();
    await call(RAHMAT.nip, 'POST', `/employees/me/evaluations/${PERIOD}/appeal`, { reason: APPEAL });
    const today = wibDate(new Date());
    const filedText = `Diajukan ${new Date(`${today}T00:00:00Z`).toLocaleDateString('id-ID', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })}`;
    const periodText = `Periode ${month.periodName}`;

    // BKPSDM: the organisation's queue, oldest first, with the date it was filed and how long it waited.
    const bkpsdm = await openAs(who.bkpsdm);
    await menu(bkpsdm).getByRole('link', { name: 'Keberatan' }).tap();
    await expect.poll(() => h1(bkpsdm).textContent()).toBe('Keberatan');
    const queue = bkpsdm.getByRole('list', { name: 'Menunggu keputusan' });
    const item = queue.getByRole('listitem').filter({ hasText: RAHMAT.name });
    await item.waitFor();
    expect(await queue.getByRole('listitem').count()).toBe(1);
    expect(await item.textContent()).toContain(filedText);
    expect(await item.textContent()).toContain('diajukan hari ini');
    expect(await item.textContent()).toContain(periodText);
    expect(await item.textContent()).toContain(APPEAL);
    await bkpsdm.getByText(/^Semua keberatan di organisasi/).waitFor();
    await checked(bkpsdm, 'appeals queue (BKPSDM)');
    await bkpsdm.close();

    // The Kepala Seksi rated him: she may open the evaluation, but her decision is refused with the API's reason.
    const kasi = await openAs(who.kasi);
    await menu(kasi).getByRole('link', { name: 'Keberatan' }).tap();
    await kasi.getByText('Tidak ada keberatan yang menunggu keputusan.').waitFor();
    await checked(kasi, 'appeals queue, empty (direct supervisor)');
    await kasi.goto(`${web.stack.url}/app/keberatan?pegawai=${RAHMAT.nip}&periode=${PERIOD}`);
    const kasiForm = kasi.getByRole('form', { name: 'Putuskan keberatan' });
    await kasiForm.getByLabel('Alasan keputusan').fill('Saya menilai ulang sendiri.');
    await kasiForm.getByRole('button', { name: 'Simpan keputusan' }).tap();
    const refused = kasiForm.getByRole('alert');
    await expect.poll(() => refused.textContent()).toContain('atasan dari atasan langsung');
    await checked(kasi, 'decision refused (403) for the supervisor who rated');
    await kasi.close();

    // The Kepala Bidang: his own queue; the appeal opens with the evaluation, its explanation and the form.
    const kabid = await openAs(who.kabid);
    await menu(kabid).getByRole('link', { name: 'Keberatan' }).tap();
    await kabid.getByText(/^Keberatan bawahan dari bawahan Anda/).waitFor();
    const own = kabid.getByRole('list', { name: 'Menunggu keputusan' }).getByRole('listitem');
    await own.filter({ hasText: RAHMAT.name }).waitFor();
    await kabid.getByRole('link', { name: `Buka keberatan ${RAHMAT.name}, ${periodText.slice(8)}` }).tap();
    await kabid.getByRole('heading', { name: `Keberatan ${RAHMAT.name}` }).waitFor();
    await kabid.getByText('Status: menunggu keputusan.').waitFor();
    const figures = kabid.getByRole('region', { name: 'Penilaian yang berlaku' });
    expect(await figures.textContent()).toContain('Sesuai Ekspektasi');
    const explanation = kabid.getByRole('region', { name: 'Cara nilai dihitung' });
    await expect.poll(() => explanation.textContent()).toContain(WHY);
    await checked(kabid, 'one appeal with its evaluation and the decision form');

    // An empty reason is named under the field; a revision without its ratings is refused above the form.
    const form = kabid.getByRole('form', { name: 'Putuskan keberatan' });
    await form.getByRole('button', { name: 'Simpan keputusan' }).tap();
    const reason = form.getByLabel('Alasan keputusan');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').allTextContents()).toEqual(['Kolom ini tidak boleh kosong.']);
    await checked(kabid, 'decision form with the missing reason');
    await form.getByLabel('Keputusan', { exact: true }).selectOption({ label: 'Kabulkan: revisi penilaian' });
    await reason.fill('Berkas tanggal 29 terbukti disetujui.');
    await form.getByRole('button', { name: 'Simpan keputusan' }).tap();
    await expect.poll(async () => (await form.getByRole('alert').count()) > 0).toBe(true);
    await checked(kabid, 'revision refused without its ratings');
    await form.getByLabel('Keputusan', { exact: true }).selectOption({ label: 'Tolak: penilaian tetap' });
    await form.getByRole('button', { name: 'Simpan keputusan' }).tap();
    await kabid.getByText('Status: ditolak; penilaian tetap.').waitFor();
    await kabid.getByText('Alasan keputusan: Berkas tanggal 29 terbukti disetujui.').waitFor();
    expect(await kabid.getByRole('form', { name: 'Putuskan keberatan' }).count()).toBe(0);
    await checked(kabid, 'appeal decided');
    await kabid.getByRole('link', { name: 'Kembali ke antrean keberatan' }).tap();
    await kabid.getByText('Tidak ada keberatan yang menunggu keputusan.').waitFor();
    // No audit page for him.
    expect(await menu(kabid).getByRole('link', { name: 'Jejak audit' }).count()).toBe(0);
    await kabid.goto(`${web.stack.url}/app/audit`);
    await expect.poll(() => h1(kabid).textContent()).toBe('Halaman tidak ditemukan');
    await kabid.close();
    const stored = await call(who.bkpsdm, 'GET', `/employees/${RAHMAT.nip}/evaluations/${PERIOD}`);
    expect(stored.appeal).toMatchObject({ state: 'upheld', reason: APPEAL });

    // The auditor: the override, found by the Pegawai's NIP and the day, with its reason, before → after and id.
    await eventually(async () => {
      const trail = await call(who.auditor, 'GET', `/employees/${RAHMAT.nip}/audit?limit=100`);
      return trail.items.some((e: { requestId?: string }) => e.requestId === correlationId);
    }, 20_000);
    const auditor = await openAs(who.auditor);
    await menu(auditor).getByRole('link', { name: 'Jejak audit' }).tap();
    await expect.poll(() => h1(auditor).textContent()).toBe('Jejak audit');
    const entries = auditor.getByRole('list', { name: 'Entri' });
    await entries.locator(':scope > li').first().waitFor();
    await checked(auditor, 'audit trail, the month');
    const filters = auditor.getByRole('form', { name: 'Saring' });
    await filters.getByLabel('Tanggal (opsional)').fill(today);
    await filters.getByLabel('NIP pegawai (opsional)').fill(RAHMAT.nip);
    await filters.getByRole('button', { name: 'Terapkan saringan' }).tap();
    await auditor.getByText(`Perubahan tentang NIP ${RAHMAT.nip}`, { exact: false }).waitFor();
    const override = entries.locator(':scope > li').filter({ hasText: correlationId });
    await override.waitFor();
    const text = (await override.textContent()) ?? '';
    expect(text).toContain(`Penilaian: keputusan ${RAHMAT.nip}/${PERIOD} diubah`);
    expect(text).toContain(`${KASI_NAME} (NIP ${who.kasi})`);
    expect(text).toContain(`${RAHMAT.name} (NIP ${RAHMAT.nip})`);
    expect(text).toContain(WHY);
    expect(text).toMatch(/WIB/);
    const diff = override.getByRole('list', { name: 'Perubahan' });
    expect(await diff.textContent()).toContain('review.hasilKerja: sebelum — → sesudah sesuai');
    expect(await diff.textContent()).toContain(`review.reasons.hasilKerja: sebelum — → sesudah ${WHY}`);
    await checked(auditor, 'audit trail filtered by NIP and day, the override shown');

    // The actor, among the entries loaded: only the Kepala Seksi's.
    await filters.getByLabel('Pelaku (NIP atau nama, opsional)').fill('Rina');
    await filters.getByRole('button', { name: 'Terapkan saringan' }).tap();
    await auditor.getByText(/Hanya pelaku yang cocok dengan “Rina”/).waitFor();
    const byActor = await entries.locator(':scope > li').allTextContents();
    expect(byActor.length).toBeGreaterThan(0);
    for (const entry of byActor) expect(entry).toContain(KASI_NAME);
    await checked(auditor, 'audit trail filtered by actor');

    // The record's whole history, from the entry: the review, then the appeal filed and decided.
    await override.getByRole('button', { name: 'Riwayat catatan ini' }).tap();
    await auditor.getByText(`Riwayat catatan Evaluation ${RAHMAT.nip}/${PERIOD}, semua bulan.`).waitFor();
    const history = entries.locator(':scope > li');
    await history.filter({ hasText: 'appeal.state: sebelum filed → sesudah upheld' }).waitFor();
    await history.filter({ hasText: correlationId }).waitFor();
    expect(await history.filter({ hasText: 'Berkas tanggal 29 terbukti disetujui.' }).count()).toBeGreaterThan(0);
    await checked(auditor, "one record's history");
    await auditor.close();
  });
});

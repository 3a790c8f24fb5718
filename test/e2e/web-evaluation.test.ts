/**
 * Penilaian in the web app, through the real local stack on a 360 px phone: before scoring the Pegawai reads that
 * his period is not scored yet; after BKPSDM's scoring run his Kepala Seksi rates his behaviour and overrides the
 * recommended hasil kerja (without a reason the API's message sits under the reason field); once final, the Pegawai
 * reads his evaluation with the API's explanation and the override named, files an appeal and sees its status.
 * A Plh on her dates finds the Tim page and the team's evaluations. axe finds nothing on every screen on the way.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { expectAccessible, expectFitsPhone, isFocused, webAppUnderTest } from '../support/browser.ts';
import { who } from '../support/demo.ts';
import { yesterday } from '../support/plans.ts';
import { eventually } from '../support/stack.ts';

const RAHMAT = { nip: who.staff, name: 'Rahmat Hidayat Daulay' };
const NURHAYATI = { nip: '199204282017032001', name: 'Nurhayati Batubara' };
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
const PERIOD_NAME = new Date(`${PERIOD}-01T00:00:00Z`).toLocaleDateString('id-ID', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
// Approved plans down to the Pegawai, and two of his entries from yesterday waiting for his Kepala Seksi.
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function call(nip: string, method: string, path: string, body?: unknown) {
  const res = await web.stack.call(method, path, { token: await web.devToken(nip), body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/** A new tab (its own session) signed in as `nip` through the dev sign-in's NIP field, on the Penilaian page. */
async function openAs(context: BrowserContext, nip: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${web.stack.url}/app/`);
  await page.getByRole('textbox', { name: 'NIP' }).fill(nip);
  await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);
  return page;
}

async function toEvaluation(page: Page) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Penilaian' }).tap();
  await expect.poll(() => h1(page).textContent()).toBe('Penilaian');
}

/** The Kepala Seksi approves the seeded entries, BKPSDM closes the period and runs the scoring to its end. */
async function scorePeriod() {
  const entries = await call(who.kasi, 'GET', `/employees/${RAHMAT.nip}/activities?from=${D}&to=${D}`);
  await call(who.kasi, 'POST', '/activities/decisions', {
    decisions: entries.items.map((a: { id: string; version: number }) => ({
      nip: RAHMAT.nip,
      date: D,
      id: a.id,
      version: a.version,
      decision: 'approve',
    })),
  });
  const year = await call(who.bkpsdm, 'GET', `/years/${YEAR}`);
  const period = year.periods.find((p: { id: string }) => p.id === PERIOD);
  await call(who.bkpsdm, 'PATCH', `/years/${YEAR}/periods/${PERIOD}`, { version: period.version, state: 'closed' });
  const run = await call(who.bkpsdm, 'POST', '/scoring-runs', { periodId: PERIOD });
  await eventually(async () => {
    const progress = await call(who.bkpsdm, 'GET', `/scoring-runs/${PERIOD}/${run.runId}`);
    return progress.state === 'done' ? progress : undefined;
  }, 30_000);
}

/** Everyone else's behaviour rated (through the repository: the page's path is what this file tests), then final. */
async function finalisePeriod() {
  const repo = new EvaluationRepository(new OrgScope('kota-medan'));
  const meets = Object.fromEntries(
    ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'].map((v) => [
      v,
      'sesuai',
    ]),
  );
  const now = new Date().toISOString();
  for (const { nip } of demoPeople.filter((p) => p.nip !== RAHMAT.nip))
    await repo.change(nip, PERIOD, undefined, () => ({ behaviour: { values: meets as never, by: 'test', at: now } }), {
      actor: 'test',
      now,
    });
  const year = await call(who.bkpsdm, 'GET', `/years/${YEAR}`);
  const period = year.periods.find((p: { id: string }) => p.id === PERIOD);
  await call(who.bkpsdm, 'POST', `/years/${YEAR}/periods/${PERIOD}/finalise`, {
    version: period.version,
    acceptRecommendations: true,
  });
}

describe('evaluations in a browser', () => {
  it('takes a period from "not scored yet" through the review with an override to the appeal', async () => {
    // Before scoring: said plainly.
    const rahmat = await openAs(web.context, RAHMAT.nip);
    await toEvaluation(rahmat);
    await rahmat.getByText('belum dinilai').waitFor();
    expect(await rahmat.getByRole('combobox', { name: 'Periode' }).inputValue()).toBe(
      new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7),
    );
    expect(await rahmat.getByRole('heading', { name: 'Penilaian tim' }).count()).toBe(0);
    await expectAccessible(rahmat, 'own evaluation, not scored yet');
    await expectFitsPhone(rahmat);

    await scorePeriod();

    // The Kepala Seksi: the team by name with the predikat, nothing rated yet.
    const kasi = await openAs(web.context, who.kasi);
    await toEvaluation(kasi);
    expect(await kasi.getByRole('combobox', { name: 'Periode' }).inputValue()).toBe(PERIOD);
    const team = kasi.getByRole('region', { name: 'Penilaian tim' });
    await team.getByRole('heading', { name: RAHMAT.name }).waitFor();
    expect(await team.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      expect.arrayContaining([RAHMAT.name, NURHAYATI.name, 'Fajar Ramadhan Lubis']),
    );
    expect(await team.getByText('Predikat: belum ada').count()).toBe(3);
    await expectAccessible(kasi, 'team evaluations, nothing rated');
    await expectFitsPhone(kasi);

    // Behaviour: a value left unchosen is named under its field (and takes the focus); then all seven, saved.
    await team.getByRole('button', { name: `Nilai ${RAHMAT.name}` }).tap();
    const behaviour = team.getByRole('form', { name: `Perilaku BerAKHLAK, ${RAHMAT.name}` });
    const values = ['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif'];
    for (const value of values.slice(0, 6))
      await behaviour.getByLabel(value, { exact: true }).selectOption({ label: 'Sesuai Ekspektasi' });
    await behaviour.getByRole('button', { name: 'Simpan penilaian perilaku' }).tap();
    const kolaboratif = behaviour.getByLabel('Kolaboratif', { exact: true });
    await expect.poll(() => kolaboratif.getAttribute('aria-invalid')).toBe('true');
    expect(await behaviour.locator('.field-error').allTextContents()).toEqual(['Pilih penilaian untuk nilai ini.']);
    await expect.poll(() => isFocused(kolaboratif)).toBe(true);
    await expectAccessible(kasi, 'behaviour form with an error');
    await expectFitsPhone(kasi);
    await kolaboratif.selectOption({ label: 'Di Atas Ekspektasi' });
    await behaviour.getByRole('button', { name: 'Simpan penilaian perilaku' }).tap();
    await team.getByText(`Penilaian perilaku ${RAHMAT.name} tersimpan.`).waitFor();

    // The review: the recommendation is the starting point; another rating without a reason → the API's message
    // under the reason field; with the reason, saved and announced.
    const review = team.getByRole('form', { name: `Konfirmasi atau ubah rekomendasi, ${RAHMAT.name}` });
    const hasilKerja = review.getByLabel('Hasil kerja', { exact: true });
    const recommended = await hasilKerja.inputValue();
    expect(recommended).toBe('di_bawah');
    await review.getByText('Rekomendasi: Di Bawah Ekspektasi').waitFor();
    await hasilKerja.selectOption({ label: 'Sesuai Ekspektasi' });
    await review.getByRole('button', { name: 'Simpan konfirmasi' }).tap();
    const reason = review.getByLabel('Alasan perubahan hasil kerja');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await review.locator('.field-error').textContent()).toBe(
      'Penilaian hasil kerja berbeda dari rekomendasi (Di Bawah Ekspektasi); tuliskan alasannya.',
    );
    await expectAccessible(kasi, 'review form with the missing reason');
    await expectFitsPhone(kasi);
    const why = 'Berkas yang diverifikasi bulan ini lebih rumit dari biasanya.';
    await reason.fill(why);
    // Meanwhile the same ratings are saved again elsewhere (another device): sending now is a conflict, offered a
    // reload that keeps what was chosen and typed; then it goes through.
    const current = await call(who.kasi, 'GET', `/employees/${RAHMAT.nip}/evaluations/${PERIOD}`);
    await call(who.kasi, 'PUT', `/employees/${RAHMAT.nip}/evaluations/${PERIOD}/behaviour`, {
      values: current.behaviour.values,
      version: current.version,
    });
    await review.getByRole('button', { name: 'Simpan konfirmasi' }).tap();
    const conflict = review.getByRole('alert');
    await expect
      .poll(() => conflict.locator('p').textContent())
      .toBe('Penilaian ini telah diubah di tempat lain. Muat ulang untuk melihat versi terbarunya, lalu kirim lagi.');
    await expectAccessible(kasi, 'review form after a conflict');
    await conflict.getByRole('button', { name: 'Muat ulang' }).tap();
    await team.getByText('Dimuat ulang. Periksa lalu kirim lagi.').waitFor();
    expect(await reason.inputValue()).toBe(why);
    expect(await hasilKerja.inputValue()).toBe('sesuai');
    await review.getByRole('button', { name: 'Simpan konfirmasi' }).tap();
    const status = team.getByRole('status').first();
    await expect.poll(() => status.textContent()).toBe(`Penilaian ${RAHMAT.name} dikonfirmasi: Baik.`);
    await expect.poll(() => isFocused(status)).toBe(true);
    await team.getByText('Dikonfirmasi', { exact: true }).waitFor();
    expect(await team.getByText('Predikat: Baik').count()).toBe(1);
    await expectAccessible(kasi, 'team evaluations after the review');
    await kasi.close();

    await finalisePeriod();

    // The Pegawai: his evaluation, each explanation exactly as the API gives it, the override named.
    await rahmat.reload();
    await rahmat.getByRole('combobox', { name: 'Periode' }).selectOption({ label: PERIOD_NAME });
    const mine = rahmat.getByRole('region', { name: 'Penilaian saya' });
    await mine.getByText('Final.', { exact: true }).waitFor();
    const figures = mine.locator('.evaluation-figures dd');
    expect(await figures.allTextContents()).toEqual([
      'Baik',
      'Sesuai Ekspektasi',
      'Sesuai Ekspektasi',
      expect.any(String),
    ]);
    const explanation = await call(RAHMAT.nip, 'GET', `/employees/me/evaluations/${PERIOD}/explanation`);
    for (const indicator of explanation.indicators as { name: string; text: string }[]) {
      expect(await mine.getByText(indicator.name).count()).toBe(1);
      expect(await mine.getByText(indicator.text, { exact: true }).count()).toBe(1);
    }
    await mine.getByRole('heading', { name: 'Terekamnya data KTP-el pemohon' }).waitFor();
    for (const part of ['nilaiKinerja', 'hasilKerja', 'perilaku', 'predikat'] as const)
      expect(await mine.getByText(explanation[part].text).count()).toBe(1);
    expect(await mine.locator('.override').allTextContents()).toEqual([
      `Atasan mengubah hasil kerja dari rekomendasi Di Bawah Ekspektasi menjadi Sesuai Ekspektasi. Alasan: ${why}`,
    ]);
    await expectAccessible(rahmat, 'own evaluation, final, with the appeal form');
    await expectFitsPhone(rahmat);

    // The appeal: an empty reason is refused under the field; then filed, and its status shown.
    const appeal = mine.getByRole('region', { name: 'Keberatan' });
    await appeal.getByRole('button', { name: 'Ajukan keberatan' }).tap();
    const appealReason = appeal.getByLabel('Alasan keberatan');
    await expect.poll(() => appealReason.getAttribute('aria-invalid')).toBe('true');
    expect(await appeal.locator('.field-error').allTextContents()).toEqual(['Kolom ini tidak boleh kosong.']);
    await expectAccessible(rahmat, 'appeal form with an error');
    await appealReason.fill('Verifikasi 40 berkas pada tanggal 29 belum terhitung dalam realisasi IKI.');
    await appeal.getByRole('button', { name: 'Ajukan keberatan' }).tap();
    await appeal.getByText('Status: menunggu keputusan atasan dari atasan Anda.').waitFor();
    expect(await appeal.getByText(/^Keberatan Anda diajukan pada /).count()).toBe(1);
    await expectAccessible(rahmat, 'appeal filed');
    await expectFitsPhone(rahmat);
    const stored = await call(RAHMAT.nip, 'GET', `/employees/me/evaluations/${PERIOD}`);
    expect(stored.appeal).toMatchObject({ state: 'filed', reason: expect.stringContaining('40 berkas') });
    await rahmat.close();
  }, 120_000);

  it('shows the Tim page and the team evaluations to a Plh on her dates', async () => {
    const before = await openAs(web.context, NURHAYATI.nip);
    const nav = before.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: 'Penilaian' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Tim' }).count()).toBe(0);
    await before.close();

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await call(who.adminOpd, 'POST', `/employees/${NURHAYATI.nip}/acting-assignments`, {
      forNip: who.kasi,
      kind: 'PLH',
      startDate: today,
      endDate: today,
    });
    const acting = await openAs(web.context, NURHAYATI.nip);
    await acting.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tim' }).waitFor();
    await toEvaluation(acting);
    const team = acting.getByRole('region', { name: 'Penilaian tim' });
    await team.getByRole('heading', { name: RAHMAT.name }).waitFor();
    await expectAccessible(acting, 'team evaluations of a Plh');
    await expectFitsPhone(acting);
    await acting.close();
  }, 60_000);
});

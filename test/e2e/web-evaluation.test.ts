/**
 * Penilaian in the web app, through the real local stack on a 360 px phone: before scoring the Pegawai reads that
 * his period is not scored yet; after BKPSDM's scoring run his Kepala Seksi rates his behaviour and overrides the
 * recommended hasil kerja (without a reason the API's message sits under the reason field); once final, the Pegawai
 * reads his evaluation with the API's explanation and the override named, files an appeal and sees its status.
 * A Plh on her dates finds the Tim page and the team's evaluations. axe finds nothing on every screen on the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, isFocused, webAppUnderTest } from '../support/browser.ts';
import { who } from '../support/demo.ts';
import { demoMonth } from '../support/month.ts';

const RAHMAT = { nip: who.staff, name: 'Rahmat Hidayat Daulay' };
const NURHAYATI = { nip: '199204282017032001', name: 'Nurhayati Batubara' };
// Approved plans down to the Pegawai, and two of his entries from yesterday waiting for his Kepala Seksi.
const web = webAppUnderTest({ withWork: true });
const month = demoMonth(web);
const PERIOD = month.period;
const { call, openAs } = web;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function toEvaluation(page: Page) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Penilaian' }).tap();
  await expect.poll(() => h1(page).textContent()).toBe('Penilaian');
}

describe('evaluations in a browser', () => {
  it('takes a period from "not scored yet" through the review with an override to the appeal', async () => {
    // Before scoring: said plainly.
    const rahmat = await openAs(RAHMAT.nip);
    await toEvaluation(rahmat);
    await rahmat.getByText('belum dinilai').waitFor();
    expect(await rahmat.getByRole('combobox', { name: 'Periode' }).inputValue()).toBe(
      new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7),
    );
    expect(await rahmat.getByRole('heading', { name: 'Penilaian tim' }).count()).toBe(0);
    await expectAccessible(rahmat, 'own evaluation, not scored yet');
    await expectFitsPhone(rahmat);

    await month.score();

    // The Kepala Seksi: the team by name with the predikat, nothing rated yet.
    const kasi = await openAs(who.kasi);
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

    await month.finalise();

    // The Pegawai: his evaluation, each explanation exactly as the API gives it, the override named.
    await rahmat.reload();
    await rahmat.getByRole('combobox', { name: 'Periode' }).selectOption({ label: month.periodName });
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
    const before = await openAs(NURHAYATI.nip);
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
    const acting = await openAs(NURHAYATI.nip);
    await acting.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tim' }).waitFor();
    await toEvaluation(acting);
    const team = acting.getByRole('region', { name: 'Penilaian tim' });
    await team.getByRole('heading', { name: RAHMAT.name }).waitFor();
    await expectAccessible(acting, 'team evaluations of a Plh');
    await expectFitsPhone(acting);
    await acting.close();
  }, 60_000);
});

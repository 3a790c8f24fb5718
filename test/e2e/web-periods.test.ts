/**
 * Periode & penilaian in the web app, through the real local stack on a 360 px phone. The BKPSDM admin opens next
 * year and sets a new version of its rules (refused first, the API's message under the field; then the two
 * versions side by side with the difference marked); in this year's demo month — its activities verified through
 * the API, as test/integration/demo-month.test.ts plays it — she closes the month from the page (a stale version
 * first: the 409 shown, her choice kept), runs the scoring with its progress shown to the end, reads the
 * distribution chart whose table carries the counts the API reports, finalises Disdukcapil after the API's
 * refusals (unconfirmed recommendations, unacknowledged violations), and downloads the reward list, whose file is
 * the API's CSV byte for byte. An auditor reads the same page without any action; a plain employee has no menu
 * entry and, typing the address, reads the API's 403. axe finds nothing and the page fits a phone in every state.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { who } from '../support/demo.ts';
import { demoMonth } from '../support/month.ts';

const DISDUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
const predikatWords = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  sangat_kurang: 'Sangat Kurang',
} as const;

const web = webAppUnderTest({ withWork: true });
const month = demoMonth(web);
const { year: YEAR, period: PERIOD, periodName: MONTH_NAME, periodNow } = month;
const NEXT = YEAR + 1;
const { call, openAs } = web;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

async function toPeriods(page: Page) {
  await menu(page).getByRole('link', { name: 'Periode & penilaian' }).tap();
  await expect.poll(() => h1(page).textContent()).toBe('Periode & penilaian');
}

/** The demo month picked in the page (this year, the month of yesterday). */
async function pickMonth(page: Page) {
  await page.getByLabel('Tahun kinerja').selectOption(String(YEAR));
  await page.getByRole('heading', { name: `Periode tahun ${YEAR}` }).waitFor();
  await page.getByLabel('Periode', { exact: true }).selectOption(PERIOD);
}

/** The Kepala Seksi approves the Pegawai's seeded entries: the demo's activities verified. */
async function verifyDemoActivities() {
  const { entries, decided } = await month.verifyActivities();
  expect(entries.items.length).toBeGreaterThan(0);
  expect(decided.results.map((r: { status: number }) => r.status)).toEqual(entries.items.map(() => 200));
}

describe('periods and scoring in a browser', () => {
  it('takes BKPSDM from a new year and its rules through a month scored, checked, finalised and rewarded', {
    timeout: 240_000,
  }, async () => {
    const page = await openAs(who.bkpsdm);
    await toPeriods(page);

    // Next year is not opened yet: open it, monthly.
    await page.getByLabel('Tahun kinerja').selectOption(String(NEXT));
    await page.getByText(`Tahun kinerja ${NEXT} belum dibuka.`).waitFor();
    await expectAccessible(page, 'a year not opened');
    await expectFitsPhone(page);
    await page.getByRole('button', { name: `Buka tahun ${NEXT}` }).tap();
    await page.getByRole('heading', { name: `Periode tahun ${NEXT}` }).waitFor();
    expect((await call(who.bkpsdm, 'GET', `/years/${NEXT}`)).periods).toHaveLength(13);
    expect(await page.getByRole('button', { name: /^Ubah periode / }).count()).toBe(13);

    // A new version of next year's rules: an impossible cap is refused under its field, then version 2 is set.
    await page.getByText('Baru ada satu versi aturan tahun ini').waitFor();
    const rulesForm = page.getByRole('form', { name: 'Tetapkan versi baru' });
    const cap = rulesForm.getByLabel('Batas capaian (%)');
    await cap.fill('300');
    await rulesForm.getByLabel('Alasan').fill('Batas pengisian digeser ke tanggal 7 (SE Sekda).');
    await rulesForm.getByLabel('Tanggal batas pengisian (bulan berikutnya)').fill('7');
    await rulesForm.getByRole('button', { name: 'Simpan versi baru' }).tap();
    await expect.poll(() => cap.getAttribute('aria-invalid')).toBe('true');
    const capError = await page.evaluate<string>(
      `document.getElementById(document.querySelector('input[name="capaianCap"]').getAttribute('aria-describedby')).textContent`,
    );
    expect(capError.length).toBeGreaterThan(0);
    await expectAccessible(page, 'rules form with an error');
    await expectFitsPhone(page);
    await cap.fill('120');
    await rulesForm.getByRole('button', { name: 'Simpan versi baru' }).tap();
    await rulesForm.getByText('Aturan versi 2 tersimpan.').waitFor();
    const rules = await call(who.bkpsdm, 'GET', `/years/${NEXT}/rules`);
    expect(rules.current).toMatchObject({ rulesVersion: 2, inputDeadlineDay: 7, capaianCap: 120 });
    // Side by side: version 1 and 2, the deadline day marked as the one difference.
    const compare = page.getByRole('region', { name: 'Bandingkan versi' });
    await compare.waitFor();
    await page.getByText('Aturan yang berbeda: 1.').waitFor();
    const differing = compare.locator('tr.differs th');
    expect(await differing.allTextContents()).toEqual(
      expect.arrayContaining(['Tanggal batas pengisian (bulan berikutnya)berbeda']),
    );
    expect(
      await compare
        .getByRole('row', { name: /Tanggal batas pengisian/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['5', '7']);
    await expectAccessible(page, 'rules side by side');
    await expectFitsPhone(page);

    // This year's demo month: the activities verified, then closed from the page — first against a stale version.
    await verifyDemoActivities();
    await pickMonth(page);
    await page.getByRole('button', { name: `Ubah periode ${MONTH_NAME}` }).tap();
    const periodForm = page.getByRole('form', { name: `Ubah periode ${MONTH_NAME}` });
    await periodForm.getByLabel('Status').selectOption({ label: 'Ditutup' });
    // Meanwhile someone moves the deadline a day later through the API: the page's version is stale.
    const before = await periodNow();
    const later = new Date(`${before.inputDeadline}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 1);
    await call(who.bkpsdm, 'PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
      version: before.version,
      inputDeadline: later.toISOString().slice(0, 10),
    });
    await periodForm.getByRole('button', { name: 'Simpan' }).tap();
    await periodForm.getByText(/Data sudah diubah orang lain/).waitFor();
    await periodForm.getByText(/Periode ini sekarang: status Terbuka/).waitFor();
    expect(await periodForm.getByLabel('Status').inputValue()).toBe('closed');
    await expectAccessible(page, 'period form after a 409');
    await expectFitsPhone(page);
    await periodForm.getByRole('button', { name: 'Simpan' }).tap();
    await periodForm.waitFor({ state: 'detached' });
    await expect.poll(async () => (await periodNow()).state).toBe('closed');

    // The scoring run, from the page, with its progress to the end. Locally a run may end before the first poll:
    // the first answer is shown as the API words a run half-way (its tasks counted, none done), so the page is seen
    // mid-run — and asking again, it reaches the real end.
    let first = true;
    await page.route('**/scoring-runs/*/*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      if (first && route.request().method() === 'GET') {
        first = false;
        const { finishedAt: _done, ...running } = body;
        return route.fulfill({
          response,
          json: { ...running, state: 'running', tasks: { ...body.tasks, done: 0 }, employeesScored: 0 },
        });
      }
      return route.fulfill({ response, json: body });
    });
    await page.getByRole('button', { name: 'Jalankan penilaian' }).tap();
    const progress = page.getByRole('progressbar', { name: 'Kemajuan penilaian' });
    await progress.waitFor();
    const midway = page.getByText(/^0 dari \d+ tugas selesai; 0 pegawai sudah dinilai\.$/);
    await midway.waitFor();
    expect(await progress.getAttribute('value')).toBe('0');
    await expectAccessible(page, 'a scoring run under way');
    await expectFitsPhone(page);
    const counts = page.getByText(/^Selesai .*: \d+ pegawai dinilai\.$/);
    await counts.waitFor({ timeout: 60_000 });
    expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
    expect(Number(await progress.getAttribute('max'))).toBeGreaterThan(0);
    expect(await counts.textContent()).toContain(`: ${demoPeople.length} pegawai dinilai.`);
    expect(await counts.getAttribute('aria-live')).toBe('polite');
    await page.unroute('**/scoring-runs/*/*');
    await page.getByText('Semua pegawai aktif sudah punya penilaian.').waitFor();
    expect((await periodNow()).state).toBe('scored');
    await expectAccessible(page, 'a scoring run done');
    await expectFitsPhone(page);

    // The leadership's predikat of Disdukcapil, recorded from the page: the OPD is scored again, shown to its end.
    const curve = page.getByRole('region', { name: 'Kurva distribusi' });
    await curve.getByLabel('OPD').selectOption('DISDUKCAPIL');
    await curve.getByText('Pimpinan belum menetapkan predikat unit di OPD ini').waitFor();
    const predikatForm = curve.getByRole('form', { name: 'Predikat unit dari pimpinan' });
    expect(await predikatForm.getByLabel('Unit', { exact: true }).inputValue()).toBe('DISDUKCAPIL');
    await predikatForm.getByLabel('Predikat unit', { exact: true }).selectOption({ label: 'Kurang' });
    await predikatForm.getByLabel('Alasan (keputusan pimpinan)').fill('Capaian perjanjian kinerja di bawah target.');
    await predikatForm.getByRole('button', { name: 'Simpan predikat unit' }).tap();
    await predikatForm.getByText(`Predikat ${DISDUKCAPIL}: Kurang, tersimpan.`).waitFor();
    await predikatForm.getByRole('progressbar', { name: 'Penilaian ulang unit' }).waitFor();
    await predikatForm.getByText(/^Selesai .*pegawai dinilai\.$/).waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'a unit predikat recorded, its unit scored again');
    await expectFitsPhone(page);

    // Everyone's behaviour (through the repository, as web-evaluation does: the page's path is what this file
    // tests); then the distribution chart and its table. All "Sesuai" leaves nobody Kurang: the curve of a Kurang
    // unit (Kurang ≥ 60%) is broken.
    await month.rateBehaviour();
    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe('Periode & penilaian');
    await pickMonth(page);
    // The OPD whose unit carries a predikat is the one shown first.
    expect(await curve.getByLabel('OPD').inputValue()).toBe('DISDUKCAPIL');
    const api = await call(who.bkpsdm, 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution?opd=DISDUKCAPIL`);
    const unit = api.units.find((u: { unitCode: string }) => u.unitCode === 'DISDUKCAPIL');
    expect(unit.violations.length).toBeGreaterThan(0);
    const figure = curve.getByRole('figure');
    await figure.locator('svg').waitFor();
    await figure.getByText('Lihat angka dalam tabel').tap();
    const rows = figure.getByRole('table').locator('tbody tr');
    const shown = new Map<string, string>();
    for (const row of await rows.all()) {
      const [name, count] = [await row.locator('th').textContent(), await row.locator('td').first().textContent()];
      shown.set(name ?? '', count ?? '');
    }
    for (const [key, words] of Object.entries(predikatWords)) expect(shown.get(words)).toBe(String(unit.counts[key]));
    // The broken line said in words beside the picture, and the violations listed as the API words them.
    const kurang = figure.getByRole('row', { name: /^Kurang\/Misconduct \d/ }).getByRole('cell');
    expect(await kurang.allTextContents()).toEqual([String(unit.counts.kurang), '0%', '≥ 60%: dilanggar']);
    for (const v of unit.violations) await curve.getByText(v.rule, { exact: false }).first().waitFor();
    await expectAccessible(page, 'the distribution chart with its table');
    await expectFitsPhone(page);

    // Finalising Disdukcapil: refused while recommendations are unconfirmed, then while violations are not
    // acknowledged; then final.
    const finalise = page.getByRole('region', { name: 'Finalisasi per OPD' });
    await finalise.getByRole('button', { name: `Finalkan ${DISDUKCAPIL}` }).tap();
    const confirm = finalise.getByRole('form', { name: `Finalkan ${DISDUKCAPIL}?` });
    await confirm.getByRole('button', { name: `Ya, finalkan ${DISDUKCAPIL}` }).tap();
    await confirm
      .getByRole('alert')
      .getByText(/belum dikonfirmasi atasan/)
      .waitFor();
    const unreviewed = api.opds.find((o: { opdCode: string }) => o.opdCode === 'DISDUKCAPIL').unreviewedCount;
    await confirm.getByRole('heading', { name: `Yang dimaksud (${unreviewed})` }).waitFor();
    await expectAccessible(page, 'finalisation refused');
    await expectFitsPhone(page, 'checkbox-by-label');
    await confirm.getByLabel(/penilaian yang belum dikonfirmasi atasan dengan rekomendasinya/).check();
    await confirm.getByRole('button', { name: `Ya, finalkan ${DISDUKCAPIL}` }).tap();
    await confirm
      .getByRole('alert')
      .getByText(/pelanggaran kurva distribusi/)
      .waitFor();
    await confirm
      .getByLabel(/^Alasan menerima \d+ pelanggaran kurva/)
      .fill('Unit baru; distribusi dibahas dengan Sekda.');
    await confirm.getByRole('button', { name: `Ya, finalkan ${DISDUKCAPIL}` }).tap();
    await finalise.getByText(`${DISDUKCAPIL} sudah final.`).waitFor();
    const after = await periodNow();
    expect(after.opds.DISDUKCAPIL).toMatchObject({
      by: `nip:${who.bkpsdm}`,
      acceptedRecommendations: unreviewed,
      acknowledgement: { reason: 'Unit baru; distribusi dibahas dengan Sekda.', violations: unit.violations.length },
    });
    await finalise
      .getByText(/^Final sejak /)
      .first()
      .waitFor();
    await expectAccessible(page, 'an OPD finalised');
    await expectFitsPhone(page);

    // The reward list of Disdukcapil, and its CSV downloaded as the API gives it.
    const rewards = page.getByRole('region', { name: 'Daftar penghargaan' });
    await rewards.getByLabel('Unit').selectOption('DISDUKCAPIL');
    const list = await call(who.bkpsdm, 'GET', `/units/DISDUKCAPIL/rewards/${PERIOD}?limit=100`);
    await rewards.getByRole('table').getByText(list.items[0].name).waitFor();
    expect(await rewards.getByRole('table').locator('tbody tr').count()).toBe(list.items.length);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rewards.getByRole('button', { name: 'Unduh CSV' }).tap(),
    ]);
    const csv = await fetch(`${web.stack.url}/units/DISDUKCAPIL/rewards/${PERIOD}?format=csv`, {
      headers: { authorization: `Bearer ${await web.devToken(who.bkpsdm)}` },
    });
    const disposition = csv.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(download.suggestedFilename());
    const file = readFileSync((await download.path()) as string);
    expect(file.equals(Buffer.from(await csv.arrayBuffer()))).toBe(true);
    const text = file.toString('utf8');
    for (const r of list.items) expect(text).toContain(r.nip);
    await rewards.getByText(`Berkas ${download.suggestedFilename()} diunduh.`).waitFor();
    await expectAccessible(page, 'the reward list downloaded');

    // The unit's recap workbook beside it: one sheet per subject, the reward sheet with every person ranked.
    const [recap] = await Promise.all([
      page.waitForEvent('download'),
      rewards.getByRole('button', { name: 'Unduh rekap (xlsx)' }).tap(),
    ]);
    expect(recap.suggestedFilename()).toBe(`rekap-DISDUKCAPIL-${PERIOD}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await recap.path()) as string);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Penilaian', 'Adopsi aktivitas', 'Layanan', 'Penghargaan']);
    const rewardSheet = workbook.getWorksheet('Penghargaan')!;
    const nips: string[] = [];
    rewardSheet.eachRow((row, n) => {
      if (n > 1) nips.push(String(row.getCell(2).value));
    });
    expect(nips).toEqual(list.items.map((r: { nip: string }) => r.nip));
    await expectFitsPhone(page);
    await page.close();
  });

  it('shows an auditor the page without actions, and a plain employee only the API refusal', {
    timeout: 120_000,
  }, async () => {
    const auditor = await openAs(who.auditor);
    await toPeriods(auditor);
    await auditor.getByText(/Anda membaca sebagai auditor/).waitFor();
    await auditor.getByRole('heading', { name: `Periode tahun ${YEAR}` }).waitFor();
    await auditor.getByRole('heading', { name: `Aturan penilaian ${YEAR}` }).waitFor();
    await auditor.getByRole('region', { name: 'Kurva distribusi' }).getByLabel('OPD').waitFor();
    for (const name of [/^Ubah periode /, /^Jalankan penilaian$/, /^Finalkan /, /^Simpan versi baru$/])
      expect(await auditor.getByRole('button', { name }).count()).toBe(0);
    await expectAccessible(auditor, 'the auditor reading');
    await expectFitsPhone(auditor);
    await auditor.close();

    const staff = await openAs(who.staff);
    expect(await menu(staff).getByRole('link', { name: 'Periode & penilaian' }).count()).toBe(0);
    await staff.goto(`${web.stack.url}/app/periode`);
    await expect.poll(() => h1(staff).textContent()).toBe('Periode & penilaian');
    const refusal = staff.getByRole('alert');
    await refusal.waitFor();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const api = await web.stack.call('GET', `/years/${today.slice(0, 4)}/periods/${today.slice(0, 7)}/distribution`, {
      token: await web.devToken(who.staff),
    });
    expect(api.status).toBe(403);
    expect(await refusal.textContent()).toContain(api.body.error.message);
    await expectAccessible(staff, 'a plain employee refused');
    await expectFitsPhone(staff);
    await staff.close();
  });
});

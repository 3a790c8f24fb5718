/**
 * Keadilan and Sinyal saya (issue 18) in the web app, through the real local stack on a 360 px phone. The month's
 * fairness records are seeded through FairnessRepository as the run writes them (the run itself has its own
 * tests): two signals for the Pegawai, the Kepala Seksi's rater pattern out of line (bulk approvals, an override
 * with its reason) and the other seksi head's in line, adoption per unit. The Pegawai reads his signals, opens the
 * evidence, is told at the field that an answer needs words, and answers; the Kepala Seksi sees her own pattern on
 * her signals page and, on Keadilan, her seksi, then opens the Pegawai's signals and reads his answer (the view
 * lands in the audit trail); the Kepala Bidang compares his two seksi heads, reads adoption and opens the one out
 * of line (her shares beside the rest of the OPD, her bulk run, her override and its reason); a colleague without a
 * line to the Pegawai is refused; the auditor finds a month not computed said so; BKPSDM computes that month now and
 * follows the run to its end. axe finds nothing and everything fits the phone in every state; every page says that
 * signals change no score.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { wibDate } from '../../shared/domain/time.ts';
import { FairnessRepository } from '../../shared/store/fairness.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { who } from '../support/demo.ts';
import { eventually } from '../support/stack.ts';

const web = webAppUnderTest({ withWork: true });
const RAHMAT = { nip: who.staff, name: 'Rahmat Hidayat Daulay' };
const RINA = { nip: who.kasi, name: 'Rina Marlina Pohan, S.Sos' };
const YUSUF = { nip: who.otherKasi, name: 'Yusuf Maulana Rangkuti, S.IP' };
const PUTRI = { nip: who.otherStaff, name: 'Putri Ayu Simatupang' };
const TODAY = wibDate(new Date());
const PERIOD = TODAY.slice(0, 7);
const BEFORE = (() => {
  const [y, m] = PERIOD.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const AT_CAP = `12 hari berturut-turut tercatat tepat 450 menit, batas harian; ambangnya 10 hari.`;
const DUPLICATE = 'Uraian “Perekaman KTP-el di loket 2” berulang pada 9 hari berbeda; ambangnya 8 hari.';
const OVERRIDE_WHY = 'Target perekaman terlampaui jauh.';
const ANSWER = 'Bulan ini ada lonjakan perekaman KTP-el menjelang pemilu; lembur dicatat di SIAK.';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });
const noScore = /tidak mengubah nilai/;

async function checked(page: Page, what: string) {
  await expectAccessible(page, what);
  await expectFitsPhone(page);
}

async function signIn(nip: string): Promise<Page> {
  const page = await web.context.newPage();
  await page.goto(`${web.stack.url}/app/`);
  await page.getByRole('textbox', { name: 'NIP' }).fill(nip);
  await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);
  return page;
}

/** A chart's table, row by row, each cell's text. */
async function tableRows(chart: Locator): Promise<string[][]> {
  const rows = chart.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push((await rows.nth(i).locator('th, td').allTextContents()).map((c) => c.trim()));
  return out;
}

async function call(nip: string, method: string, path: string, body?: unknown) {
  const res = await web.stack.call(method, path, { token: await web.devToken(nip), body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

const bilingual = (id: string, en: string) => ({ id, en });
const formulas = {
  leniency: bilingual(
    'rata-rata (diberikan − rekomendasi), Di Bawah = −1, Sesuai = 0, Di Atas = +1',
    'mean (given − recommended), Below = −1, Meets = 0, Above = +1',
  ),
  central: bilingual(
    'porsi Sesuai yang diberikan − porsi Sesuai atasan lain di OPD (poin persen)',
    'share of Meets given − the OPD’s other supervisors’ share (percentage points)',
  ),
};

/** A rater pattern record as the run writes it. */
function rater(
  person: { nip: string; name: string },
  unit: { code: string; path: string },
  p: { ratings: [number, number, number]; leniency: number; outOfLine: boolean; bulk: boolean; override: boolean },
) {
  const [di_atas, sesuai, di_bawah] = p.ratings;
  return {
    nip: person.nip,
    name: person.name,
    unitCode: unit.code,
    unitPath: unit.path,
    periodId: PERIOD,
    rulesVersion: 1,
    computedAt: new Date().toISOString(),
    pattern: {
      supervisorNip: person.nip,
      decided: 64,
      approved: 63,
      rejected: 1,
      approvalPct: 98.4,
      rejectionPct: 1.6,
      medianDecisionHours: 0.2,
      bulkApproved: p.bulk ? 40 : 0,
      bulkPct: p.bulk ? 62.5 : 0,
      bulkRuns: p.bulk ? [{ at: `${TODAY}T02:00:03.000Z`, entries: 20, seconds: 38 }] : [],
      backlog: 2,
      oldestPendingDays: 3,
      ratings: { di_atas, sesuai, di_bawah, rated: di_atas + sesuai + di_bawah },
      overrides: p.override
        ? [
            {
              nip: RAHMAT.nip,
              name: RAHMAT.name,
              from: 'sesuai' as const,
              to: 'di_atas' as const,
              reason: OVERRIDE_WHY,
            },
          ]
        : [],
      leniency: p.leniency,
      leniencyBasis: {
        people: di_atas + sesuai + di_bawah,
        sum: Math.round(p.leniency * (di_atas + sesuai + di_bawah)),
      },
    },
    comparison: {
      supervisorNip: person.nip,
      leniency: { value: p.leniency, opdOthers: 0, formula: formulas.leniency, outOfLine: p.outOfLine },
      centralTendency: { value: -40, formula: formulas.central, outOfLine: false },
    },
    unitResults: { withinStandardPct: 71.5, ikm: 78.2 },
  };
}

beforeAll(async () => {
  const units: { code: string; path: string; parentCode?: string }[] = (await call(who.bkpsdm, 'GET', '/units')).units;
  const unit = (code: string) => units.find((u) => u.code === code)!;
  const repo = new FairnessRepository(new OrgScope('kota-medan'));
  const computedAt = new Date().toISOString();
  const person = (nip: string, name: string, code: string, supervisorNip: string) => ({
    nip,
    name,
    unitCode: code,
    unitPath: unit(code).path,
    supervisorNip,
    periodId: PERIOD,
    rulesVersion: 1,
    computedAt,
  });
  await repo.putPersonSignals({
    ...person(RAHMAT.nip, RAHMAT.name, 'DUK-IDK', RINA.nip),
    signals: [
      {
        id: 'at_cap',
        kind: 'at_cap',
        measure: 12,
        threshold: 10,
        rule: 'capStreakDays',
        explanation: bilingual(
          AT_CAP,
          '12 consecutive days at exactly 450 minutes, the daily cap; the threshold is 10.',
        ),
        evidence: { dates: [`${PERIOD}-02`, `${PERIOD}-03`, `${PERIOD}-04`], minutes: 450 },
      },
      {
        id: 'near_duplicate#9f2c1a',
        kind: 'near_duplicate',
        measure: 9,
        threshold: 8,
        rule: 'duplicateMinDays',
        explanation: bilingual(DUPLICATE, 'The description repeats on 9 different days; the threshold is 8.'),
        evidence: {
          description: 'Perekaman KTP-el di loket 2',
          entries: [
            { date: `${PERIOD}-05`, id: 'a-1' },
            { date: `${PERIOD}-06`, id: 'a-2' },
          ],
        },
      },
    ],
  } as never);
  for (const [nip, name, code, sup] of [
    [RINA.nip, RINA.name, 'DUK-IDK', who.kabid],
    [PUTRI.nip, PUTRI.name, 'DUK-PINDAH', YUSUF.nip],
  ] as const)
    await repo.putPersonSignals({ ...person(nip, name, code, sup), signals: [] });
  await repo.putRaterPattern(
    rater(RINA, unit('DUK-IDK'), { ratings: [3, 0, 0], leniency: 0.67, outOfLine: true, bulk: true, override: true }),
  );
  await repo.putRaterPattern(
    rater(YUSUF, unit('DUK-PINDAH'), {
      ratings: [0, 2, 0],
      leniency: 0,
      outOfLine: false,
      bulk: false,
      override: false,
    }),
  );
  const adoption = (code: string, members: number, logging: number, idle: { nip: string; days: number }[]) => ({
    unitCode: code,
    unitPath: unit(code).path,
    periodId: PERIOD,
    computedAt,
    asOf: TODAY,
    adoption: {
      members,
      loggingRecently: logging,
      loggingPct: Math.round((1000 * logging) / members) / 10,
      belowThreshold: (100 * logging) / members < 70,
      idle: idle.map((i) => ({ nip: i.nip, lastLoggedDate: `${PERIOD}-01`, idleWorkingDays: i.days })),
    },
    overdueQueues:
      code === 'DUK-IDK' || code === 'DUK-DAFDUK'
        ? [{ supervisorNip: RINA.nip, name: RINA.name, pending: 14, oldestPendingDays: 9 }]
        : [],
  });
  for (const u of units.filter((u) => u.path.startsWith(unit('DISDUKCAPIL').path)))
    await repo.putUnitAdoption(
      u.code === 'DUK-PINDAH'
        ? adoption(u.code, 3, 1, [{ nip: PUTRI.nip, days: 6 }])
        : u.code === 'DUK-DAFDUK'
          ? adoption(u.code, 8, 5, [{ nip: PUTRI.nip, days: 6 }])
          : adoption(u.code, 4, 4, []),
    );
}, 60_000);

describe('fairness in a browser', () => {
  it('the Pegawai reads his signals, opens the evidence and answers', { timeout: 120_000 }, async () => {
    const page = await signIn(RAHMAT.nip);
    expect(await menu(page).getByRole('link', { name: 'Keadilan' }).count()).toBe(0);
    await menu(page).getByRole('link', { name: 'Sinyal saya' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Sinyal saya');
    expect(await page.getByTestId('no-score').textContent()).toMatch(noScore);
    const list = page.getByRole('list', { name: 'Sinyal' });
    const cap = list.getByRole('listitem').filter({ hasText: AT_CAP });
    await cap.waitFor();
    expect(await list.locator(':scope > li').count()).toBe(2);
    expect(await cap.textContent()).toContain('Tepat di batas menit harian');
    expect(await cap.textContent()).toContain('Angka: 12 (ambang 10)');
    expect(await cap.getByTestId('signal-answer').textContent()).toBe('Belum dijawab.');
    await checked(page, 'own signals');

    // The evidence, one tap away.
    const dup = list.getByRole('listitem').filter({ hasText: DUPLICATE });
    await dup.getByText('Lihat bukti').tap();
    await dup.getByText('Perekaman KTP-el di loket 2', { exact: true }).waitFor();
    expect(await dup.locator('details').textContent()).toContain(`date: ${PERIOD}-06 · id: a-2`);
    await checked(page, 'a signal’s evidence open');

    // An empty answer is named at the field; then the answer is kept and shown.
    const form = cap.getByRole('form', { name: 'Jawaban Anda' });
    await form.getByRole('button', { name: 'Kirim jawaban' }).tap();
    const note = form.getByLabel('Jawaban Anda');
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').allTextContents()).toEqual(['Kolom ini tidak boleh kosong.']);
    await checked(page, 'answer without words');
    await note.fill(ANSWER);
    await form.getByRole('button', { name: 'Kirim jawaban' }).tap();
    await form.getByText('Jawaban tersimpan.').waitFor();
    await expect.poll(() => cap.getByTestId('signal-answer').textContent()).toContain(ANSWER);
    expect(await form.getByRole('button', { name: 'Ubah jawaban' }).count()).toBe(1);
    await checked(page, 'signal answered');
    const stored = await call(RAHMAT.nip, 'GET', `/employees/${RAHMAT.nip}/signals/${PERIOD}`);
    expect(stored.signals.find((s: { id: string }) => s.id === 'at_cap').answer.note).toBe(ANSWER);

    // In English: the page's words and the API's explanation both.
    await page.getByRole('button', { name: 'English' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('My signals');
    await page.getByText('12 consecutive days at exactly 450 minutes, the daily cap; the threshold is 10.').waitFor();
    expect(await page.getByTestId('no-score').textContent()).toContain('Signals change no score');
    await checked(page, 'own signals in English');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Sinyal saya');
    await page.close();
  });

  it('the Kepala Seksi sees her own pattern, her seksi, and the Pegawai’s signals with his answer', {
    timeout: 120_000,
  }, async () => {
    const page = await signIn(RINA.nip);
    await menu(page).getByRole('link', { name: 'Sinyal saya' }).tap();
    await page.getByText('Tidak ada sinyal pada periode ini.').waitFor();
    const mine = page.getByRole('region', { name: 'Pola Anda sebagai penilai' });
    await mine.getByRole('heading', { name: `Pola ${RINA.name}` }).waitFor();
    expect(await mine.textContent()).toContain('20 aktivitas dalam 38 detik');
    await checked(page, 'own signals (none) and own rater pattern');

    await menu(page).getByRole('link', { name: 'Keadilan' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Keadilan');
    await expect.poll(() => page.getByTestId('fairness-unit').textContent()).toContain('Seksi Identitas');
    const table = page.getByTestId('rater-table');
    await table.locator(`tr[data-rater="${RINA.nip}"]`).waitFor();
    // Her seksi only: the other seksi head is not in it.
    expect(await table.locator('tbody tr').count()).toBe(1);
    const people = page.getByRole('list', { name: 'Orang dengan sinyal' });
    const rahmat = people.getByRole('listitem').filter({ hasText: RAHMAT.name });
    await rahmat.waitFor();
    expect(await rahmat.textContent()).toContain('1 dijawab, 1 belum');
    await checked(page, 'Keadilan, her seksi');

    await rahmat.getByRole('link', { name: RAHMAT.name }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Sinyal pegawai');
    const cap = page.getByRole('list', { name: 'Sinyal' }).getByRole('listitem').filter({ hasText: AT_CAP });
    await expect.poll(() => cap.getByTestId('signal-answer').textContent()).toContain(ANSWER);
    expect(await page.getByRole('form', { name: 'Jawaban Anda' }).count()).toBe(0);
    expect(await page.getByTestId('no-score').textContent()).toMatch(noScore);
    await checked(page, 'another person’s signals, read by the supervisor');
    await page.close();

    // Her view of his signals is in the audit trail.
    await eventually(async () => {
      const trail = await call(who.auditor, 'GET', `/employees/${RAHMAT.nip}/audit?limit=100`);
      return trail.items.some(
        (e: { entity: string; actor: string }) => e.entity === 'SignalsView' && e.actor === `nip:${RINA.nip}`,
      );
    }, 20_000);
  });

  it('the Kepala Bidang compares his seksi heads, opens the one out of line and reads adoption', {
    timeout: 120_000,
  }, async () => {
    const page = await signIn(who.kabid);
    await menu(page).getByRole('link', { name: 'Keadilan' }).tap();
    await expect.poll(() => page.getByTestId('fairness-unit').textContent()).toContain('Pendaftaran Penduduk');
    const table = page.getByTestId('rater-table');
    await table.locator(`tr[data-rater="${YUSUF.nip}"]`).waitFor();
    // Out of line first, marked so.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-rater')).toBe(RINA.nip);
    expect(await rows.nth(0).textContent()).toContain('Tidak sejalan');
    expect(await rows.nth(1).textContent()).toContain('Sejalan');
    // The shares beside the whole OPD, as a chart and its table.
    await expect.poll(() => page.locator('figure.chart svg').count()).toBe(1);
    const chart = page.locator('figure.chart');
    await chart.locator('summary').tap();
    const shares = await tableRows(chart);
    expect(shares).toEqual([
      [RINA.name, '3', '100 %', '0 %', '0 %'],
      [YUSUF.name, '2', '0 %', '100 %', '0 %'],
      ['Seluruh OPD', '5', '60 %', '40 %', '0 %'],
    ]);
    await page.getByText('Cara menghitung').first().tap();
    await page
      .getByText(/Kelonggaran = rata-rata/)
      .first()
      .waitFor();
    // Adoption: the idle colleague, the overdue queue, the seksi below the threshold.
    const idle = page.getByRole('list', { name: 'Belum mencatat' });
    await expect.poll(() => idle.textContent()).toContain(`${PUTRI.name} (${PUTRI.nip}): 6 hari kerja`);
    expect(await page.getByRole('list', { name: 'Antrean verifikasi terlambat' }).textContent()).toContain(
      `${RINA.name}: 14 menunggu, tertua 9 hari`,
    );
    const below = page.getByRole('list', { name: 'Unit di bawah ambang' });
    expect(await below.textContent()).toContain('33,3 %');
    await checked(page, 'Keadilan, his bidang');

    await rows.nth(0).getByRole('link', { name: RINA.name }).tap();
    const detail = page.getByTestId('rater-detail');
    await detail.getByRole('heading', { name: `Pola ${RINA.name}` }).waitFor();
    expect(page.url()).toContain(`penilai=${RINA.nip}`);
    expect(await detail.getByRole('list', { name: 'Persetujuan massal' }).textContent()).toContain(
      '20 aktivitas dalam 38 detik',
    );
    // Her shares beside the rest of the OPD (the OPD pooled less her own), drawn, and its table.
    await expect.poll(() => page.locator('figure.chart svg').count()).toBe(1);
    await page.locator('figure.chart summary').tap();
    expect(await tableRows(page.locator('figure.chart'))).toEqual([
      [RINA.name, '3', '100 %', '0 %', '0 %'],
      ['Atasan lain di OPD', '2', '0 %', '100 %', '0 %'],
    ]);
    const overrides = detail.getByRole('list', { name: 'Penilaian yang berbeda dari rekomendasi' });
    // The person rated by name, the NIP beside it.
    expect(await overrides.textContent()).toContain(
      `${RAHMAT.name} (NIP ${RAHMAT.nip}): Sesuai ekspektasi → Di atas ekspektasi`,
    );
    expect(await overrides.textContent()).toContain(`Alasan: ${OVERRIDE_WHY}`);
    await checked(page, 'one rater’s detail');
    await page.getByRole('link', { name: 'Kembali ke semua penilai' }).tap();
    await page.getByTestId('rater-table').waitFor();
    await page.close();
  });

  it('refuses a colleague without a line to the Pegawai', { timeout: 60_000 }, async () => {
    const page = await signIn(PUTRI.nip);
    expect(await menu(page).getByRole('link', { name: 'Keadilan' }).count()).toBe(0);
    await page.goto(`${web.stack.url}/app/sinyal?pegawai=${RAHMAT.nip}&periode=${PERIOD}`);
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).not.toBe('');
    expect(await page.getByText(AT_CAP).count()).toBe(0);
    await checked(page, 'another person’s signals refused');
    await page.close();
  });

  it('the auditor finds a month not computed said so', { timeout: 60_000 }, async () => {
    const page = await signIn(who.auditor);
    await menu(page).getByRole('link', { name: 'Keadilan' }).waitFor();
    await page.goto(`${web.stack.url}/app/keadilan?unit=DISDUKCAPIL&periode=${BEFORE}`);
    const state = page.locator('[data-state="not-computed"]');
    await state.waitFor();
    expect(await state.textContent()).toContain('setiap hari pukul 02.00 WIB');
    expect(await page.getByRole('button', { name: 'Hitung sekarang' }).count()).toBe(0);
    await checked(page, 'Keadilan, not computed');
    await page.close();
  });

  it('BKPSDM computes the month now and follows the run to its end', { timeout: 180_000 }, async () => {
    const page = await signIn(who.bkpsdm);
    await menu(page).getByRole('link', { name: 'Keadilan' }).tap();
    await page.goto(`${web.stack.url}/app/keadilan?unit=DISDUKCAPIL&periode=${BEFORE}`);
    const state = page.locator('[data-state="not-computed"]');
    await state.waitFor();
    expect(await state.textContent()).toContain('Hitung sekarang');
    await checked(page, 'Keadilan, not computed, for BKPSDM');
    await page.getByRole('button', { name: 'Hitung sekarang' }).tap();
    const progress = page.getByTestId('fairness-run');
    await progress.waitFor();
    await checked(page, 'a fairness run started');
    await expect.poll(() => progress.textContent(), { timeout: 120_000 }).toMatch(/^Selesai/);
    // Computed now: the sections replace the "not computed" state.
    await page.getByRole('heading', { name: 'Pola penilai' }).waitFor();
    expect(await state.count()).toBe(0);
    await checked(page, 'Keadilan after the run');
    await page.close();
  });
});

/**
 * End-of-period scoring through the HTTP API as its users meet it: BKPSDM runs the scoring (tasks through the real
 * stream), supervisors rate behaviour and confirm or override, the distribution check guards finalisation, the
 * explanation recomputes, the reward list ranks, and an employee appeals to the second-level supervisor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { runScoringTask } from '../../shared/app/scoring.ts';
import { defaultRules } from '../../shared/domain/rules.ts';
import { scoreHasilKerja } from '../../shared/domain/scoring.ts';
import { wibTime } from '../../shared/messages/catalogue.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { ScoringRunRepository } from '../../shared/store/scoring.ts';
import { YearRepository } from '../../shared/store/years.ts';
import { demoTokens, tokenFor, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
const NURHAYATI = '199204282017032001';
const FAJAR = '199512032020121002';
const IDK = [who.kasi, who.staff, NURHAYATI, FAJAR];

const call = (as: keyof typeof who | string, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { token: as in t ? t[as as keyof typeof who] : as, body });
const evaluation = (nip: string, as: keyof typeof who = 'bkpsdm') =>
  call(as, 'GET', `/employees/${nip}/evaluations/${PERIOD}`);
const allGood = {
  berorientasi_pelayanan: 'di_atas',
  akuntabel: 'di_atas',
  kompeten: 'di_atas',
  harmonis: 'di_atas',
  loyal: 'sesuai',
  adaptif: 'sesuai',
  kolaboratif: 'sesuai',
};
const allMeets = Object.fromEntries(Object.keys(allGood).map((k) => [k, 'sesuai']));

/** A run over one unit (or, with null, the whole organisation: only that scores the period). */
async function scoreUnit(unitCode: string | null = 'DUK-IDK') {
  const started = await call('bkpsdm', 'POST', '/scoring-runs', {
    periodId: PERIOD,
    ...(unitCode ? { unitCode } : {}),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return eventually(async () => {
    const run = await call('bkpsdm', 'GET', `/scoring-runs/${PERIOD}/${started.body.runId}`);
    return run.body.state === 'done' ? run.body : undefined;
  }, 20_000);
}

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
  // Yearly targets of 100 documents: a month carries 100/12. Rahmat (staff) delivers 9 on staff-1-a (weight 60,
  // capaian 108) and 10 on staff-1-b (weight 40, capaian 120).
  for (const [ikiId, start, end, qty] of [
    ['staff-1-a', '08:00', '10:00', 9],
    ['staff-1-b', '10:00', '12:00', 10],
  ] as const) {
    const made = await call('staff', 'POST', '/employees/me/activities', {
      date: D,
      start,
      end,
      description: 'Pelayanan',
      rhkId: 'staff-1',
      ikiId,
      outputQuantity: qty,
      outputUnit: 'dokumen',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const ok = await call('kasi', 'POST', '/activities/decisions', {
      decisions: [
        {
          nip: who.staff,
          date: D,
          id: made.body.activity.id,
          version: made.body.activity.version,
          decision: 'approve',
        },
      ],
    });
    expect(ok.body.results[0].activity.status, JSON.stringify(ok.body)).toBe('approved');
  }
});
afterAll(() => stack.stop());

describe('scoring run', () => {
  it('refuses an open period, and anyone but BKPSDM', async () => {
    const open = await call('bkpsdm', 'POST', '/scoring-runs', { periodId: PERIOD });
    expect(open.status).toBe(409);
    expect(open.body.error.code).toBe('scoring_period_state');
    expect((await call('kasi', 'POST', '/scoring-runs', { periodId: PERIOD })).status).toBe(403);
    const year = await call('staff', 'GET', `/years/${YEAR}`);
    const period = year.body.periods.find((p: { id: string }) => p.id === PERIOD);
    expect(
      (await call('bkpsdm', 'PATCH', `/years/${YEAR}/periods/${PERIOD}`, { version: period.version, state: 'closed' }))
        .status,
    ).toBe(200);
  });

  it('scores each unit from the running totals; a run over one unit leaves the period as it is, the full run scores it', async () => {
    const one = await scoreUnit();
    expect(one).toMatchObject({ tasks: { total: 1, done: 1 }, employeesScored: 4, rulesVersion: 1 });
    expect(
      (await call('staff', 'GET', `/years/${YEAR}`)).body.periods.find((p: { id: string }) => p.id === PERIOD).state,
    ).toBe('closed');
    const run = await scoreUnit(null);
    expect(run).toMatchObject({ employeesScored: demoPeople.length, unitCode: null });
    const staff = (await evaluation(who.staff)).body;
    expect(
      staff.hasilKerja.indicators.map((i: { realisasi: number; months: number; capaian: number; level: string }) => [
        i.realisasi,
        i.months,
        i.capaian,
        i.level,
      ]),
    ).toEqual([
      [9, 1, 108, 'meets'],
      [10, 1, 120, 'above'],
    ]);
    // (108 × 60 + 120 × 40) / 100; one of two utama above and none below: Di Atas.
    expect(staff).toMatchObject({ planVersion: 1, recommendedHasilKerja: 'di_atas', periodState: 'scored' });
    expect(staff.hasilKerja.nilaiKinerjaRounded).toBe(112.8);
    expect(staff.outcome).toMatchObject({
      hasilKerja: 'di_atas',
      perilaku: null,
      predikat: null,
      source: 'recommendation',
    });
    // Without an approved plan there is nothing to rate against.
    expect((await evaluation(NURHAYATI)).body).toMatchObject({ planVersion: null, recommendedHasilKerja: 'di_bawah' });
    expect(
      (await call('staff', 'GET', `/years/${YEAR}`)).body.periods.find((p: { id: string }) => p.id === PERIOD).state,
    ).toBe('scored');
    // The period is scored: each supervisor of someone evaluated is told the team is ready for review.
    const ready = await eventually(async () => {
      const items = (await call('kasi', 'GET', '/me/notifications?limit=100')).body.items as {
        type: string;
        link: string;
      }[];
      return items.find((n) => n.type === 'evaluations_ready');
    });
    expect(ready.link).toBe(`/employees/me/team-evaluations/${PERIOD}`);
  });

  it('gives the same figures when run again, when runs overlap, and after a run killed half-way', async () => {
    const before = (await evaluation(who.staff)).body;
    const [a, b] = await Promise.all([scoreUnit(), scoreUnit()]);
    expect([a.employeesScored, b.employeesScored]).toEqual([4, 4]);
    // A run killed after scoring one person: its task stays pending; a new run then finishes the job.
    const scope = new OrgScope('kota-medan');
    const runs = new ScoringRunRepository(scope);
    const killed = await runs.start(await new YearRepository(scope).findPeriod(PERIOD), YEAR, 'DUK-IDK', 'inline', {
      actor: 'test',
      now: new Date().toISOString(),
    });
    expect(await runs.run(PERIOD, killed.run.runId)).toMatchObject({ state: 'running', taskCount: 1, doneTasks: 0 });
    expect((await call('bkpsdm', 'GET', `/scoring-runs/${PERIOD}/${killed.run.runId}`)).body.pendingUnits).toEqual([
      { unitCode: 'DUK-IDK', unitName: 'Seksi Identitas Penduduk' },
    ]);
    await scoreUnit();
    const after = (await evaluation(who.staff)).body;
    expect(after.inputsHash).toBe(before.inputsHash);
    expect(after.hasilKerja).toEqual(before.hasilKerja);
    // One evaluation per person, however many runs.
    const dist = await call('bkpsdm', 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution`);
    expect(dist.body.evaluations).toBe(demoPeople.length);
    expect(
      (await runScoringTask(scope, killed.tasks[0]!, { actor: 'test', now: new Date().toISOString() })).scored,
    ).toBe(4);
  });
});

describe('review by the supervisor', () => {
  it('takes BerAKHLAK ratings and a confirmation or an override with its reason, from the direct supervisor only', async () => {
    const e = (await evaluation(who.staff)).body;
    expect(
      (
        await call('otherKasi', 'PUT', `/employees/${who.staff}/evaluations/${PERIOD}/behaviour`, {
          values: allGood,
          version: e.version,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('staff', 'PUT', `/employees/${who.staff}/evaluations/${PERIOD}/behaviour`, {
          values: allGood,
          version: e.version,
        })
      ).status,
    ).toBe(403);
    const noBehaviour = await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/review`, {
      hasilKerja: { rating: 'di_atas' },
      perilaku: { rating: 'di_atas' },
      version: e.version,
    });
    expect(noBehaviour.body.error.code).toBe('behaviour_missing');
    const rated = await call('kasi', 'PUT', `/employees/${who.staff}/evaluations/${PERIOD}/behaviour`, {
      values: allGood,
      version: e.version,
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    // 4 of 7 above and none below → Di Atas; with Di Atas hasil kerja: Sangat Baik.
    expect(rated.body.outcome).toMatchObject({
      perilaku: 'di_atas',
      predikat: 'sangat_baik',
      source: 'recommendation',
    });
    const stale = await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/review`, {
      hasilKerja: { rating: 'di_atas' },
      perilaku: { rating: 'di_atas' },
      version: e.version,
    });
    expect(stale.status).toBe(409);
    const noReason = await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/review`, {
      hasilKerja: { rating: 'sesuai' },
      perilaku: { rating: 'di_atas' },
      version: rated.body.version,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('override_reason_required');
    // Named as the field to fill, so a form shows the message under it.
    expect(noReason.body.error.details).toEqual([
      { field: 'body.hasilKerja.reason', code: 'override_reason_required', message: noReason.body.error.message },
    ]);
    const reviewed = await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/review`, {
      hasilKerja: { rating: 'sesuai', reason: 'Kualitas berkas IKI b masih perlu perbaikan.' },
      perilaku: { rating: 'di_atas' },
      version: rated.body.version,
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.outcome).toMatchObject({
      hasilKerja: 'sesuai',
      perilaku: 'di_atas',
      predikat: 'baik',
      source: 'review',
    });
    expect(reviewed.body.review.reasons.hasilKerja).toContain('perbaikan');
  });

  it('shows 360° input from peers and subordinates beside the ratings, without naming the giver', async () => {
    const fajar = await tokenFor(stack.issuer, FAJAR);
    const peer = await call(fajar, 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/input`, {
      values: { harmonis: 'di_atas', kolaboratif: 'sesuai' },
      comment: 'Sigap membantu antrean.',
    });
    expect(peer.status, JSON.stringify(peer.body)).toBe(200);
    expect(
      (await call('staff', 'POST', `/employees/me/evaluations/${PERIOD}/input`, { values: { harmonis: 'di_atas' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call('otherStaff', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/input`, {
          values: { harmonis: 'di_atas' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('staff', 'POST', `/employees/${who.kasi}/evaluations/${PERIOD}/input`, {
          values: { akuntabel: 'di_atas' },
        })
      ).status,
    ).toBe(200);
    const shown = (await evaluation(who.staff, 'kasi')).body;
    expect(shown.input360).toEqual({
      peers: 1,
      subordinates: 0,
      byValue: {
        harmonis: { di_atas: 1, sesuai: 0, di_bawah: 0 },
        kolaboratif: { di_atas: 0, sesuai: 1, di_bawah: 0 },
      },
      comments: [{ relation: 'peer', comment: 'Sigap membantu antrean.' }],
    });
    expect(JSON.stringify(shown)).not.toContain(FAJAR);
    // Beside, not in: the recommendation still comes from the supervisor's ratings alone.
    expect(shown.outcome.perilaku).toBe('di_atas');
    expect((await evaluation(who.kasi, 'kabid')).body.input360).toMatchObject({ peers: 0, subordinates: 1 });
  });

  it("lists the supervisor's team with what is left to do", async () => {
    const team = await call('kasi', 'GET', `/employees/me/team-evaluations/${PERIOD}`);
    expect(team.status).toBe(200);
    expect(team.body.items.map((i: { nip: string }) => i.nip).sort()).toEqual([who.staff, NURHAYATI, FAJAR].sort());
    const rahmat = team.body.items.find((i: { nip: string }) => i.nip === who.staff);
    expect(rahmat).toMatchObject({
      reviewed: true,
      behaviourRated: true,
      nilaiKinerja: 112.8,
      outcome: { predikat: 'baik' },
    });
    // Still to review first.
    expect(team.body.items.at(-1).nip).toBe(who.staff);
    expect((await call('otherKasi', 'GET', `/employees/${who.kasi}/team-evaluations/${PERIOD}`)).status).toBe(403);
  });

  it('names each team member and carries the version a decision sends: one call per decision, no extra read', async () => {
    const list = async (query = '') =>
      (await call('kasi', 'GET', `/employees/me/team-evaluations/${PERIOD}${query}`)).body as {
        items: { nip: string; name: string; version: number; reviewed: boolean }[];
        nextCursor?: string;
      };
    const team = await list();
    expect(Object.fromEntries(team.items.map((i) => [i.nip, i.name]))).toEqual({
      [who.staff]: 'Rahmat Hidayat Daulay',
      [NURHAYATI]: 'Nurhayati Batubara',
      [FAJAR]: 'Fajar Ramadhan Lubis',
    });
    // Rated again with the version from the list: the review is asked for again...
    const before = team.items.find((i) => i.nip === who.staff)!;
    const rated = await call('kasi', 'PUT', `/employees/${who.staff}/evaluations/${PERIOD}/behaviour`, {
      values: allGood,
      version: before.version,
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    const toReview = (await list()).items.find((i) => i.nip === who.staff)!;
    expect(toReview).toMatchObject({ reviewed: false, version: before.version + 1 });
    // ...and decided with the version from the list.
    const reviewed = await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/review`, {
      hasilKerja: { rating: 'sesuai', reason: 'Kualitas berkas IKI b masih perlu perbaikan.' },
      perilaku: { rating: 'di_atas' },
      version: toReview.version,
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body.outcome).toMatchObject({ predikat: 'baik', source: 'review' });
    // Paged: two, then the rest, in the same order as the whole list.
    const first = await list('?limit=2');
    expect(first.items).toHaveLength(2);
    const rest = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(rest.nextCursor).toBeUndefined();
    expect([...first.items, ...rest.items].map((i) => i.nip)).toEqual((await list()).items.map((i) => i.nip));
    expect((await call('kasi', 'GET', `/employees/me/team-evaluations/${PERIOD}?cursor=nope`)).status).toBe(400);
  });

  it('explains every number with its inputs, and the explanation recomputes', async () => {
    const x = (await call('staff', 'GET', `/employees/me/evaluations/${PERIOD}/explanation`)).body;
    expect(x.inputs).toMatchObject({
      planVersion: 1,
      rulesVersion: 1,
      rules: { capaianCap: 120, aboveThreshold: 110, meetsThreshold: 90 },
    });
    expect(x.indicators[0].realisasiSource).toEqual({
      kind: 'activities',
      record: `TOTAL#${PERIOD}#IKI#staff-1-a`,
      field: 'approvedQuantity',
    });
    expect(x.indicators[0].text).toContain('target tahunan × 1/12');
    expect(x.indicators[0].text).toContain('9 / 8.33 × 100');
    expect(x.nilaiKinerja.text).toContain('108 × 60 + 120 × 40');
    expect(x.predikat.text).toContain('Baik');
    // The supervisor's override, in words: who, when (WIB), what changed and why.
    const { review } = (await evaluation(who.staff)).body;
    expect(x.predikat.text).toContain(
      `(diubah atasan Rina Marlina Pohan, S.Sos (NIP ${who.kasi}) pada ${wibTime(review.at)}: hasil kerja dari `,
    );
    expect(x.predikat.text).toMatch(
      /menjadi Sesuai Ekspektasi dengan alasan "Kualitas berkas IKI b masih perlu perbaikan\."\)\.$/,
    );
    expect(wibTime(review.at)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? WIB$/);
    const again = scoreHasilKerja(x.indicators, { ...defaultRules, ...x.inputs.rules });
    expect(again.nilaiKinerjaRounded).toBe(x.nilaiKinerja.rounded);
    expect(again.indicators.map((i) => i.capaian)).toEqual(x.indicators.map((i: { capaian: number }) => i.capaian));
    expect((await call('otherStaff', 'GET', `/employees/${who.staff}/evaluations/${PERIOD}/explanation`)).status).toBe(
      403,
    );
  });
});

describe('distribution, finalisation, rewards and appeals', () => {
  it('finalises only with every predikat, confirmations (or accepted recommendations) and acknowledged violations', async () => {
    expect(
      (await call('kabid', 'PUT', `/units/DUK-IDK/predikat/${PERIOD}`, { predikat: 'kurang', reason: 'x' })).status,
    ).toBe(403);
    const set = await call('bkpsdm', 'PUT', `/units/DUK-IDK/predikat/${PERIOD}`, {
      predikat: 'kurang',
      reason: 'Perjanjian kinerja seksi tidak tercapai.',
    });
    expect(set.status).toBe(200);
    // The unit is scored again so that its head takes the unit's rating (Kurang → Di Bawah).
    await eventually(
      async () =>
        (await call('bkpsdm', 'GET', `/scoring-runs/${PERIOD}/${set.body.rescoringRunId}`)).body.state === 'done',
    );
    expect((await evaluation(who.kasi)).body).toMatchObject({
      head: { unitPredikat: 'kurang' },
      recommendedHasilKerja: 'di_bawah',
    });
    const version = async () =>
      (await call('staff', 'GET', `/years/${YEAR}`)).body.periods.find((p: { id: string }) => p.id === PERIOD).version;
    const finalise = async (extra: Record<string, unknown> = {}) =>
      call('bkpsdm', 'POST', `/years/${YEAR}/periods/${PERIOD}/finalise`, { version: await version(), ...extra });
    const incomplete = await finalise();
    expect(incomplete.body.error.code).toBe('evaluations_incomplete');
    expect(incomplete.body.error.details.count).toBe(demoPeople.length - 1);
    expect(incomplete.body.error.details.people).toHaveLength(demoPeople.length - 1);
    expect(incomplete.body.error.details.people).toEqual(
      expect.arrayContaining([
        { nip: NURHAYATI, name: 'Nurhayati Batubara', unitCode: 'DUK-IDK', unitName: 'Seksi Identitas Penduduk' },
      ]),
    );
    expect(incomplete.body.error.details.people.map((p: { nip: string }) => p.nip)).toEqual(
      expect.arrayContaining([who.kasi, NURHAYATI, FAJAR]),
    );
    for (const [nip, by] of [
      [who.kasi, 'kabid'],
      [NURHAYATI, 'kasi'],
      [FAJAR, 'kasi'],
    ] as const) {
      const e = (await evaluation(nip)).body;
      expect(
        (
          await call(by, 'PUT', `/employees/${nip}/evaluations/${PERIOD}/behaviour`, {
            values: allMeets,
            version: e.version,
          })
        ).status,
      ).toBe(200);
    }
    // Everyone else's supervisor rates too (set up through the repository: the HTTP path is covered above).
    const repo = new EvaluationRepository(new OrgScope('kota-medan'));
    const others = demoPeople.map((p) => p.nip).filter((n) => ![who.staff, ...IDK].includes(n));
    for (const nip of others)
      await repo.change(
        nip,
        PERIOD,
        0,
        () => ({ behaviour: { values: allMeets as never, by: 'test', at: new Date().toISOString() } }),
        { actor: 'test', now: new Date().toISOString() },
      );
    const unreviewed = await finalise();
    expect(unreviewed.body.error.code).toBe('evaluations_unreviewed');
    expect(unreviewed.body.error.details.count).toBe(demoPeople.length - 1);
    expect(unreviewed.body.error.details.people.map((p: { nip: string }) => p.nip)).not.toContain(who.staff);
    const violations = await finalise({ acceptRecommendations: true });
    expect(violations.body.error.code).toBe('distribution_unacknowledged');
    const dist = (await call('bkpsdm', 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution`)).body;
    const idk = dist.units.find((u: { unitCode: string }) => u.unitCode === 'DUK-IDK');
    // Rahmat Baik (reviewed); the kasi (no realisasi) and the two without plans: Di Bawah × Sesuai = Butuh Perbaikan.
    expect(idk.counts).toMatchObject({ baik: 1, butuh_perbaikan: 3, sangat_baik: 0, kurang: 0 });
    // A unit rated Kurang must have at least 60% Kurang/Misconduct among its people.
    expect(idk.violations.map((v: { rule: string }) => v.rule)).toEqual(['Kurang/Misconduct ≥ 60%']);
    expect(dist.violations).toBe(1);
    // Names beside the NIPs: the people still unreviewed, with their units.
    expect(idk.unitName).toBe('Seksi Identitas Penduduk');
    expect(dist.unreviewedCount).toBe(demoPeople.length - 1);
    expect(dist.unreviewed).toEqual(
      expect.arrayContaining([
        { nip: FAJAR, name: 'Fajar Ramadhan Lubis', unitCode: 'DUK-IDK', unitName: 'Seksi Identitas Penduduk' },
      ]),
    );
    expect(dist.withoutPredikatCount).toBe(0);
    const done = await finalise({ acceptRecommendations: true, acknowledgement: { reason: 'Dibahas dengan Sekda.' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.period).toMatchObject({
      state: 'finalised',
      finalisation: { acceptedRecommendations: demoPeople.length - 1, acknowledgement: { violations: 1 } },
    });
    const locked = await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/review`, {
      hasilKerja: { rating: 'di_atas' },
      perilaku: { rating: 'di_atas' },
      version: 99,
    });
    expect(locked.body.error.code).toBe('period_finalised_locked');
    const rerun = await call('bkpsdm', 'POST', '/scoring-runs', { periodId: PERIOD, unitCode: 'DUK-IDK' });
    expect(rerun.status).toBe(409);
    // Everyone evaluated hears that their evaluation is final.
    const final = await eventually(async () => {
      const items = (await call('staff', 'GET', '/me/notifications?limit=100')).body.items as {
        type: string;
        link: string;
      }[];
      return items.find((n) => n.type === 'evaluation_finalised');
    });
    expect(final.link).toBe(`/employees/me/evaluations/${PERIOD}`);
  });

  it('ranks the reward list by predikat, then nilai kinerja, and exports it as CSV', async () => {
    const list = await call('kasi', 'GET', `/units/DUK-IDK/rewards/${PERIOD}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { nip: string; predikat: string }) => [r.nip, r.predikat])[0]).toEqual([
      who.staff,
      'baik',
    ]);
    expect(list.body.items.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(list.body.items[0]).toMatchObject({ name: 'Rahmat Hidayat Daulay', unitName: 'Seksi Identitas Penduduk' });
    // Paged as JSON; ranks count over the whole list.
    const first = await call('kasi', 'GET', `/units/DUK-IDK/rewards/${PERIOD}?limit=3`);
    expect(first.body.items.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3]);
    const next = await call('kasi', 'GET', `/units/DUK-IDK/rewards/${PERIOD}?limit=3&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((r: { rank: number }) => r.rank)).toEqual([4]);
    expect(next.body.nextCursor).toBeUndefined();
    // The CSV is the whole list, with the unit's name, as Excel in an Indonesian locale opens it: UTF-8 with a byte
    // order mark, semicolons, decimal commas.
    const csv = await call('kasi', 'GET', `/units/DUK-IDK/rewards/${PERIOD}?format=csv&limit=1`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toContain('Peringkat;NIP;Nama');
    expect(lines[0]).toContain('Unit;Nama Unit');
    expect(lines[1]).toContain(`1;${who.staff};Rahmat Hidayat Daulay`);
    expect(lines[1]).toContain('DUK-IDK;Seksi Identitas Penduduk');
    expect(lines[1]).toMatch(/;\d+,\d\d;/);
    expect(lines).toHaveLength(5);
    const raw = await fetch(`${stack.url}/units/DUK-IDK/rewards/${PERIOD}?format=csv`, {
      headers: { authorization: `Bearer ${t.kasi}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await call('staff', 'GET', `/units/DUK-IDK/rewards/${PERIOD}`)).status).toBe(403);
  });

  it('lets the employee appeal once, decided by the second-level supervisor, with the revision in force', async () => {
    expect(
      (await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/appeal`, { reason: 'x' })).status,
    ).toBe(403);
    const filed = await call('staff', 'POST', `/employees/me/evaluations/${PERIOD}/appeal`, {
      reason: 'Hasil kerja IKI b sudah sesuai standar mutu.',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.appeal).toMatchObject({ state: 'filed' });
    // The reviewer hears of it: the Kabid, second level above Rahmat.
    await eventually(async () => {
      const items = (await call('kabid', 'GET', '/me/notifications?limit=100')).body.items as {
        type: string;
        link: string;
      }[];
      return items.find((n) => n.type === 'appeal_filed' && n.link === `/employees/${who.staff}/evaluations/${PERIOD}`);
    });
    expect(
      (await call('staff', 'POST', `/employees/me/evaluations/${PERIOD}/appeal`, { reason: 'lagi' })).body.error.code,
    ).toBe('appeal_exists');
    // The direct supervisor made the evaluation: the level above decides.
    expect(
      (
        await call('kasi', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/appeal/decision`, {
          outcome: 'upheld',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const missing = await call('kabid', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/appeal/decision`, {
      outcome: 'revised',
      reason: 'Bukti mutu berkas lengkap.',
    });
    expect(missing.body.error.code).toBe('appeal_revision_missing');
    const decided = await call('kabid', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/appeal/decision`, {
      outcome: 'revised',
      reason: 'Bukti mutu berkas lengkap.',
      hasilKerja: 'di_atas',
      perilaku: 'di_atas',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.outcome).toMatchObject({ predikat: 'sangat_baik', source: 'appeal' });
    const told = await eventually(async () => {
      const items = (await call('staff', 'GET', '/me/notifications?limit=100')).body.items as {
        type: string;
        body: string;
      }[];
      return items.find((n) => n.type === 'appeal_decided');
    });
    expect(told.body).toContain('dikabulkan');
    expect(
      (
        await call('kabid', 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/appeal/decision`, {
          outcome: 'upheld',
          reason: 'x',
        })
      ).body.error.code,
    ).toBe('appeal_not_open');
    // Every step is in the employee's audit trail.
    const trail = await eventually(async () => {
      const res = await call('auditor', 'GET', `/employees/${who.staff}/audit`);
      const evaluations = (res.body.items ?? []).filter((a: { entity: string }) => a.entity === 'Evaluation');
      return evaluations.length >= 4 ? evaluations : undefined;
    });
    expect(trail.some((a: { changedFields: string[] }) => a.changedFields.includes('appeal'))).toBe(true);
    expect(trail.some((a: { changedFields: string[] }) => a.changedFields.includes('review'))).toBe(true);
    const token = await tokenFor(stack.issuer, who.staff);
    expect((await stack.call('GET', `/employees/me/evaluations/${PERIOD}`, { token })).body.outcome.predikat).toBe(
      'sangat_baik',
    );
  });
});

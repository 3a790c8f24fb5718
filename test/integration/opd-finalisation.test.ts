/**
 * The OPD as the unit of the distribution check and of finalisation, and people registered after a scoring run:
 * one OPD is finalised while another still waits; a newcomer blocks their OPD's finalisation, is named in the
 * check, and gets an evaluation on the next (daily) run; a newcomer in a finalised OPD is left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, demoUnits } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { scoreDuePeriods } from '../../shared/app/scheduled-scoring.ts';
import { berakhlak, type Rating } from '../../shared/domain/scoring.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, who } from '../support/demo.ts';
import { yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const YEAR = Number(yesterday().slice(0, 4));
const PERIOD = yesterday().slice(0, 7);
const scope = new OrgScope('kota-medan');
const NEWCOMER = { nip: '199803032024031001', name: 'Taufik Hidayat', unitCode: 'DUK-IDK', supervisorNip: who.kasi };
const LATE_IN_BKPSDM = {
  nip: '199901012024032002',
  name: 'Wulan Sari',
  unitCode: 'BKPSDM',
  supervisorNip: who.kepalaBkpsdm,
};

const call = (as: keyof typeof who, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { token: t[as], body });
const periodNow = async () =>
  (await call('bkpsdm', 'GET', `/years/${YEAR}`)).body.periods.find((p: { id: string }) => p.id === PERIOD);
const finalise = async (body: Record<string, unknown>) =>
  call('bkpsdm', 'POST', `/years/${YEAR}/periods/${PERIOD}/finalise`, {
    version: (await periodNow()).version,
    ...body,
  });
const register = (as: keyof typeof who, p: typeof NEWCOMER) =>
  call(as, 'POST', '/employees', { ...p, position: 'Pengadministrasi Umum', employmentType: 'PNS' });
/** The daily schedule, fired on a day no other period of the year is due (so only the scored month is looked at). */
const fireSchedule = () => {
  const now = new Date(`${YEAR}-01-02T01:00:00+07:00`);
  return scoreDuePeriods('kota-medan', now, { actor: 'system:schedule', now: now.toISOString() });
};
/** Behaviour ratings through the repository (demo-month.test.ts plays them through the API). */
async function rated(nips: string[]) {
  const meets = Object.fromEntries(berakhlak.map((v) => [v, 'sesuai'])) as Record<(typeof berakhlak)[number], Rating>;
  const ctx = { actor: 'test', now: new Date().toISOString() };
  for (const nip of nips)
    await new EvaluationRepository(scope).change(
      nip,
      PERIOD,
      undefined,
      () => ({ behaviour: { values: meets, by: 'test', at: ctx.now } }),
      ctx,
    );
}
/** The demo people of an OPD (their unit, or a unit below it). */
const inOpd = (code: string) => {
  const opdOf = (unit: string): string => {
    const parent = demoUnits.find((u) => u.code === unit)?.parentCode;
    return parent ? opdOf(parent) : unit;
  };
  return demoPeople.filter((p) => opdOf(p.unitCode) === code);
};

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  const closed = await call('bkpsdm', 'PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
    version: (await periodNow()).version,
    state: 'closed',
  });
  expect(closed.status).toBe(200);
  const started = await call('bkpsdm', 'POST', '/scoring-runs', { periodId: PERIOD });
  await eventually(
    async () =>
      (await call('bkpsdm', 'GET', `/scoring-runs/${PERIOD}/${started.body.runId}`)).body.state === 'done' || undefined,
    30_000,
  );
  expect((await periodNow()).state).toBe('scored');
});
afterAll(() => stack.stop());

describe('finalisation by OPD', () => {
  it('reports each OPD, and one OPD by itself with ?opd=', async () => {
    const all = (await call('bkpsdm', 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution`)).body;
    expect(all.opd).toBeNull();
    expect(all.opds.map((o: { opdCode: string }) => o.opdCode).sort()).toEqual([
      'BKPSDM',
      'DISDUKCAPIL',
      'INSPEKTORAT',
      'SETDA',
    ]);
    const one = await call('auditor', 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution?opd=BKPSDM`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ opd: 'BKPSDM', evaluations: 2, withoutPredikatCount: 2 });
    expect(one.body.opds).toEqual([expect.objectContaining({ opdCode: 'BKPSDM', state: 'pending', complete: false })]);
    expect(
      (await call('bkpsdm', 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution?opd=DUK-IDK`)).body.error.code,
    ).toBe('finalise_not_opd');
  });

  it("finalises one OPD on its own evaluations, whatever another OPD's state", async () => {
    const incomplete = await finalise({ opd: 'BKPSDM', acceptRecommendations: true });
    expect(incomplete.body.error.code).toBe('evaluations_incomplete');
    expect(incomplete.body.error.details.count).toBe(2);
    await rated(inOpd('BKPSDM').map((p) => p.nip));
    const done = await finalise({ opd: 'BKPSDM', acceptRecommendations: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.period).toMatchObject({ state: 'scored', opds: { BKPSDM: { acceptedRecommendations: 2 } } });
    expect(done.body.report).toMatchObject({ opd: 'BKPSDM', evaluations: 2 });
    // Its people hear it now (their appeal window opens; the admin who finalised is not told); other OPDs' do not.
    const told = async (as: keyof typeof who) =>
      ((await call(as, 'GET', '/me/notifications?limit=100')).body.items as { type: string }[]).some(
        (n) => n.type === 'evaluation_finalised',
      );
    await eventually(async () => (await told('kepalaBkpsdm')) || undefined);
    expect(await told('staff')).toBe(false);
    // A run over a finalised OPD leaves its evaluations as they are.
    const before = await new EvaluationRepository(scope).get(who.bkpsdm, PERIOD);
    const rerun = await call('bkpsdm', 'POST', '/scoring-runs', { periodId: PERIOD, unitCode: 'BKPSDM' });
    await eventually(
      async () =>
        (await call('bkpsdm', 'GET', `/scoring-runs/${PERIOD}/${rerun.body.runId}`)).body.state === 'done' || undefined,
    );
    expect((await new EvaluationRepository(scope).get(who.bkpsdm, PERIOD))?.runId).toBe(before?.runId);
    expect((await call('bkpsdm', 'GET', `/scoring-runs/${PERIOD}/${rerun.body.runId}`)).body.employeesScored).toBe(0);
  });

  it('names someone registered after the run, refuses their OPD until the next run scores them', async () => {
    expect((await register('adminOpd', NEWCOMER)).status).toBe(201);
    const dist = (await call('bkpsdm', 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution?opd=DISDUKCAPIL`)).body;
    expect(dist.unscoredCount).toBe(1);
    expect(dist.unscored).toEqual([
      { nip: NEWCOMER.nip, name: NEWCOMER.name, unitCode: 'DUK-IDK', unitName: 'Seksi Identitas Penduduk' },
    ]);
    expect(dist.opds[0]).toMatchObject({ opdCode: 'DISDUKCAPIL', unscoredCount: 1, complete: false });
    const refused = await finalise({ opd: 'DISDUKCAPIL', acceptRecommendations: true });
    expect(refused.body.error.code).toBe('evaluations_unscored');
    expect(refused.body.error.details.people.map((p: { nip: string }) => p.nip)).toEqual([NEWCOMER.nip]);
    // Nor does finalising every OPD at once let them through.
    expect((await finalise({ acceptRecommendations: true })).body.error.code).toBe('evaluations_unscored');

    // Someone registered in the finalised OPD is not scored into it.
    expect((await register('bkpsdm', LATE_IN_BKPSDM)).status).toBe(201);
    // The daily schedule: one run, over the newcomer's unit only.
    expect(await fireSchedule()).toEqual([PERIOD]);
    const scored = await eventually(async () => {
      const res = await call('kasi', 'GET', `/employees/${NEWCOMER.nip}/evaluations/${PERIOD}`);
      return res.status === 200 ? res.body : undefined;
    }, 20_000);
    const run = await eventually(async () => {
      const res = await call('bkpsdm', 'GET', `/scoring-runs/${PERIOD}/${scored.runId}`);
      return res.body.state === 'done' ? res.body : undefined;
    });
    expect(run).toMatchObject({ unitCode: 'DUK-IDK', startedBy: 'system:schedule' });
    expect((await call('bkpsdm', 'GET', `/employees/${LATE_IN_BKPSDM.nip}/evaluations/${PERIOD}`)).status).toBe(404);
    // Everyone outside the finalised OPDs is scored now: the next day starts nothing.
    expect(await fireSchedule()).toEqual([]);
    const after = (await call('bkpsdm', 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution?opd=DISDUKCAPIL`)).body;
    expect(after.unscoredCount).toBe(0);
    expect(after.withoutPredikat.map((p: { nip: string }) => p.nip)).toContain(NEWCOMER.nip);
  });

  it('finalises the rest together, and the period with them', async () => {
    await rated(
      [...inOpd('DISDUKCAPIL'), ...inOpd('SETDA'), ...inOpd('INSPEKTORAT')].map((p) => p.nip).concat(NEWCOMER.nip),
    );
    const rest = await finalise({ acceptRecommendations: true });
    expect(rest.status, JSON.stringify(rest.body)).toBe(200);
    expect(rest.body.finalisedOpds.sort()).toEqual(['DISDUKCAPIL', 'INSPEKTORAT', 'SETDA']);
    expect(rest.body.period.state).toBe('finalised');
    // BKPSDM kept its own finalisation; the period's sums them.
    expect(rest.body.period.opds.BKPSDM.at < rest.body.period.finalisation.at).toBe(true);
    expect(rest.body.period.finalisation.acceptedRecommendations).toBe(demoPeople.length + 1);
    expect((await finalise({ opd: 'BKPSDM' })).body.error.code).toBe('period_finalised');
  });
});

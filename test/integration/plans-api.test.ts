/**
 * Performance years, rules and plans (SKP) through the HTTP API, walked as each user would: BKPSDM opening the
 * year, heads and staff writing plans top-down, supervisors deciding, an unrelated supervisor and admins refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { dayBefore } from '../../shared/domain/plans.ts';
import { berakhlak } from '../../shared/domain/scoring.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, who } from '../support/demo.ts';
import { ikiOf } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const TODAY = wibDate(new Date());
const Y = Number(TODAY.slice(0, 4)); // the current year: revisions take effect today
const NEXT = Y + 1;
// January gets finalised early in these tests: plans then take effect from February, revisions from today.
const FIRST_DAY = `${Y}-02-01`;
const REVISION_DAY = TODAY > `${Y}-01-31` ? TODAY : FIRST_DAY;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
});
afterAll(() => stack.stop());

const iki = ikiOf;
const rhk = (
  id: string,
  link: { parentRhkId?: string; unitGoal?: string },
  ikis = [iki(`${id}-a`, 60), iki(`${id}-b`, 40)],
) => ({
  id,
  kind: 'utama',
  title: `Hasil kerja ${id}`,
  ...link,
  iki: ikis,
});

const call = (as: keyof typeof who, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { token: t[as], body });
const plan = (nip: string, year = Y) => `/employees/${nip}/plans/${year}`;

/** Writes, submits and has approved a plan, returning the approved version. */
async function approvedPlan(owner: keyof typeof who, approver: keyof typeof who, body: unknown, year = Y) {
  const made = await call(owner, 'POST', plan('me', year), body);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const sub = await call(owner, 'POST', `${plan('me', year)}/submit`, { version: made.body.version });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  const ok = await call(approver, 'POST', `${plan(who[owner], year)}/approve`, { version: sub.body.version });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return ok.body;
}

/** A run over the whole organisation, then everyone's behaviour rated (through the repository: scoring-api covers the HTTP path). */
async function everyoneScoredAndRated(periodId: string) {
  const started = await call('bkpsdm', 'POST', '/scoring-runs', { periodId });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await eventually(
    async () =>
      (await call('bkpsdm', 'GET', `/scoring-runs/${periodId}/${started.body.runId}`)).body.state === 'done' ||
      undefined,
    20_000,
  );
  const repo = new EvaluationRepository(new OrgScope('kota-medan'));
  const meets = Object.fromEntries(berakhlak.map((v) => [v, 'sesuai'])) as Record<(typeof berakhlak)[number], 'sesuai'>;
  const ctx = { actor: 'test', now: new Date().toISOString() };
  for (const { nip } of demoPeople)
    await repo.change(nip, periodId, 0, () => ({ behaviour: { values: meets, by: 'test', at: ctx.now } }), ctx);
}

describe('performance years', () => {
  it('refuses a plan before BKPSDM opens the year', async () => {
    const res = await call('staff', 'POST', plan('me', Y + 2), { rhk: [rhk('r1', { parentRhkId: 'x' })] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('year_not_open');
  });

  it('has the current year open in the demo, monthly, with default rules', async () => {
    const res = await call('staff', 'GET', `/years/${Y}`);
    expect(res.body.periods).toHaveLength(13);
    expect(res.body.periods[0]).toMatchObject({
      id: `${Y}-01`,
      start: `${Y}-01-01`,
      end: `${Y}-01-31`,
      inputDeadline: `${Y}-02-05`,
      state: 'open',
    });
    const rules = await call('staff', 'GET', `/years/${Y}/rules`);
    expect(rules.body.current).toMatchObject({
      rulesVersion: 1,
      capaianCap: 120,
      aboveThreshold: 110,
      meetsThreshold: 90,
      dailyMinuteCap: 450,
    });
  });

  it('lets only BKPSDM open a year, once, with its periods', async () => {
    expect((await call('adminOpd', 'POST', '/years', { year: NEXT, cadence: 'monthly' })).status).toBe(403);
    const q = await call('bkpsdm', 'POST', '/years', { year: NEXT, cadence: 'quarterly' });
    expect(q.status).toBe(201);
    expect(q.body.periods.map((p: { id: string }) => p.id)).toEqual([
      `${NEXT}-Q1`,
      `${NEXT}-Q2`,
      `${NEXT}-Q3`,
      `${NEXT}-Q4`,
      String(NEXT),
    ]);
    expect(q.body.rules.rulesVersion).toBe(1);
    const again = await call('bkpsdm', 'POST', '/years', { year: NEXT, cadence: 'monthly' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('year_exists');
  });

  it('versions the fairness thresholds with the rules: defaults, ranges, and kept when a client does not send them', async () => {
    const base = {
      capaianCap: 120,
      aboveThreshold: 110,
      meetsThreshold: 90,
      dailyMinuteCap: 450,
      appealWindowDays: 14,
      inputDeadlineDay: 5,
    };
    const v1 = (await call('staff', 'GET', `/years/${NEXT}/rules`)).body.current;
    expect(v1).toMatchObject({ rulesVersion: 1, duplicateSimilarityPct: 80, lateSharePct: 60, adoptionMinPct: 70 });
    const v2 = await call('bkpsdm', 'PUT', `/years/${NEXT}/rules`, {
      ...base,
      lateSharePct: 75,
      capStreakDays: 12,
      expectedRulesVersion: 1,
      reason: 'Ambang sinyal terlambat 75 %',
    });
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    expect(v2.body).toMatchObject({ rulesVersion: 2, lateSharePct: 75, capStreakDays: 12, duplicateMinDays: 8 });
    // A client that does not know the thresholds yet keeps them as they are in force.
    const v3 = await call('bkpsdm', 'PUT', `/years/${NEXT}/rules`, { ...base, expectedRulesVersion: 2, reason: 'x' });
    expect(v3.status, JSON.stringify(v3.body)).toBe(200);
    expect(v3.body).toMatchObject({ rulesVersion: 3, lateSharePct: 75, capStreakDays: 12 });
    for (const [field, value] of [
      ['lateSharePct', 0],
      ['lateSharePct', 101],
      ['duplicateSimilarityPct', 49],
      ['bulkSeconds', 1.5],
    ] as const) {
      const bad = await call('bkpsdm', 'PUT', `/years/${NEXT}/rules`, {
        ...base,
        [field]: value,
        expectedRulesVersion: 3,
        reason: 'salah',
      });
      expect(bad.status, `${field} ${value}`).toBe(400);
    }
    const read = await call('staff', 'GET', `/years/${NEXT}/rules`);
    expect(read.body.history.map((r: { lateSharePct: number }) => r.lateSharePct)).toEqual([75, 75, 60]);
  });

  it('moves a period through its states and never out of finalised', async () => {
    const path = `/years/${Y}/periods/${Y}-01`;
    const get = async () =>
      (await call('staff', 'GET', `/years/${Y}`)).body.periods.find((p: { id: string }) => p.id === `${Y}-01`);
    const step = async (state: string) => call('bkpsdm', 'PATCH', path, { version: (await get()).version, state });
    expect((await step('scored')).status).toBe(422); // open → scored skips closing
    expect((await step('closed')).body.state).toBe('closed');
    const scored = await step('scored');
    expect(scored.body).toMatchObject({ state: 'scored', rulesVersion: 1 }); // scoring pins the rules in force
    // Finality only through the finalisation check: everyone active needs an evaluation first.
    expect((await step('finalised')).body.error.code).toBe('period_state_by_workflow');
    const unscored = await call('bkpsdm', 'POST', `${path}/finalise`, { version: (await get()).version });
    expect(unscored.body.error.code).toBe('evaluations_unscored');
    await everyoneScoredAndRated(`${Y}-01`);
    const finalised = await call('bkpsdm', 'POST', `${path}/finalise`, {
      version: (await get()).version,
      acceptRecommendations: true,
    });
    expect(finalised.status, JSON.stringify(finalised.body)).toBe(200);
    expect((await get()).state).toBe('finalised');
    const reopen = await step('open');
    expect(reopen.status).toBe(422);
    expect(reopen.body.error.code).toBe('period_finalised');
    const year = (await call('staff', 'GET', `/years/${Y}`)).body.periods.find(
      (p: { id: string }) => p.id === String(Y),
    );
    const early = await call('bkpsdm', 'PATCH', `/years/${Y}/periods/${Y}`, { version: year.version, state: 'closed' });
    expect(early.status).toBe(200);
    const notYet = await call('bkpsdm', 'PATCH', `/years/${Y}/periods/${Y}`, {
      version: early.body.version,
      state: 'scored',
    });
    expect(notYet.status).toBe(422);
    expect(notYet.body.error.code).toBe('year_periods_not_finalised');
    expect(
      (await call('bkpsdm', 'PATCH', `/years/${Y}/periods/${Y}`, { version: early.body.version, state: 'open' }))
        .status,
    ).toBe(200);
    const stale = await call('bkpsdm', 'PATCH', `/years/${Y}/periods/${Y}-02`, {
      version: 99,
      inputDeadline: `${Y}-03-07`,
    });
    expect(stale.status).toBe(409);
    expect((await call('kadis', 'PATCH', `/years/${Y}/periods/${Y}-02`, { version: 1, state: 'closed' })).status).toBe(
      403,
    );
  });

  it('versions the rules: a new version keeps the old one readable; bad or stale changes are refused', async () => {
    const rules = {
      capaianCap: 120,
      aboveThreshold: 110,
      meetsThreshold: 90,
      dailyMinuteCap: 450,
      appealWindowDays: 14,
      inputDeadlineDay: 7,
    };
    const v2 = await call('bkpsdm', 'PUT', `/years/${Y}/rules`, {
      ...rules,
      expectedRulesVersion: 1,
      reason: 'Batas pengisian tanggal 7',
    });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ rulesVersion: 2, inputDeadlineDay: 7 });
    const stale = await call('bkpsdm', 'PUT', `/years/${Y}/rules`, {
      ...rules,
      expectedRulesVersion: 1,
      reason: 'lagi',
    });
    expect(stale.status).toBe(409);
    const ahead = await call('bkpsdm', 'PUT', `/years/${Y}/rules`, {
      ...rules,
      expectedRulesVersion: 50,
      reason: 'loncat',
    });
    expect(ahead.status).toBe(409);
    expect(ahead.body.error.details.current.rulesVersion).toBe(2);
    const bad = await call('bkpsdm', 'PUT', `/years/${Y}/rules`, {
      ...rules,
      meetsThreshold: 115,
      expectedRulesVersion: 2,
      reason: 'salah',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('thresholds_out_of_order');
    // The finalised period keeps the rules it was scored with.
    const periods = (await call('staff', 'GET', `/years/${Y}`)).body.periods;
    expect(periods.find((p: { id: string }) => p.id === `${Y}-01`)).toMatchObject({
      state: 'finalised',
      rulesVersion: 1,
    });
    expect(periods.find((p: { id: string }) => p.id === `${Y}-03`).rulesVersion).toBeUndefined();
    const read = await call('staff', 'GET', `/years/${Y}/rules`);
    expect(read.body.current.rulesVersion).toBe(2);
    expect(read.body.history.map((r: { rulesVersion: number }) => r.rulesVersion)).toEqual([2, 1]);
  });
});

describe('plans, top-down', () => {
  it('runs the workflow from the head of the OPD down to staff, with each rule violation refused', async () => {
    // The Sekda: no superior in the system → links to unit goals; BKPSDM records the (Wali Kota's) decision.
    const sekdaPlan = await approvedPlan('sekda', 'bkpsdm', {
      rhk: [rhk('sekda-1', { unitGoal: 'Meningkatnya kualitas pelayanan publik' })],
    });
    // January is already finalised: the plan cannot reach back into it and takes effect from February.
    expect(sekdaPlan).toMatchObject({
      state: 'approved',
      planVersion: 1,
      effectiveFrom: FIRST_DAY,
      decidedBy: `nip:${who.bkpsdm}`,
    });
    await approvedPlan('kadis', 'sekda', { rhk: [rhk('kadis-1', { parentRhkId: 'sekda-1' })] });
    await approvedPlan('kabid', 'kadis', { rhk: [rhk('kabid-1', { parentRhkId: 'kadis-1' })] });
    await approvedPlan('kasi', 'kabid', { rhk: [rhk('kasi-1', { parentRhkId: 'kabid-1' })] });

    // Staff: a draft may be incomplete; submitting checks everything.
    const draft = await call('staff', 'POST', plan('me'), {
      rhk: [rhk('s-1', { parentRhkId: 'kabid-1' }, [iki('s-1-a', 50), iki('s-1-b', 40)])],
    });
    expect(draft.status).toBe(201);
    // Only the owner writes, submits and revises.
    expect(
      (
        await call('kasi', 'PUT', plan(who.staff), {
          version: draft.body.version,
          rhk: [rhk('s-1', { parentRhkId: 'kasi-1' })],
        })
      ).status,
    ).toBe(403);
    expect((await call('kasi', 'POST', `${plan(who.staff)}/submit`, { version: draft.body.version })).status).toBe(403);
    const refused = await call('staff', 'POST', `${plan('me')}/submit`, { version: draft.body.version });
    expect(refused.status).toBe(422);
    const unchanged = (await call('staff', 'GET', plan('me'))).body.latest;
    expect(unchanged).toMatchObject({ state: 'draft', version: draft.body.version });
    expect(refused.body.error.details.map((d: { code: string }) => d.code).sort()).toEqual([
      'plan_intervensi_not_supervisors',
      'plan_weights_not_100',
    ]);
    expect(
      refused.body.error.details.find((d: { code: string }) => d.code === 'plan_weights_not_100').message,
    ).toContain('90');

    const fixed = await call('staff', 'PUT', plan('me'), {
      version: draft.body.version,
      rhk: [rhk('s-1', { parentRhkId: 'kasi-1' })],
    });
    expect(fixed.status).toBe(200);
    const submitted = await call('staff', 'POST', `${plan('me')}/submit`, { version: fixed.body.version });
    expect(submitted.body).toMatchObject({ state: 'submitted', supervisorNip: who.kasi });

    // Only the direct supervisor decides.
    for (const as of ['otherKasi', 'kabid', 'adminOpd', 'bkpsdm', 'staff'] as const) {
      const res = await call(as, 'POST', `${plan(who.staff)}/approve`, { version: submitted.body.version });
      expect(res.status, as).toBe(403);
      const ret = await call(as, 'POST', `${plan(who.staff)}/return`, {
        version: submitted.body.version,
        note: 'tidak berhak',
      });
      expect(ret.status, as).toBe(403);
    }

    const team = await call('kasi', 'GET', `/employees/me/team-plans/${Y}`);
    expect(team.body.items[0]).toMatchObject({ nip: who.staff, state: 'submitted', waitingForMe: true });
    expect(team.body.counts).toEqual({ submitted: 1, none: 2 });

    const returned = await call('kasi', 'POST', `${plan(who.staff)}/return`, {
      version: submitted.body.version,
      note: 'Target terlalu rendah',
    });
    expect(returned.body).toMatchObject({ state: 'returned', returnNote: 'Target terlalu rendah' });
    const revised = await call('staff', 'PUT', plan('me'), {
      version: returned.body.version,
      rhk: [rhk('s-1', { parentRhkId: 'kasi-1' }, [iki('s-1-a', 70), iki('s-1-b', 30)])],
    });
    const resubmitted = await call('staff', 'POST', `${plan('me')}/submit`, { version: revised.body.version });
    const approved = await call('kasi', 'POST', `${plan(who.staff)}/approve`, { version: resubmitted.body.version });
    expect(approved.body).toMatchObject({ state: 'approved', effectiveFrom: FIRST_DAY, decidedBy: `nip:${who.kasi}` });
    expect(approved.body.returnNote).toBeUndefined();

    // An approved plan is never edited in place.
    const inPlace = await call('staff', 'PUT', plan('me'), {
      version: approved.body.version,
      rhk: [rhk('s-1', { parentRhkId: 'kasi-1' })],
    });
    expect(inPlace.status).toBe(409);
    expect(inPlace.body.error.code).toBe('plan_state');
  });

  it('revises an approved plan as a new version; the old one stays readable and stops being in force', async () => {
    expect((await call('kasi', 'POST', `${plan(who.staff)}/revisions`, { reason: 'bukan milik saya' })).status).toBe(
      403,
    );
    const revision = await call('staff', 'POST', `${plan('me')}/revisions`, {
      reason: 'Mutasi tugas ke perekaman KIA',
    });
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ planVersion: 2, state: 'draft', reason: 'Mutasi tugas ke perekaman KIA' });
    const during = await call('kasi', 'GET', plan(who.staff));
    expect(during.body.latest.planVersion).toBe(2);
    expect(during.body.inForce.planVersion).toBe(1);

    const edited = await call('staff', 'PUT', plan('me'), {
      version: revision.body.version,
      rhk: [rhk('s-2', { parentRhkId: 'kasi-1' })],
    });
    const sub = await call('staff', 'POST', `${plan('me')}/submit`, { version: edited.body.version });
    const ok = await call('kasi', 'POST', `${plan(who.staff)}/approve`, { version: sub.body.version });
    expect(ok.body).toMatchObject({ planVersion: 2, state: 'approved', effectiveFrom: REVISION_DAY });

    const after = await call('staff', 'GET', plan('me'));
    expect(after.body.inForce.planVersion).toBe(2);
    // A version replaced on its own first day was never in force and keeps no dates.
    const v1 = REVISION_DAY > FIRST_DAY ? { effectiveFrom: FIRST_DAY, effectiveTo: dayBefore(REVISION_DAY) } : {};
    expect(after.body.versions).toEqual([
      { planVersion: 1, state: 'superseded', ...v1 },
      { planVersion: 2, state: 'approved', effectiveFrom: REVISION_DAY, reason: 'Mutasi tugas ke perekaman KIA' },
    ]);
  });

  it('lets an acting supervisor (Plt/Plh) decide on the dates of the assignment only', async () => {
    await approvedPlan('otherKasi', 'kabid', { rhk: [rhk('pindah-1', { parentRhkId: 'kabid-1' })] });
    const made = await call('otherStaff', 'POST', plan('me'), { rhk: [rhk('os-1', { parentRhkId: 'pindah-1' })] });
    const sub = await call('otherStaff', 'POST', `${plan('me')}/submit`, { version: made.body.version });
    expect(sub.body.supervisorNip).toBe(who.otherKasi);
    // The Kabid is two levels up: no decision without an assignment, nor with one that has ended.
    expect((await call('kabid', 'POST', `${plan(who.otherStaff)}/approve`, { version: sub.body.version })).status).toBe(
      403,
    );
    const past = (days: number) => wibDate(new Date(Date.now() - days * 86400_000));
    await call('bkpsdm', 'POST', `/employees/${who.kabid}/acting-assignments`, {
      forNip: who.otherKasi,
      kind: 'PLH',
      startDate: past(20),
      endDate: past(10),
    });
    expect((await call('kabid', 'POST', `${plan(who.otherStaff)}/approve`, { version: sub.body.version })).status).toBe(
      403,
    );
    const appoint = await call('bkpsdm', 'POST', `/employees/${who.kabid}/acting-assignments`, {
      forNip: who.otherKasi,
      kind: 'PLH',
      startDate: TODAY,
      endDate: TODAY,
    });
    expect(appoint.status).toBe(201);
    const queue = await call('kabid', 'GET', `/employees/me/team-plans/${Y}`);
    expect(queue.body.items.find((i: { nip: string }) => i.nip === who.otherStaff)).toMatchObject({
      state: 'submitted',
      waitingForMe: true,
    });
    const ok = await call('kabid', 'POST', `${plan(who.otherStaff)}/approve`, { version: sub.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body.decidedBy).toBe(`nip:${who.kabid}`);
  });

  it("shows the cascade of a unit: which subordinate RHK serve which of their supervisor's", async () => {
    expect((await call('otherStaff', 'GET', `/units/DUK-DAFDUK/cascade/${Y}`)).status).toBe(403); // a bidang above one's seksi
    expect((await call('otherStaff', 'GET', `/units/DUK-PINDAH/cascade/${Y}`)).status).toBe(200); // one's own seksi
    const res = await call('kabid', 'GET', `/units/DUK-DAFDUK/cascade/${Y}`);
    expect(res.status).toBe(200);
    const kabid = res.body.roots.find((r: { rhkId: string }) => r.rhkId === 'kabid-1');
    expect(kabid.nip).toBe(who.kabid);
    expect(kabid.children.map((c: { rhkId: string }) => c.rhkId)).toEqual(['kasi-1', 'pindah-1']);
    expect(kabid.children[0].children.map((c: { rhkId: string; nip: string }) => [c.nip, c.rhkId])).toEqual([
      [who.staff, 's-2'],
    ]);
    expect(kabid.children[1].children.map((c: { rhkId: string; nip: string }) => [c.nip, c.rhkId])).toEqual([
      [who.otherStaff, 'os-1'],
    ]);
  });

  it("copies last year's plan as a draft for the new year, links cleared", async () => {
    const res = await call('staff', 'POST', plan('me', NEXT), { copyFrom: Y });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: NEXT, planVersion: 1, state: 'draft' });
    expect(res.body.rhk.map((r: { id: string; parentRhkId: null }) => [r.id, r.parentRhkId])).toEqual([['s-2', null]]);
    // A draft is its owner's own business: the cascade does not show it.
    expect((await call('kabid', 'GET', `/units/DUK-DAFDUK/cascade/${NEXT}`)).body.roots).toEqual([]);
    const none = await call('adminOpd', 'POST', plan('me', NEXT), { copyFrom: Y });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('copy_source_missing');
  });

  it('gives the loser of two concurrent edits 409 with the current version', async () => {
    const base = (await call('staff', 'GET', plan('me', NEXT))).body.latest;
    const results = await Promise.all(
      ['A', 'B'].map((x) =>
        call('staff', 'PUT', plan('me', NEXT), {
          version: base.version,
          rhk: [rhk(`edit-${x}`, { parentRhkId: 'kasi-1' })],
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.details.current.version).toBe(base.version + 1);
  });

  it.each([
    ['someone else writing my plan', 'kasi', 'POST', () => plan(who.staff, NEXT), { rhk: [rhk('x', {})] }, 403],
    ['a second plan for the same year', 'staff', 'POST', () => plan('me', NEXT), { rhk: [rhk('x', {})] }, 409],
    [
      'rhk and copyFrom together',
      'otherStaff',
      'POST',
      () => plan('me', NEXT),
      { rhk: [rhk('x', {})], copyFrom: Y },
      400,
    ],
    [
      'an inverted range',
      'otherStaff',
      'POST',
      () => plan('me', NEXT),
      { rhk: [rhk('x', {}, [iki('k', 100, { target: { kind: 'range', lo: 9, hi: 3 } })])] },
      422,
    ],
    ['duplicate ids', 'otherStaff', 'POST', () => plan('me', NEXT), { rhk: [rhk('x', {}, [iki('x', 100)])] }, 422],
    ['a weight of 0', 'otherStaff', 'POST', () => plan('me', NEXT), { rhk: [rhk('x', {}, [iki('k', 0)])] }, 400],
    [
      'a single target of 0 (capaian divides by it)',
      'otherStaff',
      'POST',
      () => plan('me', NEXT),
      { rhk: [rhk('x', {}, [iki('k', 100, { target: { kind: 'single', value: 0 } })])] },
      400,
    ],
    [
      'a plan too large to store and audit',
      'otherStaff',
      'POST',
      () => plan('me', NEXT),
      {
        rhk: Array.from({ length: 30 }, (_, i) =>
          rhk(
            `r${i}`,
            {},
            Array.from({ length: 3 }, (_, j) => iki(`r${i}-${j}`, 1, { name: 'é'.repeat(300) })),
          ),
        ),
      },
      422,
    ],
    ["reading an unrelated person's plan", 'otherKasi', 'GET', () => plan(who.staff), undefined, 403],
  ] as const)('refuses %s', async (_n, as, method, path, body, status) => {
    const res = await call(as, method, path(), body);
    expect(res.status).toBe(status);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });

  it('gives a second revision approved the same day the whole day, the first one no dates at all', async () => {
    const before = (await call('kasi', 'GET', plan('me'))).body.latest;
    for (const reason of ['Revisi pertama', 'Revisi kedua']) {
      const draft = await call('kasi', 'POST', `${plan('me')}/revisions`, { reason });
      const sub = await call('kasi', 'POST', `${plan('me')}/submit`, { version: draft.body.version });
      expect((await call('kabid', 'POST', `${plan(who.kasi)}/approve`, { version: sub.body.version })).status).toBe(
        200,
      );
    }
    const versions = (await call('kasi', 'GET', plan('me'))).body.versions;
    expect(versions.slice(-2)).toEqual([
      { planVersion: before.planVersion + 1, state: 'superseded', reason: 'Revisi pertama' },
      { planVersion: before.planVersion + 2, state: 'approved', effectiveFrom: REVISION_DAY, reason: 'Revisi kedua' },
    ]);
  });

  it('lets only one of two simultaneous decisions on a plan land', async () => {
    const made = await call('adminOpd', 'POST', plan('me'), { rhk: [rhk('ao-1', { parentRhkId: 'x' })] });
    expect(made.status).toBe(201);
    // The admin's supervisor (Kasubbag) has no plan in force: submission waits for it, with its own error.
    const early = await call('adminOpd', 'POST', `${plan('me')}/submit`, { version: made.body.version });
    expect(early.body.error.code).toBe('supervisor_plan_not_approved');
    const staffPlan = (await call('otherStaff', 'GET', plan('me'))).body.latest;
    const revision = await call('otherStaff', 'POST', `${plan('me')}/revisions`, { reason: 'Balapan' });
    const sub = await call('otherStaff', 'POST', `${plan('me')}/submit`, { version: revision.body.version });
    expect(staffPlan.state).toBe('approved');
    const [a, b] = await Promise.all([
      call('otherKasi', 'POST', `${plan(who.otherStaff)}/approve`, { version: sub.body.version }),
      call('otherKasi', 'POST', `${plan(who.otherStaff)}/return`, { version: sub.body.version, note: 'Balapan' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it("records every plan change in the owner's audit trail", async () => {
    const trail = await eventually(async () => {
      const res = await call('staff', 'GET', '/employees/me/audit?limit=100');
      const plans = res.body.items.filter((e: { entity: string }) => e.entity === 'Plan');
      return plans.length >= 10 ? plans : undefined;
    });
    const states = trail.map((e: { after?: { state: string } }) => e.after?.state);
    expect(states).toEqual(expect.arrayContaining(['draft', 'submitted', 'returned', 'approved', 'superseded']));
    expect(trail.some((e: { actor: string }) => e.actor === `nip:${who.kasi}`)).toBe(true);
  });
});

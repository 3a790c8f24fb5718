/**
 * Activities in the harder cases: a cap change mid-period, a supervisor change with entries pending, racing and
 * late retries, heads without a supervisor, and who may monitor a unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { demoTokens, tokenFor, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
const PEER = '199204282017032001'; // a colleague of `staff` in the same seksi

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
});
afterAll(() => stack.stop());

const entry = (start: string, end: string, rhk = 'staff-1') => ({
  date: D,
  start,
  end,
  description: 'Uji',
  rhkId: rhk,
  ikiId: `${rhk}-a`,
  outputQuantity: 1,
  outputUnit: 'dokumen',
});
const log = (as: keyof typeof who, body: unknown, headers: Record<string, string> = {}) =>
  stack.call('POST', '/employees/me/activities', { token: t[as], body, headers });
const decide = (as: keyof typeof who, owner: string, a: { id: string; version: number }, decision = 'approve') =>
  stack.call('POST', '/activities/decisions', {
    token: t[as],
    body: { decisions: [{ nip: owner, date: D, id: a.id, version: a.version, decision }] },
  });
const totals = async (nip: string) =>
  (await stack.call('GET', `/employees/${nip}/activity-totals/${PERIOD}`, { token: t.bkpsdm })).body;
const days = async (nip: string) =>
  (await stack.call('GET', `/employees/${nip}/activities?from=${D}&to=${D}`, { token: t.bkpsdm })).body.days;

describe('counted minutes when the daily cap changes mid-period', () => {
  it('keeps the period total equal to the sum of the days, and never below zero', async () => {
    const a = (await log('otherStaff', entry('07:00', '12:00', 'other-1'))).body.activity;
    const b = (await log('otherStaff', entry('12:00', '15:00', 'other-1'))).body.activity;
    const approvedA = (await decide('otherKasi', who.otherStaff, a)).body.results[0].activity;
    await decide('otherKasi', who.otherStaff, b);
    expect((await totals(who.otherStaff)).countedMinutes).toBe(450);

    const rules = (await stack.call('GET', `/years/${YEAR}/rules`, { token: t.bkpsdm })).body.current;
    const { rulesVersion, reason: _r, updatedAt: _u, updatedBy: _b, ...fields } = rules;
    expect(
      (
        await stack.call('PUT', `/years/${YEAR}/rules`, {
          token: t.bkpsdm,
          body: { ...fields, dailyMinuteCap: 480, expectedRulesVersion: rulesVersion, reason: 'Uji' },
        })
      ).status,
    ).toBe(200);
    const c = (await log('otherStaff', entry('15:00', '15:30', 'other-1'))).body.activity;
    await decide('otherKasi', who.otherStaff, c);
    expect((await totals(who.otherStaff)).countedMinutes).toBe(480);
    expect((await days(who.otherStaff))[0].countedMinutes).toBe(480);

    // Reopening everything brings every total back to exactly zero.
    await decide('otherKasi', who.otherStaff, approvedA, 'reopen');
    for (const x of (await stack.call('GET', `/employees/me/activities?from=${D}&to=${D}`, { token: t.otherStaff }))
      .body.items) {
      if (x.status === 'approved') await decide('otherKasi', who.otherStaff, x, 'reopen');
    }
    expect((await totals(who.otherStaff)).countedMinutes).toBe(0);
    expect((await days(who.otherStaff))[0]).toMatchObject({ approvedMinutes: 0, countedMinutes: 0 });
  });
});

describe('a supervisor change with entries pending', () => {
  it("moves the pending entries to the new supervisor's queue and out of the old one", async () => {
    const made = (await log('staff', entry('08:00', '09:00'))).body.activity;
    const inQueue = async (as: keyof typeof who) =>
      (await stack.call('GET', '/employees/me/verification-queue?limit=100', { token: t[as] })).body.items.some(
        (x: { id: string }) => x.id === made.id,
      );
    expect(await inQueue('kasi')).toBe(true);

    const staff = (await stack.call('GET', `/employees/${who.staff}`, { token: t.bkpsdm })).body;
    const moved = await stack.call('PATCH', `/employees/${who.staff}`, {
      token: t.bkpsdm,
      body: { version: staff.version, supervisorNip: who.otherKasi },
    });
    expect(moved.status).toBe(200);
    // At once: the old supervisor no longer sees or decides them.
    expect(await inQueue('kasi')).toBe(false);
    expect((await decide('kasi', who.staff, made)).body.results[0].status).toBe(403);
    // Shortly: the stream consumer has put them in the new supervisor's queue.
    await eventually(() => inQueue('otherKasi'));
    const current = (
      await stack.call('GET', `/employees/me/activities?from=${D}&to=${D}`, { token: t.staff })
    ).body.items.find((x: { id: string }) => x.id === made.id);
    expect(current.supervisorNip).toBe(who.otherKasi);
    expect((await decide('otherKasi', who.staff, current)).body.results[0].status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('answers racing retries with one entry and the same response', async () => {
    const body = entry('10:00', '10:30', 'pindah-1');
    const results = await Promise.all(
      Array.from({ length: 4 }, () => log('otherKasi', body, { 'idempotency-key': 'race-key-0001' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.activity.id)).size).toBe(1);
    const mine = (await stack.call('GET', `/employees/me/activities?from=${D}&to=${D}`, { token: t.otherKasi })).body
      .items;
    expect(mine.filter((x: { start: string }) => x.start === '10:00')).toHaveLength(1);
  });

  it('answers a retry after the entry was deleted with the first response, and creates nothing', async () => {
    const body = entry('11:00', '11:30', 'pindah-1');
    const first = await log('otherKasi', body, { 'idempotency-key': 'late-key-0001' });
    await stack.call(
      'DELETE',
      `/employees/me/activities/${D}/${first.body.activity.id}?version=${first.body.activity.version}`,
      { token: t.otherKasi },
    );
    const again = await log('otherKasi', body, { 'idempotency-key': 'late-key-0001' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const mine = (await stack.call('GET', `/employees/me/activities?from=${D}&to=${D}`, { token: t.otherKasi })).body
      .items;
    expect(mine.some((x: { start: string }) => x.start === '11:00')).toBe(false);
  });
});

describe('heads without a supervisor in the system', () => {
  it("queue for BKPSDM, who records the outside superior's decision (the Sekda's: the Wali Kota's)", async () => {
    const made = (await log('sekda', entry('08:00', '09:00', 'sekda-1'))).body.activity;
    expect(made.supervisorNip).toBeNull();
    const queue = await stack.call('GET', '/employees/me/verification-queue?as=none', { token: t.bkpsdm });
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(made.id);
    expect((await stack.call('GET', '/employees/me/verification-queue?as=none', { token: t.kabid })).status).toBe(403);
    expect((await decide('kadis', who.sekda, made)).body.results[0].status).toBe(403);
    expect((await decide('bkpsdm', who.sekda, made)).body.results[0].status).toBe(200);
  });

  it('refuses an entry when the person has no plan in force', async () => {
    const res = await log('adminOpd', entry('08:00', '09:00', 'x'));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('activity_no_plan');
  });
});

describe('who may monitor a unit', () => {
  it("lets the unit's head and those above see it, not a colleague", async () => {
    expect(
      (await stack.call('GET', `/units/DUK-IDK/activity/${PERIOD}`, { token: await tokenFor(stack.issuer, PEER) }))
        .status,
    ).toBe(403);
    expect((await stack.call('GET', `/units/DUK-IDK/activity/${PERIOD}`, { token: t.kasi })).status).toBe(200);
    expect((await stack.call('GET', `/units/DUK-IDK/activity/${PERIOD}`, { token: t.kabid })).status).toBe(200);
    expect((await stack.call('GET', `/units/DUK-IDK/activity/${PERIOD}`, { token: t.auditor })).status).toBe(200);
  });
});

describe('a closed period', () => {
  it('takes no new entries, and no decisions', async () => {
    const pending = (await log('otherStaff', entry('16:00', '16:30', 'other-1'))).body.activity;
    const period = (await stack.call('GET', `/years/${YEAR}`, { token: t.bkpsdm })).body.periods.find(
      (p: { id: string }) => p.id === PERIOD,
    );
    const closed = await stack.call('PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
      token: t.bkpsdm,
      body: { version: period.version, state: 'closed' },
    });
    expect(closed.status).toBe(200);
    const res = await log('otherStaff', entry('17:00', '17:30', 'other-1'));
    expect(res.body.error.code).toBe('activity_period_closed');
    expect(res.body.error.details).toEqual([
      { field: 'body.date', code: 'activity_period_closed', message: res.body.error.message },
    ]);
    expect((await decide('otherKasi', who.otherStaff, pending)).body.results[0].error.code).toBe(
      'activity_period_closed',
    );
    await stack.call('PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
      token: t.bkpsdm,
      body: { version: closed.body.version, state: 'open' },
    });
  });
});

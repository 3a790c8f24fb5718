/** Daily activities and their verification through the HTTP API, as employees and supervisors use them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { demoTokens, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
const tomorrow = wibDate(new Date(Date.now() + 86_400_000));

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
});
afterAll(() => stack.stop());

const entry = (over: Record<string, unknown> = {}) => ({
  date: D,
  start: '08:00',
  end: '10:00',
  description: 'Perekaman KTP-el di loket 3',
  rhkId: 'staff-1',
  ikiId: 'staff-1-a',
  outputQuantity: 12,
  outputUnit: 'dokumen',
  evidence: ['https://drive.pemkomedan.go.id/bukti/ktp-1.pdf'],
  ...over,
});
const log = (body: unknown, headers: Record<string, string> = {}, as: keyof typeof who = 'staff') =>
  stack.call('POST', '/employees/me/activities', { token: t[as], body, headers });
const decide = (as: keyof typeof who, decisions: unknown[]) =>
  stack.call('POST', '/activities/decisions', { token: t[as], body: { decisions } });
const totals = async () =>
  (await stack.call('GET', `/employees/${who.staff}/activity-totals/${PERIOD}`, { token: t.staff })).body;

describe('logging activities', () => {
  it("logs an entry as pending, in the supervisor's queue, and counts it in the period totals", async () => {
    const res = await log(entry());
    expect(res.status).toBe(201);
    expect(res.body.activity).toMatchObject({
      status: 'pending',
      minutes: 120,
      periodId: PERIOD,
      supervisorNip: who.kasi,
      planVersion: 1,
    });
    expect(res.body.notice).toBeUndefined();
    const queue = await stack.call('GET', '/employees/me/verification-queue', { token: t.kasi });
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(res.body.activity.id);
    expect(await totals()).toMatchObject({ pending: 1, approved: 0, countedMinutes: 0 });
  });

  it.each([
    ['an overlap with another entry', () => entry({ start: '09:30', end: '11:00' }), 422, 'activity_overlap', 'start'],
    ['an end before the start', () => entry({ start: '13:00', end: '12:00' }), 422, 'activity_time_invalid', 'end'],
    ['the future', () => entry({ date: tomorrow }), 422, 'activity_future', 'end'],
    [
      'an IKI not in the plan in force',
      () => entry({ start: '14:00', end: '15:00', ikiId: 'kasi-1-a' }),
      422,
      'activity_iki_not_in_plan',
      'ikiId',
    ],
    ['a year not opened', () => entry({ date: '2019-03-04' }), 422, 'year_not_open', 'date'],
    [
      'an IKI not in the plan at an overlapping time (the plan is checked first)',
      () => entry({ start: '09:30', end: '11:00', ikiId: 'kasi-1-a' }),
      422,
      'activity_iki_not_in_plan',
      'ikiId',
    ],
    [
      'a year not opened for an IKI not in any plan (the date is checked first)',
      () => entry({ date: '2019-03-04', ikiId: 'kasi-1-a' }),
      422,
      'year_not_open',
      'date',
    ],
    ['a malformed time', () => entry({ start: '8:00' }), 400, 'validation_failed', 'start'],
    [
      'evidence that is not a web link',
      () => entry({ start: '14:00', end: '15:00', evidence: ['file:///etc/passwd'] }),
      400,
      'validation_failed',
      'evidence.0',
    ],
  ])('refuses %s and writes nothing, naming the field', async (_n, body, status, code, field) => {
    const before = await totals();
    const res = await log(body());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    // The field the refusal is about, so a form shows the message under it.
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: `body.${field}` }));
    expect(await totals()).toEqual(before);
  });

  it('refuses logging for someone else', async () => {
    const res = await stack.call('POST', `/employees/${who.staff}/activities`, {
      token: t.kasi,
      body: entry({ start: '16:00', end: '17:00' }),
    });
    expect(res.status).toBe(403);
  });

  it('makes retries with an Idempotency-Key safe', async () => {
    const body = entry({ start: '10:00', end: '11:00' });
    const first = await log(body, { 'idempotency-key': 'retry-test-0001' });
    expect(first.status).toBe(201);
    const again = await log(body, { 'idempotency-key': 'retry-test-0001' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.activity.id).toBe(first.body.activity.id);
    const other = await log({ ...body, description: 'Lain' }, { 'idempotency-key': 'retry-test-0001' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect((await totals()).pending).toBe(2);
  });

  it('keeps minutes above the daily cap but says they do not count', async () => {
    // 08:00–11:00 are logged already (180 minutes); 3 more hours make 360, 2 more after that 480.
    expect((await log(entry({ start: '11:00', end: '14:00' }))).body.notice).toBeUndefined();
    const over = await log(entry({ start: '14:00', end: '16:00' }));
    expect(over.status).toBe(201);
    expect(over.body.notice.code).toBe('daily_cap_exceeded');
    expect(over.body.notice.message).toContain('480');
  });

  it('checks an edit by the same rules, in the same order', async () => {
    const made = (await log(entry({ start: '17:00', end: '17:30' }))).body.activity;
    const edit = (body: Record<string, unknown>) =>
      stack.call('PATCH', `/employees/me/activities/${D}/${made.id}`, {
        token: t.staff,
        body: { version: made.version, ...body },
      });
    const before = await totals();
    expect((await edit({ start: '09:30', end: '10:30', ikiId: 'kasi-1-a' })).body.error.code).toBe(
      'activity_iki_not_in_plan',
    );
    expect((await edit({ start: '09:30', end: '10:30' })).body.error.code).toBe('activity_overlap');
    expect((await edit({ date: '2019-03-04', ikiId: 'kasi-1-a' })).body.error.code).toBe('year_not_open');
    expect(await totals()).toEqual(before);
    expect(
      (
        await stack.call('DELETE', `/employees/me/activities/${D}/${made.id}?version=${made.version}`, {
          token: t.staff,
        })
      ).status,
    ).toBe(200);
  });
});

describe('verification', () => {
  it('approves, rejects with a reason, and reopens, moving the running totals with each decision', async () => {
    const list = (await stack.call('GET', `/employees/me/activities?from=${D}&to=${D}`, { token: t.staff })).body.items;
    const [a, b] = list as { id: string; version: number; date: string; outputQuantity: number; minutes: number }[];
    const noReason = await decide('kasi', [
      { nip: who.staff, date: a!.date, id: b!.id, version: b!.version, decision: 'reject' },
    ]);
    expect(noReason.body.results[0].status).toBe(400);

    const res = await decide('kasi', [
      { nip: who.staff, date: D, id: a!.id, version: a!.version, decision: 'approve' },
      {
        nip: who.staff,
        date: D,
        id: b!.id,
        version: b!.version,
        decision: 'reject',
        reason: 'Bukti tidak bisa dibuka',
      },
      { nip: who.staff, date: D, id: 'does-not-exist', version: 1, decision: 'approve' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 404]);
    expect(res.body.results[1].activity).toMatchObject({
      status: 'rejected',
      rejectReason: 'Bukti tidak bisa dibuka',
      verifiedBy: `nip:${who.kasi}`,
    });

    const after = await totals();
    expect(after).toMatchObject({ approved: 1, rejected: 1, countedMinutes: a!.minutes });
    expect(after.iki.find((k: { ikiId: string }) => k.ikiId === 'staff-1-a')).toMatchObject({
      realisasi: a!.outputQuantity,
      approvedCount: 1,
    });

    // Approved entries are no longer the employee's to edit; a rejected one may be fixed and goes back to pending.
    const approved = res.body.results[0].activity;
    expect(
      (
        await stack.call('PATCH', `/employees/me/activities/${D}/${approved.id}`, {
          token: t.staff,
          body: { version: approved.version, end: '10:30' },
        })
      ).status,
    ).toBe(409);
    const rejected = res.body.results[1].activity;
    const fixed = await stack.call('PATCH', `/employees/me/activities/${D}/${rejected.id}`, {
      token: t.staff,
      body: { version: rejected.version, evidence: ['https://drive.pemkomedan.go.id/bukti/ktp-2.pdf'] },
    });
    expect(fixed.body.activity).toMatchObject({ status: 'pending' });
    expect(fixed.body.activity.rejectReason).toBeUndefined();

    const reopened = await decide('kasi', [
      { nip: who.staff, date: D, id: approved.id, version: approved.version, decision: 'reopen' },
    ]);
    expect(reopened.body.results[0].activity.status).toBe('pending');
    expect(await totals()).toMatchObject({ approved: 0, rejected: 0, countedMinutes: 0 });
  });

  it('lets only the direct supervisor decide, and the Plt/Plh of the position on the day', async () => {
    const [a] = (await stack.call('GET', `/employees/me/activities?from=${D}&to=${D}`, { token: t.staff })).body.items;
    for (const as of ['otherKasi', 'kabid', 'staff', 'adminOpd'] as const) {
      const res = await decide(as, [{ nip: who.staff, date: D, id: a.id, version: a.version, decision: 'approve' }]);
      expect(res.body.results[0].status, as).toBe(403);
      // The refusal names the activity it was about (the employee and the date), not a plan.
      expect(res.body.results[0].error.message, as).toContain(`pegawai ${who.staff}`);
      expect(res.body.results[0].error.message, as).toContain(`aktivitasnya tanggal ${D}`);
      expect(res.body.results[0].error.message, as).not.toContain('SKP');
    }
    const today = wibDate(new Date());
    await stack.call('POST', `/employees/${who.otherKasi}/acting-assignments`, {
      token: t.bkpsdm,
      body: { forNip: who.kasi, kind: 'PLH', startDate: today, endDate: today },
    });
    const queue = await stack.call('GET', `/employees/me/verification-queue?as=${who.kasi}`, { token: t.otherKasi });
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
    expect(
      (await stack.call('GET', `/employees/me/verification-queue?as=${who.kadis}`, { token: t.otherKasi })).status,
    ).toBe(403);
    const res = await decide('otherKasi', [
      { nip: who.staff, date: D, id: a.id, version: a.version, decision: 'approve' },
    ]);
    expect(res.body.results[0].status).toBe(200);
  });

  it('serves the queue oldest first, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await stack.call(
        'GET',
        `/employees/me/verification-queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { token: t.kasi },
      );
      seen.push(...page.body.items.map((a: { date: string; start: string }) => `${a.date} ${a.start}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort());
  });

  it('lets the owner delete a pending entry, and records every change in the audit trail', async () => {
    const made = await log(entry({ start: '16:30', end: '17:00' }));
    const before = await totals();
    const del = await stack.call(
      'DELETE',
      `/employees/me/activities/${D}/${made.body.activity.id}?version=${made.body.activity.version}`,
      { token: t.staff },
    );
    expect(del.status).toBe(200);
    expect((await totals()).pending).toBe(before.pending - 1);
    const trail = await eventually(async () => {
      const res = await stack.call('GET', '/employees/me/audit?limit=100', { token: t.staff });
      const acts = res.body.items.filter(
        (e: { entity: string; entityId: string }) => e.entity === 'Activity' && e.entityId === made.body.activity.id,
      );
      return acts.length === 2 ? acts : undefined;
    });
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['deleted', 'created']);
  });

  it('lets a supervisor monitor the team and a unit head the unit, and nobody else', async () => {
    const team = await stack.call('GET', `/employees/me/team-activity/${PERIOD}`, { token: t.kasi });
    expect(team.status).toBe(200);
    const row = team.body.members.find((m: { nip: string }) => m.nip === who.staff);
    const totals = (await stack.call('GET', `/employees/${who.staff}/activity-totals/${PERIOD}`, { token: t.kasi }))
      .body;
    expect(row).toMatchObject({
      pending: totals.pending,
      approved: totals.approved,
      rejected: totals.rejected,
      countedMinutes: totals.countedMinutes,
    });
    // Each IKI of realisasi by its name in the plan in force (as the person's own totals name it), not its id alone.
    const ikiNames = (totals.iki as { ikiId: string; name: string }[]).map((k) => [k.ikiId, k.name]);
    const named = (rows: { ikiId: string; ikiName: string | null }[]) => rows.map((r) => [r.ikiId, r.ikiName]);
    expect(row.realisasi.length).toBeGreaterThan(0);
    expect(ikiNames).toEqual(expect.arrayContaining(named(row.realisasi)));
    const day = row.workingDays.find((d: { date: string }) => d.date === D);
    const dow = new Date(`${D}T00:00:00Z`).getUTCDay();
    if (dow === 0 || dow === 6)
      expect(day).toBeUndefined(); // weekends are not working days
    else expect(day.loggedMinutes).toBeGreaterThan(0);
    // The other two staff of the seksi logged nothing.
    expect(team.body.loggedNothingThisWeek).toEqual(
      expect.arrayContaining(['199204282017032001', '199512032020121002']),
    );

    const unit = await stack.call('GET', `/units/DUK-DAFDUK/activity/${PERIOD}`, { token: t.kabid });
    expect(unit.status).toBe(200);
    expect(unit.body.totals.pending).toBe(
      unit.body.members.reduce((s: number, m: { pending: number }) => s + m.pending, 0),
    );
    expect(unit.body.members.map((m: { nip: string }) => m.nip)).toContain(who.staff);
    const unitRow = unit.body.members.find((m: { nip: string }) => m.nip === who.staff);
    expect(named(unitRow.realisasi)).toEqual(named(row.realisasi));
    expect((await stack.call('GET', `/units/DUK-DAFDUK/activity/${PERIOD}`, { token: t.staff })).status).toBe(403);
    expect(
      (await stack.call('GET', `/employees/${who.kasi}/team-activity/${PERIOD}`, { token: t.otherKasi })).status,
    ).toBe(403);
  });

  it("does not show one person's activities to a colleague", async () => {
    expect(
      (await stack.call('GET', `/employees/${who.staff}/activities?from=${D}&to=${D}`, { token: t.otherStaff })).status,
    ).toBe(403);
  });
});

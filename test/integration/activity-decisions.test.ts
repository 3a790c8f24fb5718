/**
 * Bulk verification through the real local gateway: read in batches, written one transaction per person and day,
 * each decision still answering for itself; and every stale version of an entry answering 409 with the entry as
 * it is now in `details.current`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { httpFunctions } from '../../shared/platform/manifest.ts';
import { documentClient } from '../../shared/store/client.ts';
import { demoTokens, tokenFor, who } from '../support/demo.ts';
import { approvedPlans, ikiOf, yesterday } from '../support/plans.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
let peer: string;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
const PEER = '199204282017032001'; // Nurhayati: the Kepala Seksi's other direct subordinate

/** DynamoDB requests sent by this process (the handlers run in it, as Lambda runs them). */
let requests = 0;

beforeAll(async () => {
  // HTTP functions only: the stream consumers (audit, notifications) would add their own DynamoDB requests to the
  // count below whenever they happen to run; nothing here reads what they write.
  stack = await startTestStack({ functions: httpFunctions() });
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
  peer = await tokenFor(stack.issuer, PEER);
  const made = await stack.call('POST', `/employees/me/plans/${YEAR}`, {
    token: peer,
    body: {
      rhk: [
        {
          id: 'peer-1',
          kind: 'utama',
          title: 'Hasil kerja peer-1',
          parentRhkId: 'kasi-1',
          iki: [ikiOf('peer-1-a', 60), ikiOf('peer-1-b', 40)],
        },
      ],
    },
  });
  const sent = await stack.call('POST', `/employees/me/plans/${YEAR}/submit`, {
    token: peer,
    body: { version: made.body.version },
  });
  expect(
    (
      await stack.call('POST', `/employees/${PEER}/plans/${YEAR}/approve`, {
        token: t.kasi,
        body: { version: sent.body.version },
      })
    ).status,
  ).toBe(200);
  documentClient().middlewareStack.add(
    (next) => async (args) => {
      requests++;
      return next(args);
    },
    { step: 'initialize', name: 'decisionsTestCounter' },
  );
});
afterAll(() => stack.stop());

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
type Entry = { id: string; nip: string; date: string; version: number; outputQuantity: number; status: string };

/** `count` ten-minute entries of `token`'s owner from `fromMinute`, alternating between the plan's two IKI. */
async function logEntries(token: string, rhk: string, count: number, fromMinute: number): Promise<Entry[]> {
  const made: Entry[] = [];
  for (let k = 0; k < count; k++) {
    const res = await stack.call('POST', '/employees/me/activities', {
      token,
      body: {
        date: D,
        start: clock(fromMinute + 10 * k),
        end: clock(fromMinute + 10 * k + 10),
        description: 'Uji verifikasi massal',
        rhkId: rhk,
        ikiId: `${rhk}-${k % 2 ? 'b' : 'a'}`,
        outputQuantity: k + 1,
        outputUnit: 'dokumen',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made.push(res.body.activity);
  }
  return made;
}

const decide = (token: string, decisions: unknown[]) =>
  stack.call('POST', '/activities/decisions', { token, body: { decisions } });
const asDecision = (e: Entry, decision = 'approve', extra: Record<string, unknown> = {}) => ({
  nip: e.nip,
  date: e.date,
  id: e.id,
  version: e.version,
  decision,
  ...extra,
});
const totals = async (nip: string) =>
  (await stack.call('GET', `/employees/${nip}/activity-totals/${PERIOD}`, { token: t.bkpsdm })).body;
const day = async (nip: string) =>
  (await stack.call('GET', `/employees/${nip}/activities?from=${D}&to=${D}`, { token: t.bkpsdm })).body.days[0];

describe('bulk verification', () => {
  it('decides 50 entries of two people in batch reads and one transaction per person and day', async () => {
    const staff = await logEntries(t.staff, 'staff-1', 25, 6 * 60);
    const others = await logEntries(peer, 'peer-1', 25, 6 * 60);
    const rejected = others[3]!;
    const decisions = [...staff, ...others].map((e) =>
      e === rejected ? asDecision(e, 'reject', { reason: 'Bukti tidak terbaca' }) : asDecision(e),
    );

    const before = requests;
    const res = await decide(t.kasi, decisions);
    const used = requests - before;

    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual(decisions.map(() => 200));
    expect(res.body.results.map((r: { id: string }) => r.id)).toEqual(decisions.map((d) => d.id));
    expect(res.body.results[25 + 3].activity).toMatchObject({
      status: 'rejected',
      rejectReason: 'Bukti tidak terbaca',
    });
    // Decided one by one this took over 150 requests (a read, the year and a transaction each). Now: the caller,
    // the owners, the entries with their days (25 keys a batch), the year, and one transaction per person and day.
    expect(used).toBeLessThanOrEqual(10);

    // The running totals moved by exactly the decisions, summed within each transaction.
    const staffTotals = await totals(who.staff);
    expect(staffTotals).toMatchObject({ pending: 0, approved: 25, rejected: 0, countedMinutes: 250 });
    const quantity = (from: Entry[], iki: string) =>
      from
        .filter((e, k) => e !== rejected && k % 2 === (iki.endsWith('b') ? 1 : 0))
        .reduce((s, e) => s + e.outputQuantity, 0);
    expect(staffTotals.iki.find((k: { ikiId: string }) => k.ikiId === 'staff-1-a').realisasi).toBe(
      quantity(staff, 'staff-1-a'),
    );
    expect(staffTotals.iki.find((k: { ikiId: string }) => k.ikiId === 'staff-1-b').realisasi).toBe(
      quantity(staff, 'staff-1-b'),
    );
    const peerTotals = await totals(PEER);
    expect(peerTotals).toMatchObject({ pending: 0, approved: 24, rejected: 1, countedMinutes: 240 });
    expect(peerTotals.iki.find((k: { ikiId: string }) => k.ikiId === 'peer-1-b').realisasi).toBe(
      quantity(others, 'peer-1-b'),
    );
    expect(await day(PEER)).toMatchObject({ loggedMinutes: 240, approvedMinutes: 240, countedMinutes: 240 });

    // Reopening them all (one request) brings the totals back exactly.
    const reopen = await decide(
      t.kasi,
      res.body.results
        .map((r: { activity: Entry }) => r.activity)
        .filter((a: Entry) => a.status === 'approved')
        .map((a: Entry) => asDecision(a, 'reopen')),
    );
    expect(new Set(reopen.body.results.map((r: { status: number }) => r.status))).toEqual(new Set([200]));
    expect(await totals(who.staff)).toMatchObject({ pending: 25, approved: 0, countedMinutes: 0 });
    expect(await day(PEER)).toMatchObject({ loggedMinutes: 240, approvedMinutes: 0, countedMinutes: 0 });
  });

  it('writes 50 decisions of one person and day in two transactions (DynamoDB takes 100 items at most)', async () => {
    const entries = await logEntries(peer, 'peer-1', 50, 10 * 60 + 10);
    const start = await totals(PEER);
    const res = await decide(
      t.kasi,
      entries.map((e) => asDecision(e)),
    );
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual(entries.map(() => 200));
    const end = await totals(PEER);
    expect(end.approved - start.approved).toBe(50);
    expect(end.pending - start.pending).toBe(-50);
    // 500 approved minutes that day, counted up to the daily cap of 450, once across both transactions.
    expect(await day(PEER)).toMatchObject({ approvedMinutes: 500, countedMinutes: 450 });
    expect(end.countedMinutes - start.countedMinutes).toBe(450);
  });

  it('refuses single decisions on their own and writes the rest of the same day', async () => {
    const [a, b, c, d] = await logEntries(t.staff, 'staff-1', 4, 13 * 60);
    const res = await decide(t.kasi, [
      asDecision(a!),
      asDecision(b!, 'reject'), // no reason
      { ...asDecision(c!), version: c!.version + 1 }, // a version nobody read
      asDecision(d!),
      asDecision(a!, 'approve'), // the same entry twice: the second sees the first's result
      { nip: who.otherStaff, date: D, id: a!.id, version: 1, decision: 'approve' }, // not the caller's subordinate
    ]);
    const results = res.body.results;
    expect(results.map((r: { status: number }) => r.status)).toEqual([200, 400, 409, 200, 409, 403]);
    expect(results[2].error.code).toBe('activity_conflict');
    expect(results[2].error.details.current).toMatchObject({ id: c!.id, version: c!.version, status: 'pending' });
    expect(results[4].error.details.current).toMatchObject({ id: a!.id, version: a!.version + 1, status: 'approved' });

    // Approve, then reopen the same entry in one request: the second decision uses the version the first made.
    const twice = await decide(t.kasi, [asDecision(c!), { ...asDecision(c!, 'reopen'), version: c!.version + 1 }]);
    expect(twice.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200]);
    expect(twice.body.results[1].activity).toMatchObject({ status: 'pending', version: c!.version + 2 });
  });

  it('keeps every decision and the totals right when two requests decide the same day at once', async () => {
    const entries = await logEntries(t.staff, 'staff-1', 20, 15 * 60);
    const start = await totals(who.staff);
    const [first, second] = await Promise.all([
      decide(
        t.kasi,
        entries.slice(0, 10).map((e) => asDecision(e)),
      ),
      decide(
        t.kasi,
        entries.slice(10).map((e) => asDecision(e)),
      ),
    ]);
    // Whichever transaction met the other's day version decided its entries again one by one.
    expect([...first.body.results, ...second.body.results].map((r: { status: number }) => r.status)).toEqual(
      entries.map(() => 200),
    );
    const end = await totals(who.staff);
    expect(end.approved - start.approved).toBe(20);
    expect(end.pending - start.pending).toBe(-20);
    expect(end.countedMinutes - start.countedMinutes).toBe(200);
  });
});

describe('a stale version answers 409 with the entry as it is now', () => {
  it('for an edit, a delete and a decision', async () => {
    const [entry] = await logEntries(t.staff, 'staff-1', 1, 19 * 60);
    const path = `/employees/me/activities/${D}/${entry!.id}`;
    const edited = await stack.call('PATCH', path, {
      token: t.staff,
      body: { version: entry!.version, description: 'Diubah sekali' },
    });
    expect(edited.status).toBe(200);

    const stale = await stack.call('PATCH', path, {
      token: t.staff,
      body: { version: entry!.version, description: 'Diubah dari salinan lama' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('activity_conflict');
    expect(stale.body.error.details.current).toMatchObject({
      id: entry!.id,
      version: entry!.version + 1,
      description: 'Diubah sekali',
    });

    const staleDelete = await stack.call('DELETE', `${path}?version=${entry!.version}`, { token: t.staff });
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body.error.details.current.version).toBe(entry!.version + 1);

    const staleDecision = await decide(t.kasi, [asDecision(entry!)]);
    expect(staleDecision.body.results[0]).toMatchObject({ status: 409, error: { code: 'activity_conflict' } });
    expect(staleDecision.body.results[0].error.details.current.description).toBe('Diubah sekali');
  });
});

describe('a change that races another answers 409 with the record as it is now', () => {
  it('for two first saves of a holiday calendar, and two new rules versions, at the same moment', async () => {
    const days = (name: string) => [{ date: '2028-01-01', name, kind: 'libur_nasional' }];
    const calendars = await Promise.all(
      ['Tahun Baru A', 'Tahun Baru B'].map((name) =>
        stack.call('PUT', '/holidays/2028', {
          token: t.bkpsdm,
          body: { days: days(name), reason: name, expectedVersion: 0 },
        }),
      ),
    );
    const savedCalendar = calendars.find((r) => r.status === 200)!;
    const lostCalendar = calendars.find((r) => r.status === 409)!;
    expect(lostCalendar.body.error.details.current).toEqual(savedCalendar.body);

    const {
      rulesVersion,
      reason: _r,
      updatedAt: _u,
      updatedBy: _b,
      ...fields
    } = (await stack.call('GET', `/years/${YEAR}/rules`, { token: t.bkpsdm })).body.current;
    const rules = await Promise.all(
      ['Uji A', 'Uji B'].map((reason) =>
        stack.call('PUT', `/years/${YEAR}/rules`, {
          token: t.bkpsdm,
          body: { ...fields, expectedRulesVersion: rulesVersion, reason },
        }),
      ),
    );
    expect(rules.map((r) => r.status).sort()).toEqual([200, 409]);
    const lostRules = rules.find((r) => r.status === 409)!;
    expect(lostRules.body.error.details.current).toMatchObject({ rulesVersion: rulesVersion + 1 });
  });
});

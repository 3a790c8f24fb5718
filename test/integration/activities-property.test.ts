/**
 * Property: whatever sequence of create / edit / delete / approve / reject / reopen random actors send, the rules
 * hold (no overlaps, only the direct supervisor decides), nobody sees another person's entries, and the running
 * totals equal a recount from the activities themselves.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { tokenFor, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
const D = yesterday();
const PERIOD = D.slice(0, 7);
// Two days when the day before yesterday is still in the same period (and so before its deadline), else one.
const before = new Date(`${D}T00:00:00Z`);
before.setUTCDate(before.getUTCDate() - 1);
const DAYS = before.toISOString().slice(0, 7) === PERIOD ? [D, before.toISOString().slice(0, 10)] : [D];
const FROM = DAYS.at(-1)!;
const owners: Record<string, { supervisor: string; rhk: string }> = {
  [who.staff]: { supervisor: who.kasi, rhk: 'staff-1' },
  [who.otherStaff]: { supervisor: who.otherKasi, rhk: 'other-1' },
};
const ownerOf = (nip: string) => owners[nip]!;
const actors = [who.staff, who.otherStaff, who.kasi, who.otherKasi, who.kabid];
const tokens = new Map<string, string>();
const CAP = 450;

beforeAll(async () => {
  stack = await startTestStack({ pollMs: 1000 });
  await seedDemo();
  for (const nip of actors) tokens.set(nip, await tokenFor(stack.issuer, nip));
  await approvedPlans(stack, Number(D.slice(0, 4)));
});
afterAll(() => stack.stop());

type Entry = {
  id: string;
  version: number;
  date: string;
  start: string;
  end: string;
  minutes: number;
  status: string;
  ikiId: string;
  outputQuantity: number;
  nip: string;
};

const hhmm = (halfHours: number) =>
  `${String(6 + Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;
const call = (as: string, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { token: tokens.get(as), body });
const entriesOf = async (nip: string): Promise<Entry[]> =>
  (await call(nip, 'GET', `/employees/me/activities?from=${FROM}&to=${D}`)).body.items;

const command = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    owner: fc.constantFrom(...Object.keys(owners)),
    day: fc.constantFrom(...DAYS),
    slot: fc.integer({ min: 0, max: 28 }),
    length: fc.integer({ min: 1, max: 8 }),
    iki: fc.constantFrom('a', 'b'),
    qty: fc.integer({ min: 0, max: 50 }),
  }),
  // Edits may move an entry to the other day, the other IKI, another quantity.
  fc.record({
    kind: fc.constant('edit' as const),
    owner: fc.constantFrom(...Object.keys(owners)),
    pick: fc.nat(),
    day: fc.constantFrom(...DAYS),
    slot: fc.integer({ min: 0, max: 28 }),
    length: fc.integer({ min: 1, max: 8 }),
    iki: fc.constantFrom('a', 'b'),
    qty: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), owner: fc.constantFrom(...Object.keys(owners)), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('decide' as const),
    actor: fc.constantFrom(...actors),
    owner: fc.constantFrom(...Object.keys(owners)),
    pick: fc.nat(),
    decision: fc.constantFrom('approve' as const, 'reject' as const, 'reopen' as const),
  }),
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

async function run(cmd: Command): Promise<void> {
  const entries = await entriesOf(cmd.owner);
  const picked: Entry | undefined = 'pick' in cmd && entries.length ? entries[cmd.pick % entries.length] : undefined;
  if (cmd.kind === 'create') {
    const res = await call(cmd.owner, 'POST', '/employees/me/activities', {
      date: cmd.day,
      start: hhmm(cmd.slot),
      end: hhmm(cmd.slot + cmd.length),
      description: 'Uji acak',
      rhkId: ownerOf(cmd.owner).rhk,
      ikiId: `${ownerOf(cmd.owner).rhk}-${cmd.iki}`,
      outputQuantity: cmd.qty,
      outputUnit: 'dokumen',
    });
    expect([201, 422], JSON.stringify(res.body)).toContain(res.status);
    if (res.status === 422) expect(res.body.error.code).toBe('activity_overlap');
  } else if (cmd.kind === 'edit' && picked) {
    const res = await call(cmd.owner, 'PATCH', `/employees/me/activities/${picked.date}/${picked.id}`, {
      version: picked.version,
      date: cmd.day,
      start: hhmm(cmd.slot),
      end: hhmm(cmd.slot + cmd.length),
      ikiId: `${ownerOf(cmd.owner).rhk}-${cmd.iki}`,
      outputQuantity: cmd.qty,
    });
    if (picked.status === 'approved') expect(res.status).toBe(409);
    else expect([200, 422], JSON.stringify(res.body)).toContain(res.status);
  } else if (cmd.kind === 'delete' && picked) {
    const res = await call(
      cmd.owner,
      'DELETE',
      `/employees/me/activities/${picked.date}/${picked.id}?version=${picked.version}`,
    );
    expect(res.status).toBe(picked.status === 'approved' ? 409 : 200);
  } else if (cmd.kind === 'decide' && picked) {
    const res = await call(cmd.actor, 'POST', '/activities/decisions', {
      decisions: [
        {
          nip: cmd.owner,
          date: picked.date,
          id: picked.id,
          version: picked.version,
          decision: cmd.decision,
          ...(cmd.decision === 'reject' ? { reason: 'Acak' } : {}),
        },
      ],
    });
    const result = res.body.results[0];
    const allowedFrom = cmd.decision === 'reopen' ? 'approved' : 'pending';
    if (cmd.actor !== ownerOf(cmd.owner).supervisor) expect(result.status).toBe(403);
    else expect(result.status).toBe(picked.status === allowedFrom ? 200 : 409);
  }
}

/** Every invariant, checked from the outside. */
async function invariantsHold(): Promise<void> {
  for (const [nip, { supervisor }] of Object.entries(owners)) {
    const entries = await entriesOf(nip);
    // No two entries of a day that count (not rejected) overlap.
    const live = entries
      .filter((e) => e.status !== 'rejected')
      .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
    for (let i = 1; i < live.length; i++) {
      if (live[i - 1]!.date === live[i]!.date)
        expect(live[i - 1]!.end <= live[i]!.start, `${live[i - 1]!.end} > ${live[i]!.start}`).toBe(true);
    }
    // Totals equal a recount.
    const totals = (await call(nip, 'GET', `/employees/me/activity-totals/${PERIOD}`)).body;
    const approved = entries.filter((e) => e.status === 'approved');
    expect({ pending: totals.pending, approved: totals.approved, rejected: totals.rejected }).toEqual({
      pending: entries.filter((e) => e.status === 'pending').length,
      approved: approved.length,
      rejected: entries.filter((e) => e.status === 'rejected').length,
    });
    // Counted minutes: per day, approved minutes up to the cap; the period is their sum.
    const perDay = (list: Entry[], day: string) =>
      list.filter((e) => e.date === day).reduce((s, e) => s + e.minutes, 0);
    expect(totals.countedMinutes).toBe(DAYS.reduce((s, day) => s + Math.min(perDay(approved, day), CAP), 0));
    for (const k of totals.iki) {
      const mine = approved.filter((e) => e.ikiId === k.ikiId);
      expect([k.ikiId, k.realisasi, k.approvedCount]).toEqual([
        k.ikiId,
        mine.reduce((s, e) => s + e.outputQuantity, 0),
        mine.length,
      ]);
    }
    const days = (await call(nip, 'GET', `/employees/me/activities?from=${FROM}&to=${D}`)).body.days as {
      date: string;
      loggedMinutes: number;
      approvedMinutes: number;
      countedMinutes: number;
    }[];
    for (const day of DAYS) {
      const stored = days.find((x) => x.date === day) ?? { loggedMinutes: 0, approvedMinutes: 0, countedMinutes: 0 };
      expect([day, stored.loggedMinutes, stored.approvedMinutes, stored.countedMinutes]).toEqual([
        day,
        perDay(live, day),
        perDay(approved, day),
        Math.min(perDay(approved, day), CAP),
      ]);
    }
    // Nobody else sees them: not the other owner, not the other supervisor's queue.
    const other = Object.keys(owners).find((n) => n !== nip)!;
    expect((await call(other, 'GET', `/employees/${nip}/activities?from=${FROM}&to=${D}`)).status).toBe(403);
    const otherSupervisor = ownerOf(other).supervisor;
    const queue = (await call(otherSupervisor, 'GET', '/employees/me/verification-queue?limit=100')).body.items;
    expect(queue.every((a: Entry) => a.nip !== nip)).toBe(true);
    expect(supervisor).not.toBe(otherSupervisor);
  }
}

describe('activities under random operations', () => {
  it('keep the rules, the privacy and exact totals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        for (const cmd of commands) await run(cmd);
        await invariantsHold();
      }),
      { numRuns: 15, seed: Number(process.env.FC_SEED ?? Date.now() % 100_000), verbose: true },
    );
  }, 240_000);
});

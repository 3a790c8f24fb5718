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
import { type TestStack, startTestStack } from '../support/stack.ts';

let stack: TestStack;
const D = yesterday();
const PERIOD = D.slice(0, 7);
const owners: Record<string, { supervisor: string; rhk: string }> = { [who.staff]: { supervisor: who.kasi, rhk: 'staff-1' }, [who.otherStaff]: { supervisor: who.otherKasi, rhk: 'other-1' } };
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

type Entry = { id: string; version: number; date: string; start: string; end: string; minutes: number; status: string; ikiId: string; outputQuantity: number; nip: string };

const hhmm = (halfHours: number) => `${String(6 + Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;
const call = (as: string, method: string, path: string, body?: unknown) => stack.call(method, path, { token: tokens.get(as), body });
const entriesOf = async (nip: string): Promise<Entry[]> => (await call(nip, 'GET', `/employees/me/activities?from=${D}&to=${D}`)).body.items;

const command = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), owner: fc.constantFrom(...Object.keys(owners)), slot: fc.integer({ min: 0, max: 28 }), length: fc.integer({ min: 1, max: 8 }), iki: fc.constantFrom('a', 'b'), qty: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant('edit' as const), owner: fc.constantFrom(...Object.keys(owners)), pick: fc.nat(), slot: fc.integer({ min: 0, max: 28 }), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), owner: fc.constantFrom(...Object.keys(owners)), pick: fc.nat() }),
  fc.record({ kind: fc.constant('decide' as const), actor: fc.constantFrom(...actors), owner: fc.constantFrom(...Object.keys(owners)), pick: fc.nat(), decision: fc.constantFrom('approve' as const, 'reject' as const, 'reopen' as const) }),
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

async function run(cmd: Command): Promise<void> {
  const entries = await entriesOf(cmd.owner);
  const picked: Entry | undefined = 'pick' in cmd && entries.length ? entries[cmd.pick % entries.length] : undefined;
  if (cmd.kind === 'create') {
    const res = await call(cmd.owner, 'POST', '/employees/me/activities', {
      date: D, start: hhmm(cmd.slot), end: hhmm(cmd.slot + cmd.length), description: 'Uji acak', rhkId: ownerOf(cmd.owner).rhk,
      ikiId: `${ownerOf(cmd.owner).rhk}-${cmd.iki}`, outputQuantity: cmd.qty, outputUnit: 'dokumen',
    });
    expect([201, 422], JSON.stringify(res.body)).toContain(res.status);
    if (res.status === 422) expect(res.body.error.code).toBe('activity_overlap');
  } else if (cmd.kind === 'edit' && picked) {
    const res = await call(cmd.owner, 'PATCH', `/employees/me/activities/${D}/${picked.id}`, { version: picked.version, start: hhmm(cmd.slot), end: hhmm(cmd.slot + cmd.length) });
    if (picked.status === 'approved') expect(res.status).toBe(409);
    else expect([200, 422], JSON.stringify(res.body)).toContain(res.status);
  } else if (cmd.kind === 'delete' && picked) {
    const res = await call(cmd.owner, 'DELETE', `/employees/me/activities/${D}/${picked.id}?version=${picked.version}`);
    expect(res.status).toBe(picked.status === 'approved' ? 409 : 200);
  } else if (cmd.kind === 'decide' && picked) {
    const res = await call(cmd.actor, 'POST', '/activities/decisions', {
      decisions: [{ nip: cmd.owner, date: D, id: picked.id, version: picked.version, decision: cmd.decision, ...(cmd.decision === 'reject' ? { reason: 'Acak' } : {}) }],
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
    // No two entries that count (not rejected) overlap.
    const live = entries.filter((e) => e.status !== 'rejected').sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < live.length; i++) expect(live[i - 1]!.end <= live[i]!.start, `${live[i - 1]!.end} > ${live[i]!.start}`).toBe(true);
    // Totals equal a recount.
    const totals = (await call(nip, 'GET', `/employees/me/activity-totals/${PERIOD}`)).body;
    const approved = entries.filter((e) => e.status === 'approved');
    expect({ pending: totals.pending, approved: totals.approved, rejected: totals.rejected }).toEqual({
      pending: entries.filter((e) => e.status === 'pending').length,
      approved: approved.length,
      rejected: entries.filter((e) => e.status === 'rejected').length,
    });
    const approvedMinutes = approved.reduce((s, e) => s + e.minutes, 0);
    expect(totals.countedMinutes).toBe(Math.min(approvedMinutes, CAP));
    for (const k of totals.iki) {
      const mine = approved.filter((e) => e.ikiId === k.ikiId);
      expect([k.ikiId, k.realisasi, k.approvedCount]).toEqual([k.ikiId, mine.reduce((s, e) => s + e.outputQuantity, 0), mine.length]);
    }
    const day = (await call(nip, 'GET', `/employees/me/activities?from=${D}&to=${D}`)).body.days[0] ?? { loggedMinutes: 0, approvedMinutes: 0 };
    expect([day.loggedMinutes, day.approvedMinutes]).toEqual([live.reduce((s, e) => s + e.minutes, 0), approvedMinutes]);
    // Nobody else sees them: not the other owner, not the other supervisor's queue.
    const other = Object.keys(owners).find((n) => n !== nip)!;
    expect((await call(other, 'GET', `/employees/${nip}/activities?from=${D}&to=${D}`)).status).toBe(403);
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

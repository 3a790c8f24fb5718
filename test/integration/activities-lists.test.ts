/**
 * The activity lists as a screen meets them: a person's entries paged in time order, the verification queue with
 * the names and the version a decision needs, and a unit's monitoring paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { demoTokens, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const PERIOD = D.slice(0, 7);
const ENTRIES = 130;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, Number(D.slice(0, 4)));
  // 130 entries of four minutes from 06:00, logged out of time order.
  const slots = Array.from({ length: ENTRIES }, (_, i) => (i * 37) % ENTRIES);
  for (const slot of slots) {
    const res = await stack.call('POST', '/employees/me/activities', {
      token: t.staff,
      body: {
        date: D,
        start: hhmm(360 + 4 * slot),
        end: hhmm(364 + 4 * slot),
        description: `Perekaman KTP-el ke-${slot}`,
        rhkId: 'staff-1',
        ikiId: 'staff-1-a',
        outputQuantity: 1,
        outputUnit: 'dokumen',
      },
    });
    expect(res.status).toBe(201);
  }
}, 120_000);
afterAll(() => stack.stop());

type Entry = { id: string; date: string; start: string; nip: string; version: number };
const list = (query: string, token = t.staff) =>
  stack.call('GET', `/employees/${who.staff}/activities?from=${D}&to=${D}${query}`, { token });

describe('a person’s activities, paged', () => {
  it('serves every entry once, in time order, through the cursor; the days come with the first page', async () => {
    const pages: { items: Entry[]; nextCursor?: string; days?: unknown[]; dailyMinuteCap?: number }[] = [];
    let cursor: string | undefined;
    do {
      const res = await list(`&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.items.length)).toEqual([100, ENTRIES - 100]);
    const starts = pages.flatMap((p) => p.items.map((a) => a.start));
    expect(starts).toEqual(Array.from({ length: ENTRIES }, (_, i) => hhmm(360 + 4 * i)));
    expect(new Set(pages.flatMap((p) => p.items.map((a) => a.id))).size).toBe(ENTRIES);
    expect(pages[0]!.days).toEqual([{ date: D, loggedMinutes: 4 * ENTRIES, approvedMinutes: 0, countedMinutes: 0 }]);
    expect(pages[0]!.dailyMinuteCap).toBeGreaterThan(0);
    expect(pages[1]).not.toHaveProperty('days');
  });

  it('pages by 25 unless told, and keeps the time order across small pages', async () => {
    const first = await list('');
    expect(first.body.items).toHaveLength(25);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await list(`&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.body.items.map((a: Entry) => a.start));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(ENTRIES);
    expect(seen).toEqual([...seen].sort());
  });

  it('refuses a limit out of 1–100 and a cursor it did not make, or made for another range', async () => {
    expect((await list('&limit=0')).status).toBe(400);
    expect((await list('&limit=101')).status).toBe(400);
    const garbage = await list('&cursor=not-a-cursor');
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe('invalid_cursor');
    const { nextCursor } = (await list('&limit=5')).body;
    const elsewhere = await stack.call(
      'GET',
      `/employees/${who.staff}/activities?from=2020-01-01&to=2020-01-31&cursor=${encodeURIComponent(nextCursor)}`,
      { token: t.staff },
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('invalid_cursor');
  });
});

describe('the verification queue', () => {
  it('names the owner, the RHK and the indicator, and gives the version a decision sends back', async () => {
    const owner = (await stack.call('GET', `/employees/${who.staff}`, { token: t.kasi })).body;
    const page = await stack.call('GET', '/employees/me/verification-queue?limit=100', { token: t.kasi });
    expect(page.status).toBe(200);
    const mine = page.body.items.filter((a: Entry) => a.nip === who.staff);
    expect(mine).toHaveLength(100);
    for (const a of mine)
      expect(a).toMatchObject({
        name: owner.name,
        rhkName: 'Hasil kerja staff-1',
        ikiName: 'Indikator staff-1-a',
        version: 1,
      });
    // What the queue gives is enough to decide: no other read.
    const [first] = mine as Entry[];
    const decided = await stack.call('POST', '/activities/decisions', {
      token: t.kasi,
      body: {
        decisions: [
          { nip: first!.nip, date: first!.date, id: first!.id, version: first!.version, decision: 'approve' },
        ],
      },
    });
    expect(decided.body.results[0]).toMatchObject({ status: 200, activity: { status: 'approved', version: 2 } });
  });
});

describe("a unit's monitoring, paged", () => {
  it('serves every member once by NIP, with the whole subtree’s totals on each page', async () => {
    const pages: { members: { nip: string; name: string; pending: number }[]; totals: unknown; nextCursor?: string }[] =
      [];
    let cursor: string | undefined;
    do {
      const res = await stack.call(
        'GET',
        `/units/DUK-DAFDUK/activity/${PERIOD}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: t.kabid },
      );
      expect(res.status).toBe(200);
      expect(res.body.members.length).toBeLessThanOrEqual(2);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages.length).toBeGreaterThan(1);
    const members = pages.flatMap((p) => p.members);
    const nips = members.map((m) => m.nip);
    expect(nips).toEqual([...new Set(nips)].sort());
    expect(nips).toContain(who.staff);
    for (const m of members) expect(m.name).toEqual(expect.any(String));
    for (const p of pages) expect(p.totals).toEqual(pages[0]!.totals);
    expect((pages[0]!.totals as { pending: number }).pending).toBe(members.reduce((s, m) => s + m.pending, 0));

    const bad = await stack.call('GET', `/units/DUK-DAFDUK/activity/${PERIOD}?cursor=zzz`, { token: t.kabid });
    expect(bad.status).toBe(400);
  });
});

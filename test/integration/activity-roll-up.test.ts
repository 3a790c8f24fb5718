/**
 * A period's progress as the employee reads it (the period's target beside realisasi, capaian so far, its level, as
 * scoring would compute them), and a unit's activity roll-up with a row per child unit.
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

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  // Every IKI of these plans: kuantitas, a yearly target of 100, higher is better.
  await approvedPlans(stack, Number(D.slice(0, 4)));
  const logged = await stack.call('POST', '/employees/me/activities', {
    token: t.staff,
    body: {
      date: D,
      start: '08:00',
      end: '10:00',
      description: 'Perekaman KTP-el di loket 3',
      rhkId: 'staff-1',
      ikiId: 'staff-1-a',
      outputQuantity: 12,
      outputUnit: 'dokumen',
      evidence: ['https://drive.pemkomedan.go.id/bukti/ktp-1.pdf'],
    },
  });
  expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  const { id, version } = logged.body.activity;
  const decided = await stack.call('POST', '/activities/decisions', {
    token: t.kasi,
    body: { decisions: [{ nip: who.staff, date: D, id, version, decision: 'approve' }] },
  });
  expect(decided.body.results[0].status).toBe(200);
});
afterAll(() => stack.stop());

describe("a period's progress per IKI", () => {
  it('shows the period’s part of the yearly target beside realisasi, with capaian and level as scoring computes them', async () => {
    const res = await stack.call('GET', `/employees/me/activity-totals/${PERIOD}`, { token: t.staff });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.iki.map((k: { ikiId: string }) => [k.ikiId, k]));
    // A month carries 1/12 of the yearly 100: 8.33; 12 approved → 12 / (100/12) × 100 = 144, above expectation.
    expect(byId['staff-1-a']).toMatchObject({
      target: { kind: 'single', value: 100 },
      months: 1,
      periodTarget: { kind: 'single', value: 8.33 },
      realisasi: 12,
      capaian: 144,
      level: 'above',
    });
    // Nothing approved yet: no capaian, and scoring would count it as 0 (below).
    expect(byId['staff-1-b']).toMatchObject({ realisasi: 0, months: 1, capaian: null, level: 'below' });
  });

  it('gives the same figures to the supervisor reading them', async () => {
    const mine = (await stack.call('GET', `/employees/me/activity-totals/${PERIOD}`, { token: t.staff })).body;
    const theirs = (await stack.call('GET', `/employees/${who.staff}/activity-totals/${PERIOD}`, { token: t.kasi }))
      .body;
    expect(theirs.iki).toEqual(mine.iki);
  });
});

describe("a unit's activity roll-up", () => {
  type Row = { unitCode: string; members: number; approved: number; pending: number; countedMinutes: number };
  const sum = (rows: Row[], k: keyof Omit<Row, 'unitCode'>) => rows.reduce((s, r) => s + r[k], 0);

  it('shows the Kepala Dinas a row per bidang, adding up to the OPD', async () => {
    const res = await stack.call('GET', `/units/DISDUKCAPIL/activity/${PERIOD}?limit=1`, { token: t.kadis });
    expect(res.status).toBe(200);
    const { totals, children } = res.body as { totals: Row; children: (Row & { kind: string; name: string })[] };
    expect(children.map((c) => c.unitCode)).toEqual(['DUK-CAPIL', 'DUK-DAFDUK', 'DUK-PIAK', 'DUK-SEKRET']);
    expect(children.every((c) => c.kind === 'bidang')).toBe(true);
    const dafduk = children.find((c) => c.unitCode === 'DUK-DAFDUK')!;
    expect(dafduk).toMatchObject({ name: 'Bidang Pelayanan Pendaftaran Penduduk', approved: 1, countedMinutes: 120 });
    // The Kepala Dinas is the OPD's own member; everyone else is under a bidang. The page has one row, the
    // roll-up all of them.
    expect(totals.members).toBe(sum(children, 'members') + 1);
    expect(totals.approved).toBe(sum(children, 'approved'));
    expect(totals.countedMinutes).toBe(120);
    expect(res.body.members).toHaveLength(1);
  });

  it('shows the Kepala Bidang each seksi, and a seksi no children', async () => {
    const bidang = (await stack.call('GET', `/units/DUK-DAFDUK/activity/${PERIOD}`, { token: t.kabid })).body;
    expect(bidang.children.map((c: Row) => [c.unitCode, c.approved])).toEqual([
      ['DUK-IDK', 1],
      ['DUK-PINDAH', 0],
    ]);
    expect(bidang.totals.members).toBe(bidang.members.length);
    const seksi = (await stack.call('GET', `/units/DUK-IDK/activity/${PERIOD}`, { token: t.kasi })).body;
    expect(seksi.children).toEqual([]);
    expect(seksi.totals).toMatchObject({ approved: 1, members: seksi.members.length });
  });
});

describe('adoption and the verification backlog', () => {
  it('counts who logged, and names each verifier with entries waiting and since when', async () => {
    const pending = await stack.call('POST', '/employees/me/activities', {
      token: t.staff,
      body: {
        date: D,
        start: '13:00',
        end: '14:00',
        description: 'Verifikasi berkas KIA',
        rhkId: 'staff-1',
        ikiId: 'staff-1-a',
        outputQuantity: 3,
        outputUnit: 'dokumen',
        evidence: [],
      },
    });
    expect(pending.status, JSON.stringify(pending.body)).toBe(201);
    const res = await stack.call('GET', `/units/DUK-DAFDUK/activity/${PERIOD}`, { token: t.kabid });
    expect(res.body.totals).toMatchObject({ logging: 1, pending: 1, oldestPending: D });
    expect(
      res.body.children.map((c: { unitCode: string; logging: number; oldestPending: string | null }) => [
        c.unitCode,
        c.logging,
        c.oldestPending,
      ]),
    ).toEqual([
      ['DUK-IDK', 1, D],
      ['DUK-PINDAH', 0, null],
    ]);
    expect(res.body.backlog).toEqual([
      { nip: who.kasi, name: expect.any(String), unitCode: 'DUK-IDK', waiting: 1, oldestDate: D },
    ]);
  });

  it('gives each person on the page the levels of their IKI, as their activity totals compute them', async () => {
    const res = await stack.call('GET', `/units/DUK-IDK/activity/${PERIOD}`, { token: t.kasi });
    const row = res.body.members.find((m: { nip: string }) => m.nip === who.staff);
    const own = (await stack.call('GET', `/employees/${who.staff}/activity-totals/${PERIOD}`, { token: t.kasi })).body;
    const count = (level: string) => own.iki.filter((k: { level: string }) => k.level === level).length;
    expect(row.progress).toEqual({
      iki: own.iki.length,
      above: count('above'),
      meets: count('meets'),
      below: count('below'),
    });
    // staff-1-a: 12 of a month's 8.33 is above; the rest have nothing approved yet.
    expect(row.progress.above).toBeGreaterThanOrEqual(1);
    expect(row.progress.iki).toBeGreaterThan(row.progress.above);
  });
});

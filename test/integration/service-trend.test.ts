/**
 * A unit's service trend over a year (GET /units/{code}/service-trend/{year}): each month's figures are those the
 * month's indicators report for the same subtree, in one request, read from the monthly running totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { demoTokens, type who } from '../support/demo.ts';
import { openYear } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const RAHMAT = '199001152015031003';
const PUTRI = '199406172019032003';
/** Monday 14 September and Monday 19 October 2026, in opening hours; the standard is 60 minutes. */
const tx = (
  externalId: string,
  unitCode: string,
  serviceType: string,
  officer: string,
  day: string,
  minutes: number,
) => ({
  externalId,
  unitCode,
  serviceType,
  officers: [officer],
  receivedAt: `${day}T09:00:00+07:00`,
  completedAt: new Date(Date.parse(`${day}T09:00:00+07:00`) + minutes * 60_000).toISOString(),
});

const trend = (code: string, token = t.kadis, year = 2026) =>
  stack.call('GET', `/units/${code}/service-trend/${year}`, { token });

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  await openYear(2026);
  t = await demoTokens(stack.issuer);
  const machine = await stack.issuer.machineToken();
  const pushed = await stack.call('POST', '/service-transactions', {
    token: machine,
    body: {
      transactions: [
        tx('T-1', 'DUK-IDK', 'ktp-el', RAHMAT, '2026-09-14', 30),
        tx('T-2', 'DUK-IDK', 'kia', RAHMAT, '2026-10-19', 40),
        tx('T-3', 'DUK-IDK', 'ktp-el', RAHMAT, '2026-10-19', 90),
        tx('T-4', 'DUK-PINDAH', 'kk', PUTRI, '2026-10-19', 20),
      ],
    },
  });
  expect(pushed.body.summary.created).toBe(4);
  // The totals follow the writes through the stream.
  await eventually(async () => {
    const res = await trend('DISDUKCAPIL');
    return res.status === 200 && res.body.periods.reduce((n: number, p: { served: number }) => n + p.served, 0) === 4
      ? true
      : undefined;
  });
});
afterAll(() => stack.stop());

describe('the service trend of a year', () => {
  it('gives the Kepala Dinas every month of the year, rolled up over the whole OPD', async () => {
    const res = await trend('DISDUKCAPIL');
    expect(res.status).toBe(200);
    expect(res.body.unitCode).toBe('DISDUKCAPIL');
    expect(res.body.year).toBe(2026);
    expect(res.body.periods.map((p: { periodId: string }) => p.periodId)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    const byId = Object.fromEntries(res.body.periods.map((p: { periodId: string }) => [p.periodId, p]));
    expect(byId['2026-09']).toMatchObject({ served: 1, withinStandard: 1, latePct: 0, medianMinutes: 30 });
    expect(byId['2026-10']).toMatchObject({ served: 3, withinStandard: 2, late: 1, latePct: 33.33, medianMinutes: 40 });
    expect(byId['2026-01']).toMatchObject({ served: 0, withinStandardPct: null, medianMinutes: null });
    // The standards of the subtree's catalogue (the demo's are all 60 minutes).
    expect(res.body.standards).toEqual([60]);
  });

  it('reports for each month exactly what that month’s indicators report', async () => {
    const res = await trend('DISDUKCAPIL');
    for (const month of ['2026-09', '2026-10']) {
      const indicators = await stack.call('GET', `/units/DISDUKCAPIL/service-indicators/${month}`, { token: t.kadis });
      const { periodId, kind, start, end, ...figures } = res.body.periods.find(
        (p: { periodId: string }) => p.periodId === month,
      );
      expect([periodId, kind, start.slice(0, 7), end.slice(0, 7)]).toEqual([month, 'month', month, month]);
      expect(figures).toEqual(indicators.body.unit);
    }
  });

  it('gives a Kepala Bidang their bidang, and a seksi only its own', async () => {
    const bidang = (await trend('DUK-DAFDUK', t.kabid)).body;
    expect(bidang.periods.find((p: { periodId: string }) => p.periodId === '2026-10').served).toBe(3);
    const seksi = (await trend('DUK-PINDAH', t.kabid)).body;
    expect(seksi.periods.find((p: { periodId: string }) => p.periodId === '2026-10').served).toBe(1);
  });

  it('has the readers of the indicators, and 404 for an unknown unit or year', async () => {
    expect((await trend('DUK-IDK', t.staff)).status).toBe(200);
    const above = await trend('DISDUKCAPIL', t.staff);
    expect(above.status).toBe(403);
    expect(above.body.error.code).toBe('forbidden');
    expect((await trend('DUK-IDK', t.otherKasi)).status).toBe(403);
    expect((await trend('DUK-IDK', t.auditor)).status).toBe(200);
    expect((await trend('NOPE')).status).toBe(404);
    expect((await trend('DISDUKCAPIL', t.kadis, 2031)).status).toBe(404);
    expect((await trend('DISDUKCAPIL', t.kadis, 1999)).status).toBe(400);
  });
});

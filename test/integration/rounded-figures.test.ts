/**
 * Every figure the API returns is rounded half-up to two decimals: averages (NRR, nilai kinerja), shares (within
 * standard, late), ratios (capaian) and period targets. Data chosen so the raw arithmetic would not end after two
 * decimals (11/3, 100/12, (1.01 × 12 × 60 + 0.5 × 12 × 40) / 100), then representative responses scanned for any number with more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { demoTokens, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { openYear, recentService } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
/** Fixed-date transactions (one of three late); survey answers fall in the month the suite runs. */
const OCT = '2026-10';
let surveyPeriod: string;

/** Paths of the numbers in `body` with more than two decimals. */
function overPrecise(body: unknown, path = '$'): string[] {
  if (typeof body === 'number') return Math.round(body * 100) / 100 === body ? [] : [`${path} = ${body}`];
  if (Array.isArray(body)) return body.flatMap((v, i) => overPrecise(v, `${path}[${i}]`));
  if (body && typeof body === 'object') return Object.entries(body).flatMap(([k, v]) => overPrecise(v, `${path}.${k}`));
  return [];
}

const get = async (token: string, path: string) => {
  const res = await stack.call('GET', path, { token });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  // Yearly targets of 100 (kuantitas): a month carries 100/12 = 8.33…
  await approvedPlans(stack, YEAR);
  for (const [ikiId, start, end, qty] of [
    ['staff-1-a', '08:00', '10:00', 1.01],
    ['staff-1-b', '10:00', '12:00', 0.5],
  ] as const) {
    const made = await stack.call('POST', '/employees/me/activities', {
      token: t.staff,
      body: {
        date: D,
        start,
        end,
        description: 'Pelayanan',
        rhkId: 'staff-1',
        ikiId,
        outputQuantity: qty,
        outputUnit: 'dokumen',
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { id, version } = made.body.activity;
    const ok = await stack.call('POST', '/activities/decisions', {
      token: t.kasi,
      body: { decisions: [{ nip: who.staff, date: D, id, version, decision: 'approve' }] },
    });
    expect(ok.body.results[0].status).toBe(200);
  }

  await openYear(2026);
  const machine = await stack.issuer.machineToken();
  const tx = (externalId: string, over: Record<string, unknown>) => ({
    externalId,
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    officers: [who.staff],
    // Monday 19 October 2026 in opening hours; the standard is 60 minutes.
    receivedAt: '2026-10-19T09:00:00+07:00',
    completedAt: '2026-10-19T09:40:00+07:00',
    ...over,
  });
  const recent = await recentService();
  const pushed = await stack.call('POST', '/service-transactions', {
    token: machine,
    body: {
      transactions: [
        tx('F-1', {}),
        tx('F-2', {}),
        tx('F-3', { completedAt: '2026-10-19T10:30:00+07:00' }),
        tx('S-1', recent),
        tx('S-2', recent),
        tx('S-3', recent),
      ],
    },
  });
  expect(pushed.body.summary.created).toBe(6);
  const links = pushed.body.results.slice(3);
  surveyPeriod = links[0].transaction.periodIds[0];
  // Three answers whose element sums are 11: NRR 11/3 = 3.666…
  for (const [k, value] of [4, 4, 3].entries()) {
    const body = new URLSearchParams(
      Array.from({ length: 9 }, (_, i): [string, string] => [`u${i + 1}`, String(value)]),
    );
    const res = await fetch(links[k].surveyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(res.status).toBe(200);
  }

  // The period scored: close it, run, wait.
  const year = await get(t.bkpsdm, `/years/${YEAR}`);
  const period = year.periods.find((p: { id: string }) => p.id === PERIOD);
  const closed = await stack.call('PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
    token: t.bkpsdm,
    body: { version: period.version, state: 'closed' },
  });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  const started = await stack.call('POST', '/scoring-runs', { token: t.bkpsdm, body: { periodId: PERIOD } });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await eventually(async () => {
    const run = await get(t.bkpsdm, `/scoring-runs/${PERIOD}/${started.body.runId}`);
    return run.state === 'done' ? run : undefined;
  }, 20_000);
}, 60_000);
afterAll(() => stack.stop());

describe('figures in responses', () => {
  it('service indicators: shares and NRR half-up to two decimals', async () => {
    const seksi = await eventually(async () => {
      const body = await get(t.kasi, `/units/DUK-IDK/service-indicators/${surveyPeriod}`);
      return body.unit.survey.respondents === 3 ? body : undefined;
    });
    expect(seksi.unit.survey.nrr.u1).toBe(3.67);
    const opd = await eventually(async () => {
      const body = await get(t.kadis, `/units/DISDUKCAPIL/service-indicators/${OCT}`);
      return body.unit.served === 3 ? body : undefined;
    });
    expect(opd.unit).toMatchObject({ withinStandardPct: 66.67, latePct: 33.33 });
    const officer = await get(t.staff, `/employees/me/service-indicators/${OCT}`);
    for (const body of [seksi, opd, officer]) expect(overPrecise(body)).toEqual([]);
  });

  it('activity totals: period target and capaian half-up to two decimals', async () => {
    const totals = await get(t.staff, `/employees/me/activity-totals/${PERIOD}`);
    // 1.01 of 100/12: 12.12 %.
    expect(totals.iki.find((k: { ikiId: string }) => k.ikiId === 'staff-1-a')).toMatchObject({
      periodTarget: { kind: 'single', value: 8.33 },
      capaian: 12.12,
    });
    const unit = await get(t.kadis, `/units/DISDUKCAPIL/activity/${PERIOD}`);
    const team = await get(t.kasi, `/employees/me/team-activity/${PERIOD}`);
    for (const body of [totals, unit, team]) expect(overPrecise(body)).toEqual([]);
  });

  it('evaluations and their explanation: capaian and nilai kinerja half-up to two decimals', async () => {
    const evaluation = await get(t.bkpsdm, `/employees/${who.staff}/evaluations/${PERIOD}`);
    // (12.12 × 60 + 6 × 40) / 100 = 9.672.
    expect(evaluation.hasilKerja.nilaiKinerja).toBe(9.67);
    expect(evaluation.hasilKerja.indicators[0]).toMatchObject({ capaian: 12.12, cappedCapaian: 12.12 });
    const explanation = await get(t.bkpsdm, `/employees/${who.staff}/evaluations/${PERIOD}/explanation`);
    expect(explanation.nilaiKinerja.value).toBe(9.67);
    const team = await get(t.kasi, `/employees/me/team-evaluations/${PERIOD}`);
    const rewards = await get(t.kasi, `/units/DUK-IDK/rewards/${PERIOD}`);
    const distribution = await get(t.bkpsdm, `/years/${YEAR}/periods/${PERIOD}/distribution`);
    for (const body of [evaluation, explanation, team, rewards, distribution]) expect(overPrecise(body)).toEqual([]);
  });
});

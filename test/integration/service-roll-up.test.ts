/**
 * Service indicators of a bidang and an OPD, as the Kepala Dinas and the Kepala Bidang read them: the roll-up of
 * everything their seksi served, with a row per child unit, and the IKM of all responses below. Members of a seksi
 * read their own seksi's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { demoTokens, tokenFor, who } from '../support/demo.ts';
import { openYear, recentService } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
let machine: string;
/** The month of the fixed-date transactions; survey answers fall in the month the suite runs (later than this). */
const OCT = '2026-10';
const IDK = { rahmat: '199001152015031003', nurhayati: '199204282017032001' };
const PINDAH = { putri: '199406172019032003' };
/** Both seksi of the bidang DUK-DAFDUK, under the OPD DISDUKCAPIL. */
const tx = (externalId: string, unitCode: string, serviceType: string, officer: string, over = {}) => ({
  externalId,
  unitCode,
  serviceType,
  officers: [officer],
  // Monday 19 October 2026, within opening hours (08:00–20:00 WIB); standard 60 minutes.
  receivedAt: '2026-10-19T09:00:00+07:00',
  completedAt: '2026-10-19T09:40:00+07:00',
  ...over,
});
const late = { completedAt: '2026-10-19T10:30:00+07:00' };
const answers = (value: number) =>
  new URLSearchParams(Array.from({ length: 9 }, (_, i): [string, string] => [`u${i + 1}`, String(value)])).toString();
let surveyPeriod: string;

const indicators = (code: string, period: string, token = t.kadis) =>
  stack.call('GET', `/units/${code}/service-indicators/${period}`, { token });
/** The totals follow the writes through the stream: wait until the OPD shows what `settled` expects. */
const when = (code: string, period: string, settled: (body: any) => boolean) =>
  eventually(async () => {
    const res = await indicators(code, period);
    return res.status === 200 && settled(res.body) ? res.body : undefined;
  });

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  await openYear(2026);
  t = await demoTokens(stack.issuer);
  machine = await stack.issuer.machineToken();
  const push = (transactions: unknown[]) =>
    stack.call('POST', '/service-transactions', { token: machine, body: { transactions } });
  const pushed = await push([
    tx('R-1', 'DUK-IDK', 'ktp-el', IDK.rahmat),
    tx('R-2', 'DUK-IDK', 'ktp-el', IDK.nurhayati),
    tx('R-3', 'DUK-IDK', 'kia', IDK.rahmat, late),
    tx('R-4', 'DUK-PINDAH', 'kk', PINDAH.putri),
  ]);
  expect(pushed.body.summary.created).toBe(4);
  // Survey answers count in the period of the day they are given: recent services, answered now.
  const recent = await recentService();
  const links = await push([
    tx('S-1', 'DUK-IDK', 'ktp-el', IDK.rahmat, recent),
    tx('S-2', 'DUK-PINDAH', 'kk', PINDAH.putri, recent),
    tx('S-3', 'DUK-PINDAH', 'kk', PINDAH.putri, recent),
    tx('S-4', 'DUK-PINDAH', 'kk', PINDAH.putri, recent),
  ]);
  const urls = links.body.results.map((r: { surveyUrl: string }) => r.surveyUrl);
  surveyPeriod = links.body.results[0].transaction.periodIds[0];
  expect(surveyPeriod).not.toBe(OCT);
  // DUK-IDK: one response of all 4 (IKM 100). DUK-PINDAH: three of all 2 (IKM 50).
  for (const [url, value] of [
    [urls[0], 4],
    [urls[1], 2],
    [urls[2], 2],
    [urls[3], 2],
  ] as const) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: answers(value),
    });
    expect(res.status).toBe(200);
  }
});
afterAll(() => stack.stop());

describe('service indicators of a bidang and an OPD', () => {
  it('show the Kepala Dinas the whole OPD, with a row per bidang', async () => {
    const opd = await when('DISDUKCAPIL', OCT, (b) => b.unit.served === 4);
    expect(opd.unit).toMatchObject({ served: 4, withinStandard: 3, withinStandardPct: 75, late: 1, latePct: 25 });
    expect(opd.unit.medianMinutes).toBe(40);
    expect(opd.own.served).toBe(0);
    const rows = Object.fromEntries(opd.children.map((c: { unitCode: string; served: number }) => [c.unitCode, c]));
    expect(Object.keys(rows).sort()).toEqual(['DUK-CAPIL', 'DUK-DAFDUK', 'DUK-PIAK', 'DUK-SEKRET']);
    expect(rows['DUK-DAFDUK']).toMatchObject({ kind: 'bidang', served: 4, late: 1 });
    expect(rows['DUK-CAPIL']).toMatchObject({ served: 0, withinStandardPct: null });
    expect(
      opd.serviceTypes.map((s: { unitCode: string; serviceType: string }) => `${s.unitCode}/${s.serviceType}`).sort(),
    ).toEqual(['DUK-IDK/kia', 'DUK-IDK/ktp-el', 'DUK-PINDAH/kk']);
    // Officers over the subtree, named.
    expect(opd.officers.map((o: { name: string; served: number }) => [o.name, o.served])).toEqual([
      ['Rahmat Hidayat Daulay', 2],
      ['Nurhayati Batubara', 1],
      ['Putri Ayu Simatupang', 1],
    ]);
  });

  it('show the Kepala Bidang each seksi of the bidang', async () => {
    const bidang = (await indicators('DUK-DAFDUK', OCT, t.kabid)).body;
    expect(bidang.unit).toMatchObject({ served: 4, withinStandardPct: 75, latePct: 25 });
    expect(
      bidang.children.map((c: { unitCode: string; served: number; latePct: number }) => [
        c.unitCode,
        c.served,
        c.latePct,
      ]),
    ).toEqual([
      ['DUK-IDK', 3, 33.33],
      ['DUK-PINDAH', 1, 0],
    ]);
    // Krejcie–Morgan of everything served (N = 4 → 4), not a sum of the seksi's sample sizes.
    expect(bidang.unit.survey.sampleTarget).toBe(4);
  });

  it('compute the IKM of a bidang and an OPD from all responses below, never an average of averages', async () => {
    const opd = await when('DISDUKCAPIL', surveyPeriod, (b) => b.unit.survey.respondents === 4);
    // (1 × 4 + 3 × 2) / 4 = 2.5 per element → IKM 62.5, grade D; the mean of the seksi's 100 and 50 would be 75.
    expect(opd.unit.survey).toMatchObject({ respondents: 4, ikm: 62.5, grade: 'D' });
    const bidang = (await indicators('DUK-DAFDUK', surveyPeriod)).body;
    expect(bidang.unit.survey.ikm).toBe(62.5);
    expect(
      bidang.children.map((c: { unitCode: string; survey: { ikm: number } }) => [c.unitCode, c.survey.ikm]),
    ).toEqual([
      ['DUK-IDK', 100],
      ['DUK-PINDAH', 50],
    ]);
    // 4 served in the period, 4 answered: the Krejcie–Morgan sample of 4 is 4, reached.
    expect(opd.unit.survey).toMatchObject({ sampleTarget: 4, provisional: false });
  });

  it('a seksi still shows its own figures, with no children', async () => {
    const seksi = (await indicators('DUK-IDK', OCT, t.kasi)).body;
    expect(seksi.unit).toEqual(seksi.own);
    expect(seksi.unit.served).toBe(3);
    expect(seksi.children).toEqual([]);
  });
});

describe('who reads a unit’s indicators', () => {
  it('lets members read their own unit, with only their own officer row', async () => {
    const own = await indicators('DUK-IDK', OCT, t.staff);
    expect(own.status).toBe(200);
    expect(own.body.unit.served).toBe(3);
    expect(own.body.officers.map((o: { nip: string }) => o.nip)).toEqual([who.staff]);
    const nurhayati = await indicators('DUK-IDK', OCT, await tokenFor(stack.issuer, IDK.nurhayati));
    expect(nurhayati.body.officers.map((o: { nip: string }) => o.nip)).toEqual([IDK.nurhayati]);
  });

  it('gives the heads and those above every officer row', async () => {
    for (const token of [t.kasi, t.kabid, t.kadis, t.adminOpd, t.auditor])
      expect((await indicators('DUK-IDK', OCT, token)).body.officers).toHaveLength(2);
  });

  it('refuses units above one’s own and units elsewhere', async () => {
    const above = await indicators('DUK-DAFDUK', OCT, t.staff);
    expect(above.status).toBe(403);
    expect(above.body.error.code).toBe('forbidden');
    expect((await indicators('DUK-IDK', OCT, t.otherStaff)).status).toBe(403);
    expect((await indicators('DUK-IDK', OCT, t.otherKasi)).status).toBe(403);
    expect((await indicators('NOPE', OCT)).status).toBe(404);
  });
});

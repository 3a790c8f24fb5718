/**
 * The service running totals equal a recount: random pushes (new, re-sent, corrected, completed later) and survey
 * responses go through the HTTP API, the totals follow through the real stream, and every totals record is then
 * compared with the same figures recounted from the stored transactions and responses. Redelivered stream
 * records change nothing.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { applyServiceChange, applyServiceChanges } from '../../shared/app/service-totals.ts';
import { periodIdFor } from '../../shared/domain/activities.ts';
import { addTotals, emptyTotals, minuteBucket, type ServiceTotals } from '../../shared/domain/service-indicators.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { documentClient } from '../../shared/store/client.ts';
import { type Item, OrgScope } from '../../shared/store/org-scope.ts';
import { ServiceTotalsRepository } from '../../shared/store/service-totals.ts';
import { openYear } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let machine: string;
const ORG = 'kota-medan';
const catalogue = [
  {
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    officers: ['199001152015031003', '199204282017032001', '199512032020121002'],
  },
  { unitCode: 'DUK-IDK', serviceType: 'kia', officers: ['199001152015031003', '199204282017032001'] },
  {
    unitCode: 'DUK-LAHIRMATI',
    serviceType: 'akta-kelahiran',
    officers: ['199208112016032002', '199309302018031004', '199711052022032001'],
  },
];

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  for (const year of new Set([wibDate(FIRST_DAY).slice(0, 4), wibDate(new Date()).slice(0, 4)]))
    await openYear(Number(year));
  machine = await stack.issuer.machineToken();
});
afterAll(() => stack.stop());

/** WIB midnight 45 days ago: the random services fall in the 45 days before the run (survey links stay valid). */
const FIRST_DAY = new Date(Date.parse(`${wibDate(new Date(Date.now() - 45 * 86_400_000))}T00:00:00+07:00`));
const at = (day: number, minutes: number) =>
  new Date(FIRST_DAY.getTime() + (day - 1) * 86_400_000 + minutes * 60_000).toISOString();

const txArb = fc.record({
  id: fc.integer({ min: 1, max: 25 }),
  kind: fc.integer({ min: 0, max: catalogue.length - 1 }),
  officerMask: fc.integer({ min: 1, max: 7 }),
  duration: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
});

async function scanAll(): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(
      new ScanCommand({ TableName: stack.tables.main, ExclusiveStartKey: start }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every totals record recounted from the stored transactions and responses, by `pk|sk`. */
function recount(items: Item[]): Map<string, ServiceTotals> {
  const scope = new OrgScope(ORG);
  const repo = new ServiceTotalsRepository(scope);
  const expected = new Map<string, ServiceTotals>();
  const add = (keys: { pk: string; sk: string }[], t: ServiceTotals) => {
    for (const k of keys)
      expected.set(`${k.pk}|${k.sk}`, addTotals(expected.get(`${k.pk}|${k.sk}`) ?? emptyTotals(), t));
  };
  for (const i of items) {
    if (i.entity !== 'ServiceTransaction' || !i.completedAt) continue;
    const seconds = i.serviceSeconds as number;
    add(
      repo.keysOf({
        unitCode: i.unitCode as string,
        serviceType: i.serviceType as string,
        officers: i.officers as string[],
        periodIds: i.periodIds as string[],
      }),
      {
        ...emptyTotals(),
        served: 1,
        withinStandard: i.withinStandard ? 1 : 0,
        serviceSeconds: seconds,
        histogram: { [minuteBucket(seconds)]: 1 },
      },
    );
  }
  for (const i of items) {
    if (i.entity !== 'SurveyResponse') continue;
    // Counted for the officers of the transaction when it was counted (written on the response by the consumer).
    const credited = i.credited as { officers: string[]; periodIds: string[] } | undefined;
    if (!credited) continue; // not counted yet
    const sums = i.answers as ServiceTotals['sums'];
    add(
      repo.keysOf({
        unitCode: i.unitCode as string,
        serviceType: i.serviceType as string,
        officers: credited.officers,
        periodIds: credited.periodIds,
      }),
      {
        ...emptyTotals(),
        respondents: 1,
        sums,
        followUps: (i.followUpReasons as string[]).length > 0 ? 1 : 0,
      },
    );
  }
  return expected;
}

const stored = (items: Item[]) =>
  new Map(
    items
      .filter((i) => (i.sk as string).startsWith('SVCSUM#'))
      .map((i) => [`${i.pk}|${i.sk}`, ServiceTotalsRepository.totalsOf(i)]),
  );

/** Zero-valued records (everything moved out again) are the same as absent ones. */
const nonEmpty = (m: Map<string, ServiceTotals>) =>
  new Map(
    [...m].filter(
      ([, t]) => t.served !== 0 || t.respondents !== 0 || t.serviceSeconds !== 0 || Object.keys(t.histogram).length > 0,
    ),
  );

describe('service totals', () => {
  it('equal a recount of the stored transactions and responses after random pushes and surveys', async () => {
    const samples = fc.sample(
      fc.array(fc.array(txArb, { minLength: 1, maxLength: 30 }), { minLength: 4, maxLength: 8 }),
      { numRuns: 1, seed: 20261129 },
    )[0]!;
    const links: string[] = [];
    const pushAll = async (batches: typeof samples) => {
      for (const batch of batches) {
        const seen = new Set<number>();
        const transactions = batch
          .filter((t) => !seen.has(t.id) && seen.add(t.id))
          .map((t) => {
            const c = catalogue[t.kind]!;
            const officers = c.officers.filter((_, i) => t.officerMask & (1 << i));
            return {
              externalId: `P-${t.id}`,
              unitCode: c.unitCode,
              serviceType: c.serviceType,
              officers: officers.length ? officers : [c.officers[0]!],
              // Received once (the same instant on every push of the id); completion, officers and type may change.
              receivedAt: at(1 + (t.id % 28), 6 * 60 + ((t.id * 37) % (15 * 60))),
              completedAt:
                t.duration === null ? null : at(1 + (t.id % 28), 6 * 60 + ((t.id * 37) % (15 * 60)) + t.duration),
            };
          });
        const res = await stack.call('POST', '/service-transactions', {
          token: machine,
          body: { transactions, surveyValidDays: 90 },
        });
        expect(res.status).toBe(200);
        for (const r of res.body.results as { status: string; surveyUrl?: string; error?: unknown }[]) {
          expect(r.status, JSON.stringify(r.error)).not.toBe('rejected');
          if (r.surveyUrl) links.push(r.surveyUrl);
        }
      }
    };
    const half = Math.ceil(samples.length / 2);
    await pushAll(samples.slice(0, half));
    // Some citizens answer (a link may be listed twice: its second answer is refused and counts nothing); then the
    // agency corrects and completes more transactions, some of them already answered.
    for (const [n, url] of links.filter((_, i) => i % 3 === 0).entries()) {
      const answers = Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`u${k + 1}`, String(1 + ((n + k) % 4))]));
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(answers).toString(),
      });
      // 409: answered before; 404: the agency has since corrected the transaction to another unit or service type,
      // so the link no longer names it (test/integration/survey-keys.test.ts proves that refusal on its own).
      expect([200, 404, 409]).toContain(res.status);
    }
    await pushAll(samples.slice(half));

    const last = await eventually(async () => {
      const items = await scanAll();
      const [want, got] = [nonEmpty(recount(items)), nonEmpty(stored(items))];
      return JSON.stringify([...want].sort()) === JSON.stringify([...got].sort()) ? { want, got } : undefined;
    }, 30_000).catch(async () => {
      const items = await scanAll();
      return { want: nonEmpty(recount(items)), got: nonEmpty(stored(items)) };
    });
    expect(Object.fromEntries(last.got)).toEqual(Object.fromEntries(last.want));
    expect(last.want.size).toBeGreaterThan(10);
    // Every response was counted, in the periods of the day it was given.
    const responses = (await scanAll()).filter((i) => i.entity === 'SurveyResponse');
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) {
      const day = wibDate(new Date(r.submittedAt as string));
      expect((r.credited as { periodIds: string[] }).periodIds).toEqual([periodIdFor(day, 'monthly'), day.slice(0, 4)]);
    }
    expect(stack.failures).toEqual([]);
  });

  it('apply a redelivered stream record once', async () => {
    const scope = new OrgScope(ORG);
    const key = `${scope.key('UNIT', 'DUK-KAWIN')}|SVCSUM#2026-10`;
    const image = {
      pk: scope.key('TX', 'REDELIVERED'),
      sk: 'TX',
      orgId: ORG,
      entity: 'ServiceTransaction',
      unitCode: 'DUK-KAWIN',
      serviceType: 'akta-perkawinan',
      officers: ['199104062014031002'],
      completedAt: '2026-10-05T03:00:00.000Z',
      serviceSeconds: 1800,
      withinStandard: true,
      periodIds: ['2026-10', '2026'],
    };
    const change = { sequence: 'redelivery-1', newImage: image };
    expect(await applyServiceChange(change, new Date())).toBe('applied');
    expect(await applyServiceChange(change, new Date())).toBe('duplicate');
    const totals = stored(await scanAll()).get(key);
    expect(totals).toMatchObject({ served: 1, withinStandard: 1, serviceSeconds: 1800, histogram: { 30: 1 } });
  });

  it('fold a batch per totals record, and apply only the new changes of a batch delivered again', async () => {
    const scope = new OrgScope(ORG);
    const key = `${scope.key('UNIT', 'DUK-KAWIN')}|SVCSUM#2026-09`;
    // 120 changes: more than one transaction of 100 items, so the batch is written in several.
    const changes = Array.from({ length: 120 }, (_, i) => ({
      sequence: `fold-${i}`,
      newImage: {
        pk: scope.key('TX', `FOLD-${i}`),
        sk: 'TX',
        orgId: ORG,
        entity: 'ServiceTransaction',
        unitCode: 'DUK-KAWIN',
        serviceType: 'akta-perkawinan',
        officers: [i % 2 ? '199104062014031002' : '199203152015032001'],
        completedAt: '2026-09-07T03:00:00.000Z',
        serviceSeconds: 600 * (1 + (i % 3)),
        withinStandard: i % 3 !== 2,
        periodIds: ['2026-09', '2026'],
      },
    }));
    const first = await applyServiceChanges(changes.slice(0, 50), new Date());
    expect(first).toMatchObject({ applied: 50, duplicate: 0, failed: [] });
    // Redelivered with the rest (a retry after a failure half-way): the first 50 are no-ops.
    const again = await applyServiceChanges(changes, new Date());
    expect(again).toMatchObject({ applied: 70, duplicate: 50, failed: [] });
    expect(await applyServiceChanges(changes, new Date())).toMatchObject({ applied: 0, duplicate: 120 });
    const totals = stored(await scanAll()).get(key);
    expect(totals).toMatchObject({ served: 120, withinStandard: 80, serviceSeconds: 600 * (40 + 80 + 120) });
  });

  it("keep the sequence numbers of one request's changes together, and stay exact when batches come back split", async () => {
    const scope = new OrgScope(ORG);
    const key = `${scope.key('UNIT', 'DUK-KAWIN')}|SVCSUM#2026-08`;
    // 80 transactions written by one request (one updatedAt), 20 by another a second later.
    const changes = Array.from({ length: 100 }, (_, i) => ({
      sequence: `split-${i}`,
      newImage: {
        pk: scope.key('TX', `SPLIT-${i}`),
        sk: 'TX',
        orgId: ORG,
        entity: 'ServiceTransaction',
        unitCode: 'DUK-KAWIN',
        serviceType: 'akta-perkawinan',
        officers: ['199104062014031002'],
        completedAt: '2026-08-03T03:00:00.000Z',
        serviceSeconds: 600,
        withinStandard: true,
        periodIds: ['2026-08', '2026'],
        updatedAt: i < 80 ? '2026-08-03T03:00:01.000Z' : '2026-08-03T03:00:02.000Z',
      },
    }));
    expect(await applyServiceChanges(changes.slice(0, 60), new Date())).toMatchObject({ applied: 60, duplicate: 0 });
    // One record holds the sequence numbers of the first request's changes.
    const sets = (await scanAll()).filter((i) => (i.pk as string).startsWith(scope.key('APPLIED', '2026-08-03T03')));
    expect(sets.map((i) => [...(i.sequences as Set<string>)].length)).toEqual([60]);
    // Delivered again as a bisection would (halves), and overlapping: nothing changes.
    for (const part of [changes.slice(0, 30), changes.slice(30, 60), changes.slice(20, 45)])
      expect(await applyServiceChanges(part, new Date())).toMatchObject({ applied: 0, duplicate: part.length });
    // A later batch starting inside the applied ones applies only the new ones, across both requests.
    expect(await applyServiceChanges(changes.slice(50), new Date())).toMatchObject({
      applied: 40,
      duplicate: 10,
      failed: [],
    });
    expect(stored(await scanAll()).get(key)).toMatchObject({ served: 100, serviceSeconds: 60_000 });
  });

  it('apply a batch once when several consumers take it at the same time', async () => {
    const scope = new OrgScope(ORG);
    const key = `${scope.key('UNIT', 'DUK-KAWIN')}|SVCSUM#2026-07`;
    const changes = Array.from({ length: 100 }, (_, i) => ({
      sequence: `race-${i}`,
      newImage: {
        pk: scope.key('TX', `RACE-${i}`),
        sk: 'TX',
        orgId: ORG,
        entity: 'ServiceTransaction',
        unitCode: 'DUK-KAWIN',
        serviceType: 'akta-perkawinan',
        officers: [i % 2 ? '199104062014031002' : '199203152015032001'],
        completedAt: '2026-07-06T03:00:00.000Z',
        serviceSeconds: 900,
        withinStandard: true,
        periodIds: ['2026-07', '2026'],
        updatedAt: `2026-07-06T03:00:0${i % 3}.000Z`,
      },
    }));
    const outcomes = await Promise.all([
      applyServiceChanges(changes, new Date()),
      applyServiceChanges([...changes].reverse(), new Date()),
      applyServiceChanges(changes.slice(25, 75), new Date()),
    ]);
    for (const o of outcomes) expect(o.failed).toEqual([]);
    expect(outcomes.reduce((n, o) => n + o.applied, 0)).toBe(100);
    expect(outcomes.reduce((n, o) => n + o.duplicate, 0)).toBe(150);
    expect(stored(await scanAll()).get(key)).toMatchObject({ served: 100, serviceSeconds: 90_000 });
  });
});

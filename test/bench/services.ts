/**
 * Service data, measured against DynamoDB Local in the same run:
 * 1. ingesting 10,000 transactions through the batch handler (100 calls of 100) vs raw BatchWriteItem of the same
 *    items (400 calls of 25, one at a time and four at once as the handler writes them): throughput ratio
 *    (target ≥ 0.7×). The handler also reads what the rules need
 *    (existing records, unit, catalogue, hours, officers, holidays, year); the totals follow through the stream.
 * 2. a survey submission through the handler vs the bare write it needs (one conditional put of the response):
 *    latency ratio (target ≤ 1.3×); the totals follow through the stream;
 * 3. the stream consumer applying transaction changes to the totals (the images as part 1 stored them, so the
 *    changes of one push share their `updatedAt`, as a stream batch's do): changes per second per shard, folded
 *    vs one by one, against part 1's ingest rate in the same run (target ≥ 1×).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_MACHINE_CLIENT } from '../../infra/local/demo-data.ts';
import { applyServiceChange, applyServiceChanges } from '../../shared/app/service-totals.ts';
import { functions, type StreamTrigger } from '../../shared/platform/manifest.ts';
import { documentClient, tableName } from '../../shared/store/client.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { TransactionRepository } from '../../shared/store/service-transactions.ts';
import { openYear } from '../support/services.ts';
import { withBenchDatabase } from './support.ts';

const TOTAL = Number(process.env.BENCH_TRANSACTIONS ?? 10_000);
const SURVEYS = Number(process.env.BENCH_SURVEYS ?? 200);
const OFFICERS = ['199001152015031003', '199204282017032001', '199512032020121002'];

type Handler = (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>;
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 } as never;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

const machineEvent = (body: unknown) => ({
  version: '2.0',
  routeKey: 'POST /service-transactions',
  rawPath: '/service-transactions',
  rawQueryString: '',
  headers: { 'content-type': 'application/json', host: 'bench.local' },
  requestContext: {
    requestId: randomUUID(),
    http: { method: 'POST', path: '/service-transactions' },
    authorizer: {
      jwt: {
        claims: {
          token_use: 'access',
          client_id: DEMO_MACHINE_CLIENT.clientId,
          sub: DEMO_MACHINE_CLIENT.clientId,
          scope: 'kinerja-api/transactions.write',
        },
      },
    },
  },
  body: JSON.stringify(body),
  isBase64Encoded: false,
});

const surveyEvent = (token: string, form: string) => ({
  version: '2.0',
  routeKey: 'POST /s/{token}',
  rawPath: `/s/${token}`,
  rawQueryString: '',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  pathParameters: { token },
  requestContext: { requestId: randomUUID(), http: { method: 'POST', path: `/s/${token}` } },
  body: form,
  isBase64Encoded: false,
});

/** A working-day transaction of 10 to 90 minutes, spread over the month's first three weeks. */
function transaction(i: number, month: string) {
  const day = 2 + (i % 15);
  const start = 8 * 60 + (i % 600);
  const at = (minutes: number) =>
    `${month}-${String(day).padStart(2, '0')}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+07:00`;
  return {
    externalId: `BENCH-${i}`,
    unitCode: 'DUK-IDK',
    serviceType: i % 3 === 0 ? 'kia' : 'ktp-el',
    officers: [OFFICERS[i % OFFICERS.length]!],
    receivedAt: at(start),
    completedAt: at(start + 10 + (i % 80)),
  };
}

export async function servicesBench(): Promise<void> {
  // The survey key and public address the local stack would set.
  process.env.SURVEY_SIGNING_KEY = randomBytes(32).toString('base64');
  process.env.PUBLIC_BASE_URL = 'http://bench.local';
  await withBenchDatabase(async (scope) => {
    await openYear(2026);
    // A past month of the opened year 2026, whatever day the bench runs.
    const month = '2026-10';
    const doc = documentClient();
    const main = tableName('main');
    const push = (await import('../../functions/services/push-transactions.ts')).handler as unknown as Handler;

    // 1. Ingest. Raw first and handler second, then again in the other order; each side's best of the two.
    const raw = new TransactionRepository(new OrgScope('bench-raw'));
    const ctx = { actor: 'client:bench', now: new Date().toISOString() };
    const rawItems = (round: number) =>
      Array.from({ length: TOTAL }, (_, i) => {
        const t = transaction(i, month);
        return raw.toItem(
          {
            ...t,
            externalId: `R${round}-${t.externalId}`,
            receivedAt: new Date(t.receivedAt).toISOString(),
            completedAt: new Date(t.completedAt).toISOString(),
            serviceSeconds: 600,
            standardMinutes: 60,
            withinStandard: true,
            periodIds: [month, '2026'],
            linkId: randomBytes(16).toString('base64url'),
            surveyExpiresAt: 1_800_000_000,
          },
          ctx,
        );
      });
    /** Sequentially, 25 a call; or, as the handler writes them, each 100 as four calls of 25 at once. */
    const rawRun = async (round: number, together: 1 | 4) => {
      const items = rawItems(round);
      return time(async () => {
        for (let i = 0; i < items.length; i += 25 * together) {
          await Promise.all(
            Array.from({ length: together }, async (_, k) => {
              const chunk = items.slice(i + k * 25, i + (k + 1) * 25);
              let request: Record<string, unknown[]> | undefined = chunk.length
                ? { [main]: chunk.map((Item) => ({ PutRequest: { Item } })) }
                : undefined;
              while (request && Object.keys(request).length) {
                const out = await doc.send(new BatchWriteCommand({ RequestItems: request as never }));
                request = out.UnprocessedItems as typeof request;
              }
            }),
          );
        }
      });
    };
    const handlerRun = async (round: number) =>
      time(async () => {
        for (let i = 0; i < TOTAL; i += 100) {
          const batch = Array.from({ length: Math.min(100, TOTAL - i) }, (_, k) => {
            const t = transaction(i + k, month);
            return { ...t, externalId: `H${round}-${t.externalId}` };
          });
          const res = await push(machineEvent({ transactions: batch }), context);
          const body = JSON.parse(res.body) as { summary: { created: number } };
          if (res.statusCode !== 200 || body.summary.created !== batch.length)
            throw new Error(`push failed: ${res.body.slice(0, 500)}`);
        }
      });
    const sequentialMs = Math.min(await rawRun(1, 1), await rawRun(2, 1));
    const parallelMs = Math.min(await rawRun(3, 4), await rawRun(4, 4));
    const handlerMs = Math.min(await handlerRun(1), await handlerRun(2));
    const rate = (ms: number) => `${ms.toFixed(0)} ms = ${((TOTAL / ms) * 1000).toFixed(0)} items/s`;
    console.log(`\nIngest ${TOTAL} transactions on DynamoDB Local (best of two runs each):`);
    console.log(`  raw BatchWriteItem, 25 per call, one at a time: ${rate(sequentialMs)}`);
    console.log(`  raw BatchWriteItem, 25 per call, four at once:  ${rate(parallelMs)}`);
    console.log(`  handler, 100 per call (reads what the rules need, then writes four at once): ${rate(handlerMs)}`);
    console.log(
      `  handler throughput / raw one at a time = ${(sequentialMs / handlerMs).toFixed(2)}×; / raw four at once = ${(parallelMs / handlerMs).toFixed(2)}×  (target ≥ 0.7×)`,
    );

    // 2. Survey submit: one link per response, alternating with the bare transaction of the same items.
    const links: string[] = [];
    for (let i = 0; i < SURVEYS; i += 100) {
      const batch = Array.from({ length: Math.min(100, SURVEYS - i) }, (_, k) => ({
        ...transaction(i + k, month),
        externalId: `SV-${i + k}`,
      }));
      const res = JSON.parse(
        (await push(machineEvent({ transactions: batch, surveyValidDays: 90 }), context)).body,
      ) as { results: { surveyUrl: string }[] };
      links.push(...res.results.map((r) => r.surveyUrl.split('/s/')[1]!));
    }
    const submit = (await import('../../functions/services/submit-survey.ts')).handler as unknown as Handler;
    const answers = { u1: 4, u2: 3, u3: 4, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 4 };
    const form = new URLSearchParams(
      Object.entries(answers).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    // The bare write the handler needs: one conditional put of the response.
    const bare = (i: number) =>
      scope.put(
        'main',
        {
          pk: scope.key('SURVEY', `BARE-${i}`),
          sk: 'RESPONSE',
          linkId: `BARE-${i}`,
          unitCode: 'DUK-IDK',
          serviceType: 'ktp-el',
          answers,
          complaint: false,
          followUpReasons: [],
          submittedAt: new Date().toISOString(),
        },
        { expression: 'attribute_not_exists(pk)' },
      );
    const handlerSurvey: number[] = [];
    const bareSurvey: number[] = [];
    for (let i = 0; i < links.length; i++) {
      const steps = [
        async () =>
          handlerSurvey.push(
            await time(async () => {
              const res = await submit(surveyEvent(links[i]!, form), context);
              if (res.statusCode !== 200) throw new Error(`survey failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
            }),
          ),
        async () => bareSurvey.push(await time(() => bare(i))),
      ];
      for (let k = 0; k < 2; k++) await steps[(i + k) % 2]!();
    }
    console.log(`\nSurvey submission, ${links.length} paired rounds (median ms):`);
    console.log(
      `  handler ${median(handlerSurvey).toFixed(1)} · bare conditional put of the response ${median(bareSurvey).toFixed(1)}`,
    );
    console.log(
      `  handler / bare write = ${(median(handlerSurvey) / median(bareSurvey)).toFixed(2)}×  (target ≤ 1.3×; the totals move later, through the stream)`,
    );

    // 3. The stream consumer's side: applying the ingested changes to the totals (what the request path left to it),
    // folded per batch as the consumer does (batches of the manifest's size), against the same changes one by one.
    const consumer = functions.find((f) => f.name === 'update-service-totals')!.trigger as StreamTrigger;
    const ids = Array.from({ length: 2_000 }, (_, i) => `H1-BENCH-${i}`);
    const sample = [...(await new TransactionRepository(scope).getMany(ids)).values()];
    const changesOf = (tag: string) =>
      sample.map((t, i) => ({
        sequence: `bench-${tag}-${i}`,
        newImage: {
          ...t,
          pk: scope.key('TX', t.externalId),
          sk: 'TX',
          orgId: scope.orgId,
          entity: 'ServiceTransaction',
        } as Record<string, unknown>,
      }));
    const oneByOne = changesOf('single').slice(0, 500);
    const singleMs = await time(async () => {
      for (const change of oneByOne) await applyServiceChange(change, new Date());
    });
    const folded = changesOf('folded');
    const foldedMs = await time(async () => {
      for (let i = 0; i < folded.length; i += consumer.batchSize) {
        const outcome = await applyServiceChanges(folded.slice(i, i + consumer.batchSize), new Date());
        if (outcome.failed.length) throw outcome.errors[0];
      }
    });
    const perSecond = (n: number, ms: number) => (n / ms) * 1000;
    const ingestRate = perSecond(TOTAL, handlerMs);
    const foldedRate = perSecond(folded.length, foldedMs);
    console.log(`\nTotals consumer (per shard):`);
    console.log(
      `  one by one: ${oneByOne.length} changes in ${singleMs.toFixed(0)} ms = ${perSecond(oneByOne.length, singleMs).toFixed(0)} changes/s`,
    );
    console.log(
      `  folded, batches of ${consumer.batchSize}: ${folded.length} changes in ${foldedMs.toFixed(0)} ms = ${foldedRate.toFixed(0)} changes/s`,
    );
    console.log(
      `  folded totals / ingest through the handler (${ingestRate.toFixed(0)} transactions/s, this run) = ${(foldedRate / ingestRate).toFixed(2)}×  (target ≥ 1×)`,
    );
  });
}

/**
 * A scoring run over 20,000 employees (10 units of 2,000) with a month of running totals, on DynamoDB Local:
 * DynamoDB requests per employee (target ≤ 3), and the run's time against the raw reads and writes of the same items
 * (each person's plan versions queried, the totals read and the evaluation record written, batched as the run does),
 * target ≤ 1.5×.
 */
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { runScoringTask } from '../../shared/app/scoring.ts';
import { forEachConcurrently } from '../../shared/concurrency.ts';
import { documentClient, tableName } from '../../shared/store/client.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import type { Item } from '../../shared/store/org-scope.ts';
import { PlanRepository } from '../../shared/store/plans.ts';
import { ScoringRunRepository } from '../../shared/store/scoring.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { YearRepository } from '../../shared/store/years.ts';
import { openYear } from '../support/services.ts';
import { withBenchDatabase } from './support.ts';

const PEOPLE = Number(process.env.BENCH_EMPLOYEES ?? 20_000);
const UNITS = 10;
const YEAR = 2026;
const PERIOD = '2026-10';

export async function scoringBench(): Promise<void> {
  await withBenchDatabase(async (scope) => {
    const ctx = { actor: 'bench', now: new Date().toISOString() };
    await openYear(YEAR);

    // 10 seksi of 2,000 under one OPD; each person with an approved plan (two IKI) and a month of totals.
    const units = new UnitRepository(scope);
    await units.create({ code: 'BENCH', name: 'Dinas Bench', kind: 'opd', path: '/BENCH/' }, ctx);
    await units.create(
      { code: 'BENCH-B', name: 'Bidang Bench', kind: 'bidang', parentCode: 'BENCH', path: '/BENCH/BENCH-B/' },
      ctx,
    );
    const employees = new EmployeeRepository(scope);
    const plans = new PlanRepository(scope);
    const doc = documentClient();
    const main = tableName('main');
    const items: Item[] = [];
    const perUnit = Math.ceil(PEOPLE / UNITS);
    for (let u = 0; u < UNITS; u++) {
      const code = `BENCH-S${u}`;
      const path = `/BENCH/BENCH-B/${code}/`;
      await units.create({ code, name: `Seksi Bench ${u}`, kind: 'seksi', parentCode: 'BENCH-B', path }, ctx);
      for (let i = 0; i < perUnit && u * perUnit + i < PEOPLE; i++) {
        const nip = `199001012020${String(u * perUnit + i).padStart(6, '0')}`;
        const head = `199001012020${String(u * perUnit).padStart(6, '0')}`;
        items.push(
          employees.toItem(
            {
              nip,
              name: `Pegawai ${nip}`,
              position: 'Pelaksana',
              employmentType: 'PNS',
              unitCode: code,
              unitPath: path,
              supervisorNip: i === 0 ? null : head,
              status: 'active',
            },
            ctx,
          ),
        );
        items.push(
          plans.toItem(
            {
              nip,
              year: YEAR,
              planVersion: 1,
              state: 'approved',
              effectiveFrom: `${YEAR}-01-01`,
              rhk: [
                {
                  id: 'r',
                  kind: 'utama',
                  title: 'Hasil kerja',
                  unitGoal: 'Sasaran unit',
                  iki: [
                    {
                      id: 'a',
                      name: 'A',
                      aspect: 'kuantitas',
                      target: { kind: 'single', value: 100 },
                      unit: 'dok',
                      direction: 'higher',
                      weight: 60,
                      source: 'activities',
                    },
                    {
                      id: 'b',
                      name: 'B',
                      aspect: 'waktu',
                      target: { kind: 'range', lo: 30, hi: 60 },
                      unit: 'menit',
                      direction: 'lower',
                      weight: 40,
                      source: 'activities',
                    },
                  ],
                },
              ],
            },
            ctx,
          ),
        );
        const pk = scope.key('EMP', nip);
        items.push({
          pk,
          sk: `TOTAL#${PERIOD}`,
          periodId: PERIOD,
          pending: 0,
          approved: 40,
          rejected: 1,
          countedMinutes: 9000,
        });
        items.push({
          pk,
          sk: `TOTAL#${PERIOD}#IKI#a`,
          periodId: PERIOD,
          ikiId: 'a',
          approvedQuantity: 80 + (i % 40),
          approvedCount: 20,
        });
        items.push({
          pk,
          sk: `TOTAL#${PERIOD}#IKI#b`,
          periodId: PERIOD,
          ikiId: 'b',
          approvedQuantity: 20 + (i % 60),
          approvedCount: 20,
        });
      }
    }
    const write = async (batch: Item[]) => {
      let request: Record<string, unknown[]> | undefined = { [main]: batch.map((Item) => ({ PutRequest: { Item } })) };
      while (request && Object.keys(request).length)
        request = (await doc.send(new BatchWriteCommand({ RequestItems: request as never })))
          .UnprocessedItems as typeof request;
    };
    for (let i = 0; i < items.length; i += 100)
      await Promise.all(
        [0, 25, 50, 75].map((o) =>
          items.slice(i + o, i + o + 25).length ? write(items.slice(i + o, i + o + 25)) : undefined,
        ),
      );
    const year = (await new YearRepository(scope).get(YEAR))!;
    let period = year.periods.find((p) => p.id === PERIOD)!;
    period = await new YearRepository(scope).updatePeriod(
      YEAR,
      PERIOD,
      period.version,
      () => ({ state: 'closed' }),
      ctx,
    );
    const nips = items
      .filter((i) => i.sk === 'PROFILE' && (i.unitCode as string).startsWith('BENCH-S'))
      .map((i) => i.nip as string);

    let requests = 0;
    doc.middlewareStack.add(
      (next) => async (args) => {
        requests++;
        return next(args);
      },
      { step: 'initialize', name: 'benchCounter' },
    );

    // The run: one task per unit, each scoring its people eight at a time (as the stream consumer does).
    const runs = new ScoringRunRepository(scope);
    const t0 = performance.now();
    const before = requests;
    const { run, tasks } = await runs.start(period, YEAR, 'BENCH', 'inline', ctx);
    let scored = 0;
    for (const queue = [...tasks]; queue.length > 0; ) {
      const task = queue.shift()!;
      const result = await runScoringTask(scope, task, ctx);
      await runs.markDone(task, result.scored, ctx.now);
      if (result.next) queue.push(result.next);
      scored += result.scored;
    }
    await runs.finishIfComplete(PERIOD, run.runId, ctx);
    const runMs = performance.now() - t0;
    const runRequests = requests - before;

    // The raw reads and writes of the same items, batched as the run batches them: per 100 people, the plan query
    // of each (eight at once), the totals in batch reads and the evaluation records in batch writes.
    const template = (
      await doc.send(
        new QueryCommand({
          TableName: main,
          KeyConditionExpression: 'pk = :p AND sk = :s',
          ExpressionAttributeValues: { ':p': scope.key('EMP', nips[1]!), ':s': `EVAL#${PERIOD}#COMPUTED` },
        }),
      )
    ).Items![0]!;
    const t1 = performance.now();
    for (let i = 0; i < nips.length; i += 100) {
      const chunk = nips.slice(i, i + 100);
      await forEachConcurrently(chunk, 8, async (nip) => {
        await doc.send(
          new QueryCommand({
            TableName: main,
            KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
            ExpressionAttributeValues: { ':p': scope.key('EMP', nip), ':s': `PLAN#${YEAR}#` },
          }),
        );
      });
      const keys = chunk.flatMap((nip) =>
        ['a', 'b'].map((k) => ({ pk: scope.key('EMP', nip), sk: `TOTAL#${PERIOD}#IKI#${k}` })),
      );
      const groups = (xs: unknown[]) =>
        Array.from({ length: Math.ceil(xs.length / 25) }, (_, g) => xs.slice(g * 25, g * 25 + 25));
      await Promise.all(
        groups(keys).map((Keys) =>
          doc.send(new BatchGetCommand({ RequestItems: { [main]: { Keys: Keys as Item[] } } })),
        ),
      );
      const records = chunk.map((nip) => ({ ...template, pk: scope.key('EMP', nip), sk: `RAW#${PERIOD}`, nip }));
      await Promise.all(groups(records).map((batch) => write(batch as Item[])));
    }
    const rawMs = performance.now() - t1;

    console.log(
      `\nScoring run over ${scored} employees in ${tasks.length} unit tasks, a month of totals, on DynamoDB Local:`,
    );
    console.log(
      `  DynamoDB requests: ${runRequests} = ${(runRequests / scored).toFixed(2)} per employee  (target ≤ 3: a plan query each; totals and results 25 to a batch; each unit's listing)`,
    );
    console.log(
      `  run ${(runMs / 1000).toFixed(1)} s · raw reads and writes of the same items ${(rawMs / 1000).toFixed(1)} s = ${(runMs / rawMs).toFixed(2)}×  (target ≤ 1.5×)`,
    );
  });
}

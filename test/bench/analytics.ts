/**
 * The fairness run over a month of 20,000 employees (10 OPDs of 2,000, a supervisor for every 20) on DynamoDB Local:
 * DynamoDB requests per employee, and the run's time against the bare reads it needs (the same queries and batch
 * gets issued directly, in the same process, right after). Seeded lean, straight to the table in batch writes: per
 * person the employee record, a plan, two approved entries of the month and (every other person) an evaluation
 * with its review — about 110,000 items, a couple of minutes. Measured ratios, never pass/fail on time.
 */
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { computeOpd } from '../../shared/app/fairness-runs.ts';
import { forEachConcurrently } from '../../shared/concurrency.ts';
import { documentClient, tableName } from '../../shared/store/client.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import type { Item } from '../../shared/store/org-scope.ts';
import { PlanRepository } from '../../shared/store/plans.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { openYear } from '../support/services.ts';
import { withBenchDatabase } from './support.ts';

const PEOPLE = Number(process.env.BENCH_EMPLOYEES ?? 20_000);
const OPDS = 10;
const TEAM = 20;
const YEAR = 2026;
const PERIOD = '2026-10';

export async function analyticsBench(): Promise<void> {
  await withBenchDatabase(async (scope) => {
    const ctx = { actor: 'bench', now: new Date().toISOString() };
    await openYear(YEAR);
    const units = new UnitRepository(scope);
    const employees = new EmployeeRepository(scope);
    const plans = new PlanRepository(scope);
    const doc = documentClient();
    const main = tableName('main');
    const perOpd = Math.ceil(PEOPLE / OPDS);
    const nips: string[] = [];
    const opdCodes: string[] = [];
    const seedStart = performance.now();
    let seeded = 0;

    const write = async (batch: Item[]) => {
      let request: Record<string, unknown[]> | undefined = { [main]: batch.map((Item) => ({ PutRequest: { Item } })) };
      while (request && Object.keys(request).length)
        request = (await doc.send(new BatchWriteCommand({ RequestItems: request as never })))
          .UnprocessedItems as typeof request;
    };
    const flush = async (items: Item[]) => {
      const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, b) => items.slice(b * 25, b * 25 + 25));
      await forEachConcurrently(batches, 8, write);
      seeded += items.length;
    };

    for (let o = 0; o < OPDS; o++) {
      const opd = `OPD${o}`;
      const bidang = `${opd}-B`;
      opdCodes.push(opd);
      await units.create({ code: opd, name: `Dinas ${o}`, kind: 'opd', path: `/${opd}/` }, ctx);
      await units.create(
        { code: bidang, name: `Bidang ${o}`, kind: 'bidang', parentCode: opd, path: `/${opd}/${bidang}/` },
        ctx,
      );
      const items: Item[] = [];
      for (let i = 0; i < perOpd && o * perOpd + i < PEOPLE; i++) {
        const n = o * perOpd + i;
        const nip = `199001012020${String(n).padStart(6, '0')}`;
        const lead = `199001012020${String(n - (i % TEAM)).padStart(6, '0')}`;
        nips.push(nip);
        items.push(
          employees.toItem(
            {
              nip,
              name: `Pegawai ${nip}`,
              position: i % TEAM === 0 ? 'Kepala Seksi' : 'Pelaksana',
              employmentType: 'PNS',
              unitCode: bidang,
              unitPath: `/${opd}/${bidang}/`,
              supervisorNip: i % TEAM === 0 ? null : lead,
              status: 'active',
            },
            ctx,
          ),
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
                      weight: 100,
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
        for (const [k, date] of [`${PERIOD}-${String(5 + (n % 20)).padStart(2, '0')}`, `${PERIOD}-27`].entries())
          items.push({
            pk,
            sk: `ACT#${date}#e${n}-${k}`,
            id: `e${n}-${k}`,
            nip,
            date,
            start: '08:00',
            end: '11:00',
            minutes: 180,
            description: `Menyusun laporan kegiatan ${k === 0 ? 'mingguan' : 'bulanan'} seksi`,
            year: YEAR,
            periodId: PERIOD,
            rhkId: 'r',
            ikiId: 'a',
            planVersion: 1,
            outputQuantity: 1,
            outputUnit: 'dok',
            evidence: [],
            status: i % TEAM === 0 ? 'pending' : 'approved',
            supervisorNip: i % TEAM === 0 ? null : lead,
            ...(i % TEAM === 0
              ? {}
              : {
                  verifiedBy: `nip:${lead}`,
                  verifiedAt: `${date}T0${3 + (n % 6)}:${String(n % 60).padStart(2, '0')}:00.000Z`,
                }),
            version: 1,
            createdAt: `${date}T10:00:00.000Z`,
            updatedAt: `${date}T10:00:00.000Z`,
            updatedBy: `nip:${nip}`,
          });
        if (i % TEAM !== 0 && n % 2 === 0)
          items.push(
            {
              pk,
              sk: `EVAL#${PERIOD}#COMPUTED`,
              nip,
              periodId: PERIOD,
              recommendedHasilKerja: 'sesuai',
              inputsHash: 'h',
            },
            {
              pk,
              sk: `EVAL#${PERIOD}`,
              nip,
              periodId: PERIOD,
              review: {
                hasilKerja: n % 10 === 0 ? 'di_atas' : 'sesuai',
                perilaku: 'sesuai',
                predikat: 'baik',
                reasons: {},
                by: `nip:${lead}`,
                at: `${YEAR}-11-08T02:00:00.000Z`,
                inputsHash: 'h',
              },
              version: 1,
            },
          );
      }
      await flush(items);
    }
    const seedMs = performance.now() - seedStart;

    let requests = 0;
    doc.middlewareStack.add(
      (next) => async (args) => {
        requests++;
        return next(args);
      },
      { step: 'initialize', name: 'analyticsBenchCounter' },
    );

    // The run: each OPD's task in turn, as the queue's consumer runs one (no queue in between).
    const now = new Date();
    const t0 = performance.now();
    let people = 0;
    for (const opd of opdCodes) people += await computeOpd(scope, PERIOD, opd, now);
    const runMs = performance.now() - t0;
    const runRequests = requests;

    // The bare reads the run needs, issued directly: each OPD's members, each member's entries and plan versions
    // (eight members at once), their evaluations in batch gets of 25 keys.
    const t1 = performance.now();
    const before = requests;
    for (const opd of opdCodes) {
      let start: Item | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: main,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :s)',
            ExpressionAttributeValues: { ':p': scope.key('UNITMEMBERS', opd), ':s': `/${opd}/` },
            ExclusiveStartKey: start,
          }),
        );
        start = out.LastEvaluatedKey;
      } while (start);
      const members = nips.slice(opdCodes.indexOf(opd) * perOpd, (opdCodes.indexOf(opd) + 1) * perOpd);
      await forEachConcurrently(members, 8, async (nip) => {
        await Promise.all([
          doc.send(
            new QueryCommand({
              TableName: main,
              KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b',
              ExpressionAttributeValues: {
                ':p': scope.key('EMP', nip),
                ':a': 'ACT#2026-09-30',
                ':b': `ACT#${PERIOD}-31#\uffff`,
              },
            }),
          ),
          doc.send(
            new QueryCommand({
              TableName: main,
              KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
              ExpressionAttributeValues: { ':p': scope.key('EMP', nip), ':s': `PLAN#${YEAR}#` },
            }),
          ),
        ]);
      });
      const keys = members.flatMap((nip) => [
        { pk: scope.key('EMP', nip), sk: `EVAL#${PERIOD}#COMPUTED` },
        { pk: scope.key('EMP', nip), sk: `EVAL#${PERIOD}` },
      ]);
      const groups = Array.from({ length: Math.ceil(keys.length / 25) }, (_, g) => keys.slice(g * 25, g * 25 + 25));
      await Promise.all(groups.map((Keys) => doc.send(new BatchGetCommand({ RequestItems: { [main]: { Keys } } }))));
    }
    const bareMs = performance.now() - t1;
    const bareRequests = requests - before;

    console.log(
      `\nFairness run over ${people} employees in ${OPDS} OPD tasks (a month of entries, plans, reviews), on DynamoDB Local:`,
    );
    console.log(`  seeded ${seeded} items in ${(seedMs / 1000).toFixed(0)} s (batch writes straight to the table)`);
    console.log(
      `  DynamoDB requests: ${runRequests} = ${(runRequests / people).toFixed(2)} per employee  (entries and plan one query each, signals one write each, evaluations, patterns and adoption 25 to a batch)`,
    );
    console.log(
      `  bare reads of the same items: ${bareRequests} requests = ${(bareRequests / people).toFixed(2)} per employee`,
    );
    console.log(
      `  run ${(runMs / 1000).toFixed(1)} s · bare reads ${(bareMs / 1000).toFixed(1)} s = ${(runMs / bareMs).toFixed(2)}×  (the run also writes a record per person)`,
    );
  });
}

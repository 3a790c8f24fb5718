/**
 * Activities, measured against DynamoDB Local in the same run:
 * 1. creating an activity through the handler vs (a) the bare transaction it writes and (b) the bare DynamoDB
 *    calls it makes (the same reads, in the same order, and the transaction): our overhead beyond the I/O;
 * 2. the verification queue of a supervisor with 50 subordinates × 20 pending entries: DynamoDB requests per page;
 * 3. 50 decisions in one request (10 people × 5 entries of a day) vs the bare reads and transactions they need.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DEMO_ORG } from '../../infra/local/demo-data.ts';
import { wibDate, yearOf } from '../../shared/domain/time.ts';
import { type Activity, ActivityRepository } from '../../shared/store/activities.ts';
import { documentClient, tableName } from '../../shared/store/client.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import type { OrgScope } from '../../shared/store/org-scope.ts';
import { PlanRepository } from '../../shared/store/plans.ts';
import { withBenchDatabase } from './support.ts';

const STAFF = '199001152015031003';
const KASI = '198203152006041002';
const N = Number(process.env.BENCH_CREATES ?? 150);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

const event = (
  method: string,
  path: string,
  nip: string,
  params: Record<string, string>,
  body?: unknown,
  query?: Record<string, string>,
) => ({
  version: '2.0',
  routeKey: `${method} ${path}`,
  rawPath: path,
  rawQueryString: '',
  headers: { 'content-type': 'application/json' },
  pathParameters: params,
  ...(query ? { queryStringParameters: query } : {}),
  requestContext: {
    requestId: randomUUID(),
    http: { method, path },
    authorizer: {
      jwt: {
        claims: { 'custom:org': DEMO_ORG.orgId, 'custom:nip': nip, 'cognito:groups': '[]', token_use: 'id', sub: nip },
      },
    },
  },
  ...(body ? { body: JSON.stringify(body) } : {}),
  isBase64Encoded: false,
});

const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10_000 } as never;

export async function activitiesBench(): Promise<void> {
  await withBenchDatabase(async (scope) => {
    const date = wibDate(new Date(Date.now() - 86_400_000));
    const year = Number(date.slice(0, 4));
    await new PlanRepository(scope).add(
      {
        nip: STAFF,
        year,
        planVersion: 1,
        state: 'approved',
        effectiveFrom: `${year}-01-01`,
        rhk: [
          {
            id: 'r',
            kind: 'utama',
            title: 'R',
            unitGoal: 'G',
            iki: [
              {
                id: 'k',
                name: 'K',
                aspect: 'kuantitas',
                target: { kind: 'single', value: 10 },
                unit: 'u',
                direction: 'higher',
                weight: 100,
              },
            ],
          },
        ],
      },
      { actor: 'bench', now: new Date().toISOString() },
    );

    const doc = documentClient();
    const main = tableName('main');
    const create = (await import('../../functions/activities/create-activity.ts')).handler as unknown as (
      e: unknown,
      c: unknown,
    ) => Promise<{ statusCode: number; body: string }>;
    const slot = (i: number) =>
      `${String(Math.floor((i * 5) / 60)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')}`;
    const body = (i: number) => ({
      date,
      start: slot(i),
      end: slot(i + 1),
      description: 'Bench',
      rhkId: 'r',
      ikiId: 'k',
      outputQuantity: 1,
      outputUnit: 'u',
    });

    // The bare transaction the handler writes (activity, day, period total) into another person's partition.
    const bareTransaction = (i: number) => {
      const pk = scope.key('EMP', '199501012020011001');
      return doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: main,
                Item: { pk, sk: `ACT#${date}#${slot(i)}#${randomUUID()}`, ...body(i), status: 'pending', version: 1 },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: { TableName: main, Item: { pk, sk: `DAY#${date}`, loggedMinutes: 5 * (i + 1), dayVersion: i + 1 } },
            },
            {
              Update: {
                TableName: main,
                Key: { pk, sk: `TOTAL#${date.slice(0, 7)}` },
                UpdateExpression: 'ADD pending :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    };
    // The bare calls the handler makes: the caller's record; then year, plan and day (+ its activities) together; then the transaction.
    const bareCalls = async (i: number) => {
      const pk = scope.key('EMP', STAFF);
      await doc.send(new GetCommand({ TableName: main, Key: { pk, sk: 'PROFILE' } }));
      await Promise.all([
        doc.send(
          new QueryCommand({
            TableName: main,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': scope.key('YEAR', String(year)) },
          }),
        ),
        doc.send(
          new QueryCommand({
            TableName: main,
            KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
            ExpressionAttributeValues: { ':p': pk, ':s': `PLAN#${year}#` },
          }),
        ),
        doc.send(new GetCommand({ TableName: main, Key: { pk, sk: `DAY#${date}` }, ConsistentRead: true })).then(() =>
          doc.send(
            new QueryCommand({
              TableName: main,
              KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
              ExpressionAttributeValues: { ':p': pk, ':s': `ACT#${date}#` },
              ConsistentRead: true,
            }),
          ),
        ),
      ]);
      await bareTransaction(i + 1000);
    };

    const handlerMs: number[] = [];
    const txMs: number[] = [];
    const callsMs: number[] = [];
    for (let i = 0; i < N; i++) {
      // Rotate the order each round so drift hits all three alike.
      const steps = [
        async () =>
          handlerMs.push(
            await time(async () => {
              const res = await create(
                event('POST', '/employees/me/activities', STAFF, { nip: 'me' }, body(i)),
                context,
              );
              if (res.statusCode !== 201) throw new Error(`create failed: ${res.body}`);
            }),
          ),
        async () => txMs.push(await time(() => bareTransaction(i))),
        async () => callsMs.push(await time(() => bareCalls(i))),
      ];
      for (let k = 0; k < 3; k++) await steps[(i + k) % 3]!();
    }
    console.log(`\nCreate an activity, ${N} paired rounds on DynamoDB Local (median ms):`);
    console.log(
      `  handler ${median(handlerMs).toFixed(1)} · bare transaction ${median(txMs).toFixed(1)} · bare calls (same reads + transaction) ${median(callsMs).toFixed(1)}`,
    );
    console.log(
      `  handler / bare calls = ${(median(handlerMs) / median(callsMs)).toFixed(2)}×  (target ≤ 1.3×: our overhead beyond the I/O)`,
    );
    console.log(
      `  handler / bare transaction = ${(median(handlerMs) / median(txMs)).toFixed(2)}×  (the rule reads: period, plan, day, overlaps, caller)`,
    );

    // 2. The queue: 50 subordinates × 20 pending entries for one supervisor. The subordinates are real employees
    //    (the queue checks each entry's owner still reports there); the entries are written directly.
    const employees = new EmployeeRepository(scope);
    for (let s = 0; s < 50; s++) {
      await employees.create(
        {
          nip: `1990010120200110${String(s).padStart(2, '0')}`,
          name: `Bawahan ${s}`,
          position: 'Staf',
          employmentType: 'PNS',
          unitCode: 'DUK-IDK',
          unitPath: '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
          supervisorNip: KASI,
          status: 'active',
        },
        { actor: 'bench', now: new Date().toISOString() },
      );
    }
    const items = Array.from({ length: 1000 }, (_, i) => {
      const nip = `1990010120200110${String(Math.floor(i / 20)).padStart(2, '0')}`;
      const id = randomUUID();
      const d = `${date}`;
      return {
        pk: scope.key('EMP', nip),
        sk: `ACT#${d}#${slot(i % 200)}#${id}`,
        gsi1pk: scope.key('VERIFY', KASI),
        gsi1sk: `${d}#${slot(i % 200)}#${nip}#${id}`,
        id,
        nip,
        date: d,
        start: slot(i % 200),
        end: slot((i % 200) + 1),
        status: 'pending',
        year: yearOf(d),
        planVersion: 1,
        rhkId: 's-1',
        ikiId: 's-1-a',
        version: 1,
      };
    });
    for (let i = 0; i < items.length; i += 25) {
      await doc.send(
        new BatchWriteCommand({
          RequestItems: { [main]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    }
    let requests = 0;
    doc.middlewareStack.add(
      (next) => async (args) => {
        requests++;
        return next(args);
      },
      { step: 'initialize', name: 'benchCounter' },
    );
    const queue = (await import('../../functions/activities/get-verification-queue.ts')).handler as unknown as (
      e: unknown,
      c: unknown,
    ) => Promise<{ statusCode: number; body: string }>;
    let cursor: string | undefined;
    let pages = 0;
    let seen = 0;
    const pageMs: number[] = [];
    do {
      const before = requests;
      const ms = await time(async () => {
        const res = await queue(
          event('GET', '/employees/me/verification-queue', KASI, { nip: 'me' }, undefined, {
            limit: '100',
            ...(cursor ? { cursor } : {}),
          }),
          context,
        );
        const out = JSON.parse(res.body) as { items: unknown[]; nextCursor?: string };
        seen += out.items.length;
        cursor = out.nextCursor;
      });
      pageMs.push(ms);
      pages++;
      if (pages === 1) {
        console.log(
          `\nVerification queue, 50 subordinates × 20 pending: DynamoDB requests for page 1 = ${requests - before} ` +
            "(1 query of the queue, 1 read of the caller's own record, batch reads of the entries' owners and of their plan versions)",
        );
      }
    } while (cursor && pages < 20);
    console.log(
      `  ${seen} entries in ${pages} pages of 100; median page ${median(pageMs).toFixed(1)} ms; ${(requests / pages).toFixed(1)} requests per page`,
    );

    await decisionsBench(scope, date);
  });
}

const ROUNDS = Number(process.env.BENCH_DECISION_ROUNDS ?? 40);

/**
 * 3. A supervisor's 50 decisions in one request — 10 subordinates × 5 entries of one day — through the handler,
 *    against the bare DynamoDB calls they need in the same run: the caller's record; the owners, the entries with
 *    their days (consistent) and the year, read side by side; then one transaction per person and day (5 entries,
 *    the day, the period total, the indicator totals), the people side by side. Approve and reopen alternate.
 */
async function decisionsBench(scope: OrgScope, date: string): Promise<void> {
  const doc = documentClient();
  const main = tableName('main');
  const repo = new ActivityRepository(scope);
  const owners = Array.from({ length: 10 }, (_, s) => `1990010120200110${String(s).padStart(2, '0')}`);
  const write = { actor: 'bench', now: new Date().toISOString() };
  const entries: Activity[] = [];
  for (const nip of owners) {
    for (let k = 0; k < 5; k++) {
      const start = `${String(18 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}`;
      const end = `${String(18 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '59' : '29'}`;
      const made = await repo.apply(
        {
          after: {
            id: randomUUID(),
            nip,
            date,
            start,
            end,
            minutes: 29,
            description: 'Bench',
            year: yearOf(date),
            periodId: date.slice(0, 7),
            rhkId: 'r',
            ikiId: `k${k % 2}`,
            planVersion: 1,
            outputQuantity: 1,
            outputUnit: 'u',
            evidence: [],
            status: 'pending',
            supervisorNip: KASI,
          },
        },
        450,
        write,
      );
      entries.push(made!);
    }
  }
  const decide = (await import('../../functions/activities/decide-activities.ts')).handler as unknown as (
    e: unknown,
    c: unknown,
  ) => Promise<{ statusCode: number; body: string }>;

  // The bare calls, on a shadow copy of the same partitions (the real entries are the handler's).
  const shadow = (nip: string) => scope.key('EMP', `bare-${nip}`);
  const bare = async (round: number) => {
    await doc.send(new GetCommand({ TableName: main, Key: { pk: scope.key('EMP', KASI), sk: 'PROFILE' } }));
    const keys = [
      ...entries.map((e) => ({ pk: scope.key('EMP', e.nip), sk: `ACT#${e.date}#${e.id}` })),
      ...owners.map((nip) => ({ pk: scope.key('EMP', nip), sk: `DAY#${date}` })),
    ];
    const batches = [];
    for (let i = 0; i < keys.length; i += 25)
      batches.push({ [main]: { Keys: keys.slice(i, i + 25), ConsistentRead: true } });
    const [, found] = await Promise.all([
      doc.send(
        new BatchGetCommand({
          RequestItems: { [main]: { Keys: owners.map((nip) => ({ pk: scope.key('EMP', nip), sk: 'PROFILE' })) } },
        }),
      ),
      Promise.all(batches.map((RequestItems) => doc.send(new BatchGetCommand({ RequestItems })))),
      doc.send(
        new QueryCommand({
          TableName: main,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': scope.key('YEAR', String(yearOf(date))) },
        }),
      ),
    ]);
    const items = found.flatMap((f) => f.Responses?.[main] ?? []);
    await Promise.all(
      owners.map((nip) => {
        const pk = shadow(nip);
        const mine = items.filter((i) => i.pk === scope.key('EMP', nip) && (i.sk as string).startsWith('ACT#'));
        return doc.send(
          new TransactWriteCommand({
            TransactItems: [
              ...mine.map((i) => ({
                Put: {
                  TableName: main,
                  Item: { ...i, pk, status: round % 2 ? 'pending' : 'approved', version: round + 1 },
                  ConditionExpression: 'attribute_not_exists(pk) OR version = :v',
                  ExpressionAttributeValues: { ':v': round },
                },
              })),
              {
                Put: {
                  TableName: main,
                  Item: { pk, sk: `DAY#${date}`, loggedMinutes: 145, approvedMinutes: 145, dayVersion: round + 1 },
                  ConditionExpression: 'attribute_not_exists(pk) OR dayVersion = :dv',
                  ExpressionAttributeValues: { ':dv': round },
                },
              },
              ...['', '#IKI#k0', '#IKI#k1'].map((suffix) => ({
                Update: {
                  TableName: main,
                  Key: { pk, sk: `TOTAL#${date.slice(0, 7)}${suffix}` },
                  UpdateExpression: 'SET periodId = :p ADD approved :n, countedMinutes :m',
                  ExpressionAttributeValues: { ':p': date.slice(0, 7), ':n': 1, ':m': 29 },
                },
              })),
            ],
          }),
        );
      }),
    );
  };

  let current = entries;
  const handlerMs: number[] = [];
  const bareMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const decision = round % 2 ? 'reopen' : 'approve';
    const request = async () =>
      handlerMs.push(
        await time(async () => {
          const res = await decide(
            event(
              'POST',
              '/activities/decisions',
              KASI,
              {},
              {
                decisions: current.map((e) => ({ nip: e.nip, date: e.date, id: e.id, version: e.version, decision })),
              },
            ),
            context,
          );
          const results = (JSON.parse(res.body) as { results: { status: number; activity: Activity }[] }).results;
          if (res.statusCode !== 200 || results.some((r) => r.status !== 200))
            throw new Error(`decisions failed: ${res.body.slice(0, 500)}`);
          current = results.map((r) => r.activity);
        }),
      );
    const steps = [request, async () => bareMs.push(await time(() => bare(round)))];
    for (let k = 0; k < 2; k++) await steps[(round + k) % 2]!();
  }
  console.log(`\n50 decisions in one request (10 people × 5 entries of a day), ${ROUNDS} paired rounds (median ms):`);
  console.log(
    `  handler ${median(handlerMs).toFixed(1)} · bare calls (same batch reads + 10 transactions) ${median(bareMs).toFixed(1)}`,
  );
  console.log(
    `  handler / bare calls = ${(median(handlerMs) / median(bareMs)).toFixed(2)}×  (target ≤ 1.3×: our overhead beyond the I/O)`,
  );
}

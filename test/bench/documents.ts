/**
 * `npm run bench -- documents`: the recap workbook of a unit of 2,000 people against the plain JSON handlers for the
 * same data, in the same run, on DynamoDB Local:
 * 1. time to answer through each handler in process (paired, alternating rounds; medians): the workbook
 *    (get-unit-recap) against the reward list as JSON (get-unit-rewards, one call, which reads the same 2,000
 *    evaluations), and against everything a client would call for the same figures as JSON (the reward list, the unit
 *    activity and the service indicators, all pages of 100);
 * 2. the workbook's size and its base64 response against Lambda's 6 MB;
 * 3. bundle size of get-unit-recap against get-unit-rewards, bundled as the stack does (infra/bundling.ts).
 * Then the SKP PDF's bench (test/bench/documents-pdf.ts), when it is there.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundling } from '../../infra/bundling.ts';
import { DEMO_ORG, demoPeople } from '../../infra/local/demo-data.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import type { Item } from '../../shared/store/org-scope.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { openYear } from '../support/services.ts';
import { withBenchDatabase } from './support.ts';

const PEOPLE = Number(process.env.BENCH_RECAP_PEOPLE ?? 2_000);
const ROUNDS = Number(process.env.BENCH_RECAP_ROUNDS ?? 5);
const SEKSI = 4;
const PERIOD = '2026-10';
const LAMBDA_LIMIT = 6 * 1024 * 1024;
const BKPSDM = demoPeople.find((p) => p.groups?.includes('admin_bkpsdm'))!.nip;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
type Handler = (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string; isBase64Encoded?: boolean }>;
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 } as never;

const event = (path: string, params: Record<string, string>, query?: Record<string, string>) => ({
  version: '2.0',
  routeKey: `GET ${path}`,
  rawPath: path,
  rawQueryString: '',
  headers: {},
  pathParameters: params,
  ...(query ? { queryStringParameters: query } : {}),
  requestContext: {
    requestId: randomUUID(),
    http: { method: 'GET', path },
    authorizer: {
      jwt: {
        claims: {
          'custom:org': DEMO_ORG.orgId,
          'custom:nip': BKPSDM,
          'cognito:groups': '[admin_bkpsdm]',
          token_use: 'id',
          sub: BKPSDM,
        },
      },
    },
  },
  isBase64Encoded: false,
});

async function bundleSize(name: string, entry: string, dir: string): Promise<number> {
  const file = join(dir, name, 'index.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    outfile: file,
    logLevel: 'error',
    ...bundling,
    banner: { js: bundling.banner },
  });
  return statSync(file).size;
}

/** 2,000 people in four seksi of one OPD, each with a computed evaluation, behaviour ratings, totals and days. */
async function seed(scope: Parameters<Parameters<typeof withBenchDatabase>[0]>[0]) {
  const ctx = { actor: 'bench', now: new Date().toISOString() };
  await openYear(2026);
  const units = new UnitRepository(scope);
  await units.create({ code: 'BENCH', name: 'Dinas Bench', kind: 'opd', path: '/BENCH/' }, ctx);
  await units.create(
    { code: 'BENCH-B', name: 'Bidang Bench', kind: 'bidang', parentCode: 'BENCH', path: '/BENCH/BENCH-B/' },
    ctx,
  );
  const employees = new EmployeeRepository(scope);
  const evaluations = new EvaluationRepository(scope);
  const items: Item[] = [];
  const perUnit = Math.ceil(PEOPLE / SEKSI);
  const values = ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'];
  for (let u = 0; u < SEKSI; u++) {
    const code = `BENCH-S${u}`;
    const path = `/BENCH/BENCH-B/${code}/`;
    await units.create({ code, name: `Seksi Bench ${u}`, kind: 'seksi', parentCode: 'BENCH-B', path }, ctx);
    for (let i = 0; i < perUnit && u * perUnit + i < PEOPLE; i++) {
      const n = u * perUnit + i;
      const nip = `199001012020${String(n).padStart(6, '0')}`;
      const head = `199001012020${String(u * perUnit).padStart(6, '0')}`;
      const person = {
        nip,
        name: `Pegawai Bench ${n}`,
        position: 'Pengadministrasi Kependudukan',
        unitCode: code,
        unitPath: path,
        supervisorNip: i === 0 ? null : head,
      };
      items.push(employees.toItem({ ...person, employmentType: 'PNS', status: 'active' }, ctx));
      const capaian = 80 + (n % 40);
      const nilai = capaian * 0.6 + 100 * 0.4;
      items.push(
        evaluations.computedItem(
          {
            ...person,
            periodId: PERIOD,
            planVersion: 1,
            rulesVersion: 1,
            hasilKerja: {
              indicators: [
                {
                  id: 'a',
                  kind: 'utama',
                  weight: 60,
                  capaian,
                  cappedCapaian: capaian,
                  level: capaian >= 110 ? 'above' : capaian >= 90 ? 'meets' : 'below',
                },
                { id: 'b', kind: 'utama', weight: 40, capaian: 100, cappedCapaian: 100, level: 'meets' },
              ] as never,
              nilaiKinerja: nilai,
              nilaiKinerjaRounded: Math.round(nilai * 100) / 100,
              recommended: capaian >= 110 ? 'di_atas' : 'sesuai',
              sources: {},
            },
            head: null,
            recommendedHasilKerja: capaian >= 110 ? 'di_atas' : 'sesuai',
            inputsHash: `h${n}`,
            runId: 'bench',
            computedAt: ctx.now,
          },
          ctx,
        ),
      );
      items.push({
        ...evaluations.key(nip, PERIOD),
        nip,
        periodId: PERIOD,
        behaviour: { values: Object.fromEntries(values.map((v) => [v, 'sesuai'])), by: head, at: ctx.now },
        version: 1,
      });
      const pk = scope.key('EMP', nip);
      items.push({
        pk,
        sk: `TOTAL#${PERIOD}`,
        periodId: PERIOD,
        pending: 2,
        approved: 38,
        rejected: 1,
        countedMinutes: 9000,
      });
      for (const day of ['2026-10-05', '2026-10-06', '2026-10-07'])
        items.push({
          pk,
          sk: `DAY#${day}`,
          date: day,
          loggedMinutes: 300,
          approvedMinutes: 300,
          countedMinutes: 300,
          dayVersion: 1,
        });
    }
  }
  await scope.putMany('main', items);
}

export async function documentsBench(): Promise<void> {
  await withBenchDatabase(async (scope) => {
    const seeded = performance.now();
    await seed(scope);
    console.log(`\nRecap workbook: ${PEOPLE} people seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const recap = (await import('../../functions/documents/get-unit-recap.ts')).handler as unknown as Handler;
    const rewards = (await import('../../functions/evaluations/get-unit-rewards.ts')).handler as unknown as Handler;
    const activity = (await import('../../functions/activities/get-unit-activity.ts')).handler as unknown as Handler;
    const indicators = (await import('../../functions/services/get-unit-service-indicators.ts'))
      .handler as unknown as Handler;
    const params = { code: 'BENCH', periodId: PERIOD };
    const call = async (h: Handler, path: string, query?: Record<string, string>) => {
      const res = await h(event(path, params, query), context);
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    const timed = async (work: () => Promise<unknown>) => {
      const t = performance.now();
      await work();
      return performance.now() - t;
    };
    let workbook = { bytes: 0, body: 0 };
    const runs = {
      recap: async () => {
        const res = await call(recap, '/units/BENCH/recap/2026-10', { format: 'xlsx' });
        workbook = { bytes: Buffer.from(res.body, 'base64').length, body: Buffer.byteLength(res.body) };
      },
      rewards: () => call(rewards, '/units/BENCH/rewards/2026-10', { limit: '100' }),
      allJson: async () => {
        // Every page of each, as a client collecting the same figures would call them.
        let cursor: string | undefined;
        do {
          const res = await call(rewards, '/units/BENCH/rewards/2026-10', {
            limit: '100',
            ...(cursor ? { cursor } : {}),
          });
          cursor = JSON.parse(res.body).nextCursor;
        } while (cursor);
        do {
          const res = await call(activity, '/units/BENCH/activity/2026-10', {
            limit: '100',
            ...(cursor ? { cursor } : {}),
          });
          cursor = JSON.parse(res.body).nextCursor;
        } while (cursor);
        await call(indicators, '/units/BENCH/service-indicators/2026-10');
      },
    };
    for (const run of Object.values(runs)) await run(); // warm: modules loaded, connections open
    const times: Record<keyof typeof runs, number[]> = { recap: [], rewards: [], allJson: [] };
    const names = Object.keys(runs) as (keyof typeof runs)[];
    for (let i = 0; i < ROUNDS; i++)
      for (const name of i % 2 ? [...names].reverse() : names) times[name].push(await timed(runs[name]));
    const ms = { recap: median(times.recap), rewards: median(times.rewards), allJson: median(times.allJson) };
    // Where the workbook's time goes: the reads (every sheet's data) and the writing of the file.
    const { unitRecapData } = await import('../../shared/app/recap.ts');
    const { recapSheets } = await import('../../shared/domain/workbooks.ts');
    const { xlsxOf } = await import('../../shared/domain/workbooks-xlsx.ts');
    const ctx = {
      scope,
      principal: {
        kind: 'user' as const,
        orgId: DEMO_ORG.orgId,
        nip: BKPSDM,
        groups: ['admin_bkpsdm' as const],
        subject: BKPSDM,
      },
      actor: (await new EmployeeRepository(scope).get(BKPSDM))!,
      now: new Date(),
      lang: 'id' as const,
      requestId: 'bench',
    };
    const split = { reads: [] as number[], write: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      let data!: Awaited<ReturnType<typeof unitRecapData>>['data'];
      split.reads.push(await timed(async () => ({ data } = await unitRecapData(ctx, 'BENCH', PERIOD))));
      split.write.push(await timed(() => xlsxOf(recapSheets(data), ctx.now)));
    }

    const dir = mkdtempSync(join(tmpdir(), 'kinerja-bench-recap-'));
    let bundle: { recap: number; rewards: number };
    try {
      bundle = {
        recap: await bundleSize('get-unit-recap', 'functions/documents/get-unit-recap.ts', dir),
        rewards: await bundleSize('get-unit-rewards', 'functions/evaluations/get-unit-rewards.ts', dir),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(`${ROUNDS} paired rounds, medians; caller: BKPSDM; unit BENCH (${SEKSI} seksi), period ${PERIOD}`);
    console.log(`  workbook (get-unit-recap)                 ${ms.recap.toFixed(0).padStart(7)} ms`);
    console.log(
      `    of which reads ${median(split.reads).toFixed(0)} ms, writing the .xlsx ${median(split.write).toFixed(0)} ms`,
    );
    console.log(
      `  reward list as JSON, one call (100 rows)  ${ms.rewards.toFixed(0).padStart(7)} ms   workbook ${(ms.recap / ms.rewards).toFixed(2)}×`,
    );
    console.log(
      `  all JSON for the same figures (pages)     ${ms.allJson.toFixed(0).padStart(7)} ms   workbook ${(ms.recap / ms.allJson).toFixed(2)}×`,
    );
    console.log(
      `  workbook file ${kb(workbook.bytes)}, response body (base64) ${kb(workbook.body)}: ${((workbook.body / LAMBDA_LIMIT) * 100).toFixed(0)}% of Lambda's 6 MB`,
    );
    console.log(
      `  bundle: get-unit-recap ${kb(bundle.recap)}, get-unit-rewards ${kb(bundle.rewards)}: ${(bundle.recap / bundle.rewards).toFixed(2)}×`,
    );
  });

  // The SKP PDF's bench (test/bench/documents-pdf.ts, by the documents helper) when it is in the tree, in a process of
  // its own: it starts its own DynamoDB Local, and a process keeps one DocumentClient for the first one it met.
  const pdf = join(import.meta.dirname, 'documents-pdf.ts');
  if (!existsSync(pdf)) {
    console.log('\n(SKP PDF bench: test/bench/documents-pdf.ts is not there yet)');
    return;
  }
  const script = `const m = await import(${JSON.stringify(pathToFileURL(pdf).href)}); await (m.pdfBench ?? m.documentsPdfBench)();`;
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'inherit' });
}

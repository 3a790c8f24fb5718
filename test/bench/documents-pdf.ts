/**
 * The SKP as a PDF, measured in the same run against the plain JSON handler for the same data (get-plan):
 * 1. time to answer, through each handler in process on DynamoDB Local (paired, alternating rounds; medians), for a
 *    plan of 5 RHK × 4 IKI;
 * 2. bundle size of the printing function and of get-plan, bundled exactly as the stack does (infra/bundling.ts),
 *    with the fonts shipped beside it (not in the bundle: the code is index.mjs).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { bundling } from '../../infra/bundling.ts';
import { DEMO_ORG } from '../../infra/local/demo-data.ts';
import type { Rhk } from '../../shared/domain/plans.ts';
import { PlanRepository } from '../../shared/store/plans.ts';
import { withBenchDatabase } from './support.ts';

const STAFF = '199001152015031003';
const ROUNDS = Number(process.env.BENCH_PDF_ROUNDS ?? 30);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
type Handler = (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string; isBase64Encoded?: boolean }>;

const event = (path: string, params: Record<string, string>, query?: Record<string, string>) => ({
  version: '2.0',
  routeKey: `GET ${path}`,
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'bench.invalid' },
  pathParameters: params,
  ...(query ? { queryStringParameters: query } : {}),
  requestContext: {
    requestId: randomUUID(),
    http: { method: 'GET', path },
    authorizer: {
      jwt: {
        claims: {
          'custom:org': DEMO_ORG.orgId,
          'custom:nip': STAFF,
          'cognito:groups': '[]',
          token_use: 'id',
          sub: STAFF,
        },
      },
    },
  },
  isBase64Encoded: false,
});
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10_000 } as never;

const plan = (): Rhk[] =>
  Array.from({ length: 5 }, (_, r) => ({
    id: `r-${r + 1}`,
    kind: r < 3 ? 'utama' : 'tambahan',
    title: `Rencana hasil kerja ${r + 1}: terlayaninya penerbitan dokumen kependudukan tepat waktu`,
    unitGoal: 'Pelayanan administrasi kependudukan yang prima',
    iki: Array.from({ length: 4 }, (_, k) => ({
      id: `k-${r + 1}-${k + 1}`,
      name: `Jumlah dokumen kependudukan yang diterbitkan sesuai standar pelayanan (${r + 1}.${k + 1})`,
      aspect: 'kuantitas' as const,
      target: { kind: 'single' as const, value: 1200 },
      unit: 'dokumen',
      direction: 'higher' as const,
      weight: 5,
    })),
  }));

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

export interface DocumentsPdfResult {
  json: { ms: number; bytes: number };
  pdf: { ms: number; bytes: number };
  timeRatio: number;
  bundle: { json: number; pdf: number; ratio: number };
}

/** One SKP PDF vs the JSON of the same plan; prints its rows and returns the figures (test/bench/documents.ts). */
export async function documentsPdfBench(): Promise<DocumentsPdfResult> {
  let result!: DocumentsPdfResult;
  await withBenchDatabase(async (scope) => {
    const year = new Date().getUTCFullYear();
    await new PlanRepository(scope).add(
      { nip: STAFF, year, planVersion: 1, state: 'approved', effectiveFrom: `${year}-01-01`, rhk: plan() },
      { actor: 'bench', now: new Date().toISOString() },
    );
    const getPlan = (await import('../../functions/plans/get-plan.ts')).handler as unknown as Handler;
    const getPdf = (await import('../../functions/documents/get-plan-document.ts')).handler as unknown as Handler;
    const params = { nip: STAFF, year: String(year) };
    const run = async (h: Handler, path: string) => {
      const t = performance.now();
      const res = await h(event(path, params), context);
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return { ms, bytes: res.isBase64Encoded ? Buffer.from(res.body, 'base64').length : Buffer.byteLength(res.body) };
    };
    const jsonPath = `/employees/${STAFF}/plans/${year}`;
    const pdfPath = `${jsonPath}/document`;
    // Warm: modules loaded, fonts read, connections open.
    for (let i = 0; i < 3; i++) {
      await run(getPlan, jsonPath);
      await run(getPdf, pdfPath);
    }
    const json: number[] = [];
    const pdf: number[] = [];
    let sizes = { json: 0, pdf: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? ([getPlan, getPdf] as const) : ([getPdf, getPlan] as const);
      for (const h of order) {
        const r = await run(h, h === getPlan ? jsonPath : pdfPath);
        (h === getPlan ? json : pdf).push(r.ms);
        sizes = { ...sizes, [h === getPlan ? 'json' : 'pdf']: r.bytes };
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-bench-pdf-'));
    try {
      const bundle = {
        json: await bundleSize('get-plan', 'functions/plans/get-plan.ts', dir),
        pdf: await bundleSize('get-plan-document', 'functions/documents/get-plan-document.ts', dir),
      };
      result = {
        json: { ms: median(json), bytes: sizes.json },
        pdf: { ms: median(pdf), bytes: sizes.pdf },
        timeRatio: median(pdf) / median(json),
        bundle: { ...bundle, ratio: bundle.pdf / bundle.json },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`\nSKP as PDF vs get-plan JSON (plan of 5 RHK × 4 IKI, ${ROUNDS} paired rounds, medians)`);
  console.log(
    `  time   get-plan ${result.json.ms.toFixed(1)} ms (${kb(result.json.bytes)} JSON)   ` +
      `get-plan-document ${result.pdf.ms.toFixed(1)} ms (${kb(result.pdf.bytes)} PDF)   ${result.timeRatio.toFixed(2)}×`,
  );
  console.log(
    `  bundle get-plan ${kb(result.bundle.json)}   get-plan-document ${kb(result.bundle.pdf)}   ` +
      `${result.bundle.ratio.toFixed(2)}× (fonts beside it: 2 × ~210 KB base64, not in the bundle)`,
  );
  return result;
}

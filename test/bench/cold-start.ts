/**
 * Cold start per function: bundle size and module-initialisation time, each as a ratio to a bare handler making
 * the same AWS calls with nothing else: a DocumentClient and one GetCommand, plus an SES v2 SendEmailCommand for a
 * function that `sendsEmail` and a Secrets Manager GetSecretValueCommand for one with `secrets` (a function that
 * must call SES cannot be smaller than the SES client), and the CSV parser for an operation whose body is CSV (the
 * import must parse it; csv-parse is the library that does). Bundled the same way (infra/bundling.ts), measured in the
 * same run with paired, alternating fresh processes. Target: ≤ 1.3× on both.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundling, prebuiltFiles } from '../../infra/bundling.ts';
import { routeSpecs } from '../../shared/api/index.ts';
import { type FunctionDef, functions } from '../../shared/platform/manifest.ts';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, '.bench', 'cold-start');
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
/** BENCH_FUNCTIONS=health,create-activity measures only those. */
const only = process.env.BENCH_FUNCTIONS?.split(',');
const TARGET = 1.3;
/** Operations whose request body is CSV (their route spec says so). */
const csvBodies = new Set(routeSpecs.filter((s) => s.bodyType === 'csv').map((s) => s.name));

/** The bare handler: one GetCommand, plus the SES and Secrets Manager calls `calls` asks for. */
function bareSource(calls: { email: boolean; secret: boolean; csv: boolean }): string {
  return [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
    calls.email && "import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';",
    calls.secret && "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
    calls.csv && "import { parse } from 'csv-parse/sync';",
    'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    calls.email && 'const ses = new SESv2Client({});',
    calls.secret && 'const secrets = new SecretsManagerClient({});',
    'export const handler = async (event) => {',
    calls.secret && '  await secrets.send(new GetSecretValueCommand({ SecretId: process.env.SURVEY_SECRET_ARN }));',
    calls.csv && '  parse(String(event.body ?? ""), { columns: true });',
    "  const out = await doc.send(new GetCommand({ TableName: process.env.MAIN_TABLE, Key: { pk: String(event.pk), sk: 'PROFILE' } }));",
    calls.email &&
      "  await ses.send(new SendEmailCommand({ FromEmailAddress: process.env.EMAIL_FROM, Destination: { ToAddresses: [String(event.to)] }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } } }));",
    '  return { statusCode: 200, body: JSON.stringify(out.Item ?? null) };',
    '};',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A function's baseline: its name in the report and the calls its bare handler makes. */
function baselineOf(fn: FunctionDef): { name: string; email: boolean; secret: boolean; csv: boolean } {
  const email = fn.sendsEmail === true;
  const secret = (fn.secrets ?? []).length > 0;
  const csv = csvBodies.has(fn.name);
  return {
    name: ['bare', email && '+ses', secret && '+secrets', csv && '+csv'].filter(Boolean).join(''),
    email,
    secret,
    csv,
  };
}

async function bundle(name: string, entry: string): Promise<string> {
  const file = join(out, name, 'index.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    outfile: file,
    logLevel: 'error',
    ...bundling,
    banner: { js: bundling.banner },
  });
  // Shipped beside the bundle as deployed (not counted in its size: the code is index.mjs).
  for (const [fileName, make] of Object.entries(prebuiltFiles[name] ?? {}))
    writeFileSync(join(out, name, fileName), make());
  return file;
}

/** Module initialisation time of a bundle, in a fresh Node process (what a cold start pays after the runtime boots). */
function initMs(file: string): number {
  const script = `const t=process.hrtime.bigint();await import(${JSON.stringify(pathToFileURL(file).href)});console.log(Number(process.hrtime.bigint()-t)/1e6);`;
  const env = {
    ...process.env,
    AWS_REGION: 'ap-southeast-3',
    MAIN_TABLE: 'bench',
    AUDIT_TABLE: 'bench',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env }).toString().trim());
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function coldStartBench(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  const measured = functions.filter((f) => !only || only.includes(f.name));
  /** Each baseline bundled once, by name. */
  const bares = new Map<string, { file: string; size: number }>();
  for (const { name, ...calls } of measured.map(baselineOf)) {
    if (bares.has(name)) continue;
    mkdirSync(join(out, name), { recursive: true });
    writeFileSync(join(out, name, 'handler.mjs'), bareSource(calls));
    const file = await bundle(name, join(out, name, 'handler.mjs'));
    bares.set(name, { file, size: statSync(file).size });
    initMs(file); // warm the file cache once
  }
  const baselines = [...bares].map(([name, b]) => `${name} ${(b.size / 1024).toFixed(0)} KB`).join(', ');
  console.log(
    `Cold start vs a bare handler making the same AWS calls (${baselines}), ${rounds} paired rounds, target ≤ ${TARGET}×\n`,
  );
  console.log(
    `${'function'.padEnd(32)} ${'bundle KB'.padStart(9)} ${'size ×'.padStart(7)} ${'init ms'.padStart(8)} ${'bare ms'.padStart(8)} ${'init ×'.padStart(7)}  baseline`,
  );

  const rows: { name: string; size: number; init: number }[] = [];
  for (const fn of measured) {
    const baseline = baselineOf(fn).name;
    const bare = bares.get(baseline)!;
    const file = await bundle(fn.name, resolve(root, fn.entry));
    initMs(file);
    const mine: number[] = [];
    const base: number[] = [];
    // Alternate the order each round so drift on a busy machine hits both sides alike.
    for (let i = 0; i < rounds; i++) {
      if (i % 2) {
        mine.push(initMs(file));
        base.push(initMs(bare.file));
      } else {
        base.push(initMs(bare.file));
        mine.push(initMs(file));
      }
    }
    const size = statSync(file).size / bare.size;
    const init = median(mine) / median(base);
    rows.push({ name: fn.name, size, init });
    const mark = (x: number) => `${x.toFixed(2)}${x <= TARGET ? ' ' : '!'}`;
    console.log(
      `${fn.name.padEnd(32)} ${(statSync(file).size / 1024).toFixed(0).padStart(9)} ${mark(size).padStart(7)} ${median(mine).toFixed(1).padStart(8)} ${median(base).toFixed(1).padStart(8)} ${mark(init).padStart(7)}  ${baseline}`,
    );
  }
  const over = rows.filter((r) => r.size > TARGET || r.init > TARGET);
  console.log(
    `\n${rows.length - over.length}/${rows.length} functions within ${TARGET}× on both (! marks a ratio above target).`,
  );
}

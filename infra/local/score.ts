/**
 * `npm run score -- --period 2026-11 [--unit DUK-IDK] [--org kota-medan] [--close]`
 * Runs the scoring of a period against the local data (`npm start` must be running), task by task with progress:
 * the same tasks and code the stream consumer runs in the cloud, here inline. Re-running gives the same results.
 */
import { parseArgs } from 'node:util';
import { runScoringTask } from '../../shared/app/scoring.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { ScoringRunRepository } from '../../shared/store/scoring.ts';
import { YearRepository } from '../../shared/store/years.ts';
import { DEMO_ORG } from './demo-data.ts';
import { LOCAL_TABLES } from './paths.ts';
import { configureEnvironment } from './runtime.ts';
import { progressOn } from './terminal.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const USAGE = `Usage: npm run score -- --period <YYYY-MM|YYYY-Qn|YYYY> [--unit <code>] [--org <org-id>] [--close]

Scores a period of the local data (npm start must be running), task by task, as the cloud does.
  --period   the period to score, e.g. 2026-11
  --unit     only this unit and the units below it (default: the whole organisation)
  --org      the organisation (default: the demo's, kota-medan)
  --close    close the period first if it is still open
  -h, --help this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      period: { type: 'string' },
      unit: { type: 'string' },
      org: { type: 'string' },
      close: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (!values.period) throw new Error(`--period is missing.\n${USAGE}`);
  const endpoint = `http://localhost:${process.env.DYNAMODB_PORT ?? 8100}`;
  const reachable = await fetch(endpoint).then(
    () => true,
    () => false,
  );
  if (!reachable)
    throw new Error(`no DynamoDB Local at ${endpoint}: start the product first (npm start), or set DYNAMODB_PORT.`);
  configureEnvironment(endpoint, LOCAL_TABLES);

  const scope = new OrgScope(values.org ?? DEMO_ORG.orgId);
  const ctx = () => ({ actor: 'system:npm-run-score', now: new Date().toISOString() });
  const year = Number(values.period.slice(0, 4));
  let period = await new YearRepository(scope).findPeriod(values.period);
  if (period.state === 'open') {
    if (!values.close)
      throw new Error(
        `period ${period.id} is still open (input deadline ${period.inputDeadline}); add --close to close it and score.`,
      );
    period = await new YearRepository(scope).updatePeriod(
      year,
      period.id,
      period.version,
      () => ({ state: 'closed' }),
      ctx(),
    );
    console.log(`closed period ${period.id}`);
  }
  const runs = new ScoringRunRepository(scope);
  const { run, tasks } = await runs.start(period, year, values.unit ?? null, 'inline', ctx());
  console.log(
    `scoring run ${run.runId}: period ${run.periodId}, rules version ${run.rulesVersion}${run.unitCode ? `, unit ${run.unitCode} and below` : ''}`,
  );
  const started = Date.now();
  const progress = progressOn(process.stdout);
  let total = 0;
  for (const queue = [...tasks]; queue.length > 0; ) {
    const task = queue.shift()!;
    const { scored, next } = await runScoringTask(scope, task, ctx(), (n) =>
      progress.update(`  ${task.unitCode} slice ${task.slice}: ${n}…`),
    );
    await runs.markDone(task, scored, ctx().now);
    if (next) queue.push(next);
    total += scored;
    progress.line(`  ${task.unitCode}${task.slice ? ` (slice ${task.slice})` : ''}: ${scored} scored`);
  }
  await runs.finishIfComplete(run.periodId, run.runId, ctx());
  const after = await new YearRepository(scope).findPeriod(run.periodId);
  console.log(
    `done: ${total} evaluations in ${((Date.now() - started) / 1000).toFixed(1)} s; period ${after.id} is ${after.state}.`,
  );
}

main().catch((err: unknown) => {
  console.error(`kinerja-asn score: ${(err as Error).message}`);
  process.exit(1);
});

/**
 * Scoring's own path: tasks go through the scoring-tasks queue (infra/local/queues.ts locally, SQS on AWS), not the
 * table's stream, so a run does not wait behind a bulk ingest the stream consumers are still working through; and
 * a task delivered twice counts once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { runDeliveredTask } from '../../shared/app/scoring.ts';
import { queueFunctions, streamFunctions } from '../../shared/platform/manifest.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { ScoringRunRepository } from '../../shared/store/scoring.ts';
import { YearRepository } from '../../shared/store/years.ts';
import { demoTokens, who } from '../support/demo.ts';
import { openYear } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
let machine: string;
const scope = new OrgScope('kota-medan');
const PERIOD = '2026-10';
const PUSHES = 20;
const PER_PUSH = 100;

const tx = (i: number) => ({
  externalId: `BULK-${i}`,
  unitCode: 'DUK-IDK',
  serviceType: 'ktp-el',
  officers: [who.staff],
  // Monday 12 October 2026, within opening hours; completed, so each one moves the totals.
  receivedAt: `2026-10-12T${String(8 + (i % 10)).padStart(2, '0')}:00:00+07:00`,
  completedAt: `2026-10-12T${String(8 + (i % 10)).padStart(2, '0')}:30:00+07:00`,
});
const served = async () =>
  (await stack.call('GET', `/units/DUK-IDK/service-indicators/${PERIOD}`, { token: t.kasi })).body.unit
    .served as number;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  await openYear(2026);
  t = await demoTokens(stack.issuer);
  machine = await stack.issuer.machineToken();
  const years = new YearRepository(scope);
  const period = await years.findPeriod(PERIOD);
  await years.updatePeriod(2026, PERIOD, period.version, () => ({ state: 'closed' }), {
    actor: 'test',
    now: new Date().toISOString(),
  });
}, 60_000);
afterAll(() => stack.stop());

describe('scoring tasks', () => {
  it('are not a stream consumer: they have their own queue', () => {
    expect(queueFunctions().map((f) => [f.name, f.trigger.queue])).toEqual([
      ['run-scoring-task', 'scoring-tasks'],
      ['run-fairness-task', 'fairness-tasks'],
    ]);
    expect(streamFunctions().map((f) => f.name)).not.toContain('run-scoring-task');
  });

  it('run while 2,000 transactions are ingested, before the stream consumers have read any of them', async () => {
    const before = await served();
    // The stream consumers are held, so the ingest's records certainly wait on the stream (no race with how fast
    // the totals consumer is): scoring through the stream could not start before they were all read.
    stack.pauseStreams();
    let pushed = 0;
    const ingest = (async () => {
      for (let p = 0; p < PUSHES; p++) {
        const transactions = Array.from({ length: PER_PUSH }, (_, k) => tx(p * PER_PUSH + k));
        const res = await stack.call('POST', '/service-transactions', { token: machine, body: { transactions } });
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
        pushed += PER_PUSH;
      }
    })();
    // Half the ingest is written (on the stream, ahead of anything the run writes): start scoring now.
    await eventually(async () => pushed >= (PUSHES * PER_PUSH) / 2, 120_000);
    const started = await stack.call('POST', '/scoring-runs', {
      token: t.bkpsdm,
      body: { periodId: PERIOD, unitCode: 'DUK-IDK' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const runs = new ScoringRunRepository(scope);
    const run = await eventually(async () => {
      const r = await runs.run(PERIOD, started.body.runId);
      return r?.state === 'done' ? r : undefined;
    }, 60_000);
    expect(run).toMatchObject({ taskCount: 1, doneTasks: 1, scored: 4 });
    // Order, not a stopwatch: the run finished while every transaction written before it still waited for the
    // totals consumer (and the ingest itself was still going on).
    expect(await served()).toBe(before);
    expect(pushed).toBeLessThan(PUSHES * PER_PUSH);
    stack.resumeStreams();
    await ingest;
    // The totals then end exactly right once the consumer has drained the stream.
    await eventually(async () => (await served()) === before + PUSHES * PER_PUSH, 120_000);
    expect(stack.failures).toEqual([]);
  }, 240_000);

  it('count a task delivered twice once, with the figures of one run', async () => {
    const period = await new YearRepository(scope).findPeriod(PERIOD);
    const runs = new ScoringRunRepository(scope);
    // Inline: nothing sends it, so the two deliveries below are the only ones.
    const { run, tasks } = await runs.start(period, 2026, 'DUK-IDK', 'inline', {
      actor: 'test',
      now: new Date().toISOString(),
    });
    const task = { ...tasks[0]!, orgId: scope.orgId };
    const [first, second] = [await runDeliveredTask(task, new Date()), await runDeliveredTask(task, new Date())];
    expect([first, second]).toEqual([4, 0]);
    expect(await runs.run(PERIOD, run.runId)).toMatchObject({ state: 'done', taskCount: 1, doneTasks: 1, scored: 4 });
  });
});

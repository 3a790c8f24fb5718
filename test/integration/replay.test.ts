/**
 * `npm run replay` on the real local stream: three consumers fail the records of a feedback and of a service
 * transaction until the poller sets them aside (written to a failure folder as npm start writes them); the
 * command re-drives them through the real consumers, twice. One notification, one audit entry per record, the
 * transaction counted once in the totals.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeFailedBatch } from '../../infra/local/failures.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { type FailedBatch, type StreamPoller, startStreamPoller } from '../../infra/local/streams.ts';
import { type FunctionDef, functions, httpFunctions, type StreamTrigger } from '../../shared/platform/manifest.ts';
import { AuditRepository } from '../../shared/store/audit.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, who } from '../support/demo.ts';
import { failing } from '../support/replay-failing.ts';
import { openYear } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const FAILING = ['notify', 'record-audit', 'update-service-totals'];
/** The real consumers' triggers, their handler swapped for the failing one, one retry. */
const failingConsumers: (FunctionDef & { trigger: StreamTrigger })[] = functions
  .filter((f) => FAILING.includes(f.name))
  .map((f) => ({
    ...f,
    entry: 'test/support/replay-failing.ts',
    trigger: { ...(f.trigger as StreamTrigger), maxRetries: 1 },
  }));

let stack: TestStack;
let poller: StreamPoller;
/** What the poller set aside, also written to the failure folder as npm start writes it. */
const failures: FailedBatch[] = [];
let t: Record<keyof typeof who, string>;
const work = mkdtempSync(join(tmpdir(), 'kinerja-replay-'));
const dir = join(work, 'stream-failures');
const outbox = join(work, 'outbox');

beforeAll(async () => {
  // The API from the stack; the stream consumers (failing ones) from a poller of our own, wired as npm start does.
  stack = await startTestStack({ functions: httpFunctions() });
  poller = await startStreamPoller({
    endpoint: inject('dynamoEndpoint'),
    tableName: stack.tables.main,
    functions: failingConsumers,
    pollMs: 50,
    onFailure: (batch) => {
      failures.push(batch);
      writeFailedBatch(dir, batch);
    },
  });
  await seedDemo();
  await openYear(2026);
  t = await demoTokens(stack.issuer);
}, 60_000);
afterAll(async () => {
  await poller.stop();
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
});

const replay = (folder = dir) =>
  run(
    process.execPath,
    [
      '--import',
      'tsx',
      'infra/ops/replay.ts',
      '--dir',
      folder,
      '--endpoint',
      inject('dynamoEndpoint'),
      '--main-table',
      stack.tables.main,
      '--audit-table',
      stack.tables.audit,
    ],
    { cwd: ROOT, env: { ...process.env, EMAIL_OUTBOX_DIR: outbox, POWERTOOLS_LOG_LEVEL: 'SILENT' } },
  );

const feedbackNotifications = async () =>
  (await stack.call('GET', '/me/notifications?limit=100', { token: t.staff })).body.items.filter(
    (n: { type: string }) => n.type === 'feedback_given',
  ).length;
const audited = async (entity: string, id: string) =>
  (await new AuditRepository(new OrgScope('kota-medan')).ofRecord(entity, id)).items.length;
const served = async () => {
  const res = await stack.call('GET', '/units/DUK-IDK/service-indicators/2026-11', { token: t.kasi });
  expect(res.status).toBe(200);
  return res.body.unit.served as number;
};

describe('npm run replay (local)', () => {
  it('re-drives the set-aside records once, however often it runs', { timeout: 120_000 }, async () => {
    const feedback = await stack.call('POST', `/employees/${who.staff}/feedback`, {
      token: t.kasi,
      body: { about: { kind: 'general' }, text: 'Laporan bulan ini rapi.' },
    });
    expect(feedback.status).toBe(201);
    const push = await stack.call('POST', '/service-transactions', {
      token: await stack.issuer.machineToken(),
      body: {
        transactions: [
          {
            externalId: 'REPLAY-1',
            unitCode: 'DUK-IDK',
            serviceType: 'ktp-el',
            officers: ['199001152015031003'],
            receivedAt: '2026-11-23T09:00:00+07:00',
            completedAt: '2026-11-23T09:40:00+07:00',
          },
        ],
      },
    });
    expect(push.status).toBeLessThan(300);

    // The poller gives up on each targeted record after its retry and sets it aside.
    const setAside = (fn: string, entity: string) =>
      failures.find((b) => b.function === fn && b.records.some((r) => r.dynamodb?.NewImage?.entity?.S === entity));
    const batches = await eventually(async () => {
      const all = [
        setAside('notify', 'Feedback'),
        setAside('record-audit', 'Feedback'),
        setAside('record-audit', 'ServiceTransaction'),
        setAside('update-service-totals', 'ServiceTransaction'),
      ];
      return all.every(Boolean) ? all.map((b) => b!) : undefined;
    }, 30_000).catch((err) => {
      console.log(failures.map((b) => `${b.function} ${b.records.map((r) => r.dynamodb?.NewImage?.entity?.S)}`));
      throw err;
    });
    failing.on = false;
    expect(readdirSync(dir)).toHaveLength(4);
    const feedbackId = batches[0]!.records[0]!.dynamodb!.NewImage!.entityId!.S!;
    const txId = batches[2]!.records[0]!.dynamodb!.NewImage!.entityId!.S!;

    // The outage as it left things: notify had written its notification before failing; the others nothing.
    expect(await feedbackNotifications()).toBe(1);
    expect(await audited('Feedback', feedbackId)).toBe(0);
    expect(await audited('ServiceTransaction', txId)).toBe(0);
    expect(await served()).toBe(0);

    const first = await replay();
    expect(first.stdout.match(/^replayed /gm)).toHaveLength(4);
    expect(first.stdout).toContain('4 replayed, 0 failed again.');
    // Each record named under its file: what changed, and where it sits in the stream.
    expect(first.stdout).toContain(`INSERT Feedback ${feedbackId} (sequence `);
    expect(first.stdout).toContain(`INSERT ServiceTransaction ${txId} (sequence `);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(readdirSync(join(dir, 'replayed'))).toHaveLength(4);
    const settled = async () => {
      expect(await feedbackNotifications()).toBe(1);
      expect(await audited('Feedback', feedbackId)).toBe(1);
      expect(await audited('ServiceTransaction', txId)).toBe(1);
      expect(await served()).toBe(1);
    };
    await settled();

    // The same records once more (as if the files had been put back): nothing changes, and the copies are kept.
    cpSync(join(dir, 'replayed'), dir, { recursive: true });
    const second = await replay();
    expect(second.stdout).toContain('4 replayed, 0 failed again.');
    expect(readdirSync(join(dir, 'replayed')).filter((f) => f.endsWith('.json'))).toHaveLength(8);
    await settled();
  });

  it('keeps a file whose records fail again, and says why', { timeout: 60_000 }, async () => {
    const broken = join(work, 'broken');
    writeFailedBatch(broken, {
      function: 'no-such-consumer',
      shardId: 'shard-1',
      records: [],
      attempts: 2,
      at: new Date().toISOString(),
    });
    const out = await replay(broken).then(
      () => {
        throw new Error('replay should exit with 1');
      },
      (err: { stdout: string; code: number }) => err,
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^failed again .*no stream consumer named no-such-consumer/m);
    expect(out.stdout).toContain('0 replayed, 1 failed again.');
    expect(readdirSync(broken).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(existsSync(join(broken, 'replayed'))).toBe(false);
  });
});

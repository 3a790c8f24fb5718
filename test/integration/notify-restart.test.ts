/**
 * At-least-once input, exactly-once effect, with the real stream: the notify consumer dies mid-batch (the poller
 * delivers the batch again), then a fresh consumer reads the whole stream from the start; every feedback still
 * makes exactly one notification.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { startStreamPoller } from '../../infra/local/streams.ts';
import { functions, httpFunctions, type StreamTrigger } from '../../shared/platform/manifest.ts';
import { crashes } from '../support/crashing-notify.ts';
import { demoTokens, who } from '../support/demo.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const notifyDef = functions.find((f) => f.name === 'notify')! as (typeof functions)[number] & {
  trigger: StreamTrigger;
};
const FEEDBACKS = 20;

beforeAll(async () => {
  // The API only: the consumers under test are started by hand.
  stack = await startTestStack({ functions: httpFunctions() });
  await seedDemo();
  t = await demoTokens(stack.issuer);
  for (let i = 0; i < FEEDBACKS; i++) {
    expect(
      (
        await stack.call('POST', `/employees/${who.staff}/feedback`, {
          token: t.kasi,
          body: { about: { kind: 'general' }, text: `Catatan ${i}` },
        })
      ).status,
    ).toBe(201);
  }
});
afterAll(() => stack.stop());

const count = async () =>
  (await stack.call('GET', '/me/notifications?limit=100', { token: t.staff })).body.items.filter(
    (n: { type: string }) => n.type === 'feedback_given',
  ).length;

describe('notify after a crash and a replay', () => {
  it('makes exactly one notification per feedback', async () => {
    const poller = (fn: typeof notifyDef, checkpointFile?: string) =>
      startStreamPoller({
        endpoint: inject('dynamoEndpoint'),
        tableName: stack.tables.main,
        functions: [fn],
        pollMs: 20,
        ...(checkpointFile ? { checkpointFile } : {}),
      });
    const checkpoint = join(mkdtempSync(join(tmpdir(), 'kinerja-cp-')), 'checkpoints.json');
    // 1. The consumer dies after 7 records of its first batch; the poller delivers the batch again.
    const crashing = await poller(
      { ...notifyDef, name: 'notify-crashing', entry: 'test/support/crashing-notify.ts' },
      checkpoint,
    );
    await eventually(async () => (await count()) === FEEDBACKS);
    await crashing.stop();
    expect(crashes.count).toBe(1);
    expect(await count()).toBe(FEEDBACKS);
    // 2. A new consumer with no checkpoint reads the stream from its start: every record again.
    const replay = await poller(notifyDef);
    await new Promise((r) => setTimeout(r, 1500));
    await replay.stop();
    expect(await count()).toBe(FEEDBACKS);
  });
});

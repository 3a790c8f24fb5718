/** The local event-source mapping, read from DynamoDB Local's real stream: filters, partial failures, retries, restarts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { type FailedBatch, startStreamPoller } from '../../infra/local/streams.ts';
import type { FunctionDef, StreamTrigger } from '../../shared/platform/manifest.ts';
import type { Script } from '../support/fixtures/scripted-consumer.ts';
import { eventually, useTables } from '../support/stack.ts';

const consumer: FunctionDef & { trigger: StreamTrigger } = {
  name: 'scripted-consumer',
  entry: 'test/support/fixtures/scripted-consumer.ts',
  access: {},
  trigger: {
    kind: 'stream',
    table: 'main',
    batchSize: 10,
    maxRetries: 2,
    maxRecordAgeSeconds: 3600,
    filters: [{ eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'ORG#' }] } } } }],
  },
};

const script = (): Script =>
  ((globalThis as { __consumerScript?: Script }).__consumerScript ??= { deliveries: [], failing: new Map() });
const dir = mkdtempSync(join(tmpdir(), 'kinerja-poller-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let table: string;
const ddb = () =>
  new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
const write = async (client: DynamoDBClient, id: string, pk = `ORG#t#X#${id}`) =>
  client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: pk }, sk: { S: 'A' }, entityId: { S: id } } }));

beforeEach(async () => {
  table = (await useTables()).main;
  const s = script();
  s.deliveries.length = 0;
  s.failing.clear();
});

describe('local stream poller', () => {
  it('delivers only records that match the filters', async () => {
    const client = ddb();
    const poller = await startStreamPoller({
      endpoint: inject('dynamoEndpoint'),
      tableName: table,
      functions: [consumer],
      pollMs: 20,
    });
    await write(client, 'a');
    await write(client, 'skipped', 'CLIENT#x'); // key outside the filter
    await write(client, 'b');
    await write(client, 'a'); // a MODIFY: not an INSERT
    await eventually(async () => script().deliveries.includes('b'));
    await new Promise((r) => setTimeout(r, 200));
    await poller.stop();
    expect(script().deliveries).toEqual(['a', 'b']);
    client.destroy();
  });

  it('retries from the failed record, and gives each failing record its own retry budget', async () => {
    const client = ddb();
    const failures: FailedBatch[] = [];
    script().failing.set('r1', Infinity).set('r2', Infinity).set('flaky', 1);
    // Written before the poller starts, so the first read returns them as one batch and the sequence is exact.
    for (const id of ['ok1', 'flaky', 'ok2', 'r1', 'ok3', 'r2', 'ok4']) await write(client, id);
    const poller = await startStreamPoller({
      endpoint: inject('dynamoEndpoint'),
      tableName: table,
      functions: [consumer],
      pollMs: 20,
      onFailure: (b) => failures.push(b),
    });
    await eventually(async () => failures.length === 2);
    await poller.stop();
    const count = (id: string) => script().deliveries.filter((d) => d === id).length;
    // 1: all seven, flaky fails first. 2: from flaky; flaky passes, r1 fails (r1's 1st). 3, 4: from r1 (2nd, 3rd)
    // → r1 set aside. 5, 6, 7: from ok3; r2 fails each time → set aside. ok4 is delivered but never set aside.
    expect(count('ok1')).toBe(1);
    expect(count('flaky')).toBe(2);
    expect(count('r1')).toBe(4);
    expect(count('r2')).toBe(7);
    expect(failures.map((f) => f.records.map((r) => r.dynamodb!.NewImage!.entityId!.S))).toEqual([['r1'], ['r2']]);
    expect(failures.map((f) => f.attempts)).toEqual([3, 3]);
    client.destroy();
  });

  it('resumes after a restart from its checkpoint: nothing lost, nothing delivered twice', async () => {
    const client = ddb();
    const checkpointFile = join(dir, `${table}.json`);
    const first = await startStreamPoller({
      endpoint: inject('dynamoEndpoint'),
      tableName: table,
      functions: [consumer],
      pollMs: 20,
      checkpointFile,
    });
    await write(client, 'before');
    await eventually(async () => script().deliveries.includes('before'));
    await first.stop();
    await write(client, 'while-down');
    const second = await startStreamPoller({
      endpoint: inject('dynamoEndpoint'),
      tableName: table,
      functions: [consumer],
      pollMs: 20,
      checkpointFile,
    });
    await eventually(async () => script().deliveries.includes('while-down'));
    await new Promise((r) => setTimeout(r, 200));
    await second.stop();
    expect(script().deliveries).toEqual(['before', 'while-down']);
    client.destroy();
  });

  it('sets a record older than the maximum record age aside, unread', async () => {
    const client = ddb();
    const failures: FailedBatch[] = [];
    await write(client, 'stale');
    // The stream stamps whole seconds: wait until 'stale' is surely older than one second.
    await new Promise((r) => setTimeout(r, 2_500));
    const poller = await startStreamPoller({
      endpoint: inject('dynamoEndpoint'),
      tableName: table,
      functions: [{ ...consumer, trigger: { ...consumer.trigger, maxRecordAgeSeconds: 1 } }],
      pollMs: 20,
      onFailure: (b) => failures.push(b),
    });
    await eventually(async () => failures.length === 1);
    await poller.stop();
    expect(script().deliveries).toEqual([]);
    expect(failures[0]!.records.map((r) => r.dynamodb!.NewImage!.entityId!.S)).toEqual(['stale']);
    client.destroy();
  });
});

/**
 * The audit trail end to end: API write → table stream (DynamoDB Local) → record-audit consumer → audit table →
 * read API. Also at-least-once delivery (redelivered records stored once) and a poison record.
 */
import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { invoke } from '../../infra/local/lambda.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { wibMonth } from '../../shared/domain/time.ts';
import { functions } from '../../shared/platform/manifest.ts';
import { AuditRepository } from '../../shared/store/audit.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { tokenFor, who } from '../support/demo.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
const audit = () => new AuditRepository(new OrgScope('kota-medan'));
const local = { region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
});
afterAll(() => stack.stop());

describe('audit trail', () => {
  it('records who changed what, before and after, for the person concerned and the auditors', async () => {
    const bkpsdm = await tokenFor(stack.issuer, who.bkpsdm);
    const current = (await stack.call('GET', `/employees/${who.staff}`, { token: bkpsdm })).body;
    const patch = await stack.call('PATCH', `/employees/${who.staff}`, {
      token: bkpsdm,
      body: { version: current.version, position: 'Analis Data Kependudukan' },
    });
    expect(patch.status).toBe(200);
    const requestId = patch.headers.get('x-correlation-id');

    const staff = await tokenFor(stack.issuer, who.staff);
    const mine = await eventually(async () => {
      const res = await stack.call('GET', '/employees/me/audit', { token: staff });
      return res.body.items?.find((e: { action: string }) => e.action === 'updated') ? res.body : undefined;
    });
    const entry = mine.items[0];
    expect(entry).toMatchObject({
      entity: 'Employee',
      entityId: who.staff,
      action: 'updated',
      actor: `nip:${who.bkpsdm}`,
      actorName: 'Melati Kusuma Dewi, S.Psi',
      subjectName: 'Rahmat Hidayat Daulay',
      requestId,
      changedFields: ['position'],
      before: { position: 'Pengelola Data Kependudukan' },
      after: { position: 'Analis Data Kependudukan' },
    });
    expect(entry.before.pk).toBeUndefined();

    const auditor = await tokenFor(stack.issuer, who.auditor);
    const theirs = await stack.call('GET', `/employees/${who.staff}/audit`, { token: auditor });
    expect(theirs.body.items[0].id).toBe(entry.id);
    const month = await stack.call('GET', `/audit?month=${wibMonth(new Date())}&limit=100`, { token: auditor });
    expect(month.status).toBe(200);
    expect(month.body.items.some((e: { id: string }) => e.id === entry.id)).toBe(true);
  });

  it.each([
    ["a colleague reading someone else's trail", 'otherStaff', `/employees/${'199001152015031003'}/audit`],
    ['their supervisor', 'kasi', `/employees/${'199001152015031003'}/audit`],
    ['the BKPSDM admin reading the organisation trail', 'bkpsdm', `/audit?month=2026-11`],
  ] as const)('refuses %s', async (_n, as, path) => {
    const res = await stack.call('GET', path, { token: await tokenFor(stack.issuer, who[as]) });
    expect(res.status).toBe(403);
  });

  it('stores a redelivered stream batch once (at-least-once in, exactly-once effect)', async () => {
    const ddb = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...local });
    const streams = new DynamoDBStreamsClient({ endpoint: inject('dynamoEndpoint'), ...local });
    const arn = (await ddb.send(new DescribeTableCommand({ TableName: stack.tables.main }))).Table!.LatestStreamArn!;
    const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!;
    const it0 = await streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: it0.ShardIterator!, Limit: 20 }));
    const records = page.Records!.map((r) => ({
      ...r,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        ...r.dynamodb,
        ApproximateCreationDateTime: Math.floor(r.dynamodb!.ApproximateCreationDateTime!.getTime() / 1000),
      },
    }));
    expect(records.length).toBeGreaterThan(5);

    const monthBefore = (await audit().inMonth(wibMonth(new Date()), 1000)).items.length;
    const consumer = functions.find((f) => f.name === 'record-audit')!;
    const response = (await invoke(consumer, { Records: records })) as { batchItemFailures: unknown[] };
    expect(response.batchItemFailures).toEqual([]);
    expect((await audit().inMonth(wibMonth(new Date()), 1000)).items.length).toBe(monthBefore);
    ddb.destroy();
    streams.destroy();
  });

  it('reports a poison record as a partial failure, sends it on after the retries, and audits the rest', async () => {
    const ddb = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...local });
    // An organisation id the audit writer refuses: this record can never be stored.
    await ddb.send(
      new PutItemCommand({
        TableName: stack.tables.main,
        Item: {
          pk: { S: 'ORG#broken#X' },
          sk: { S: 'X' },
          orgId: { S: 'Not A Valid Org!' },
          entity: { S: 'Employee' },
          entityId: { S: 'x' },
        },
      }),
    );
    const kadis = await tokenFor(stack.issuer, who.bkpsdm);
    const unit = await stack.call('POST', '/units', {
      token: kadis,
      body: { code: 'DUK-POISON-OK', name: 'Seksi Sesudah Racun', kind: 'seksi', parentCode: 'DUK-PIAK' },
    });
    expect(unit.status).toBe(201);

    await eventually(async () => (await audit().ofRecord('Unit', 'DUK-POISON-OK')).items.length === 1);
    const failure = await eventually(async () =>
      stack.failures.find((f) => f.records.some((r) => r.dynamodb?.Keys?.pk?.S === 'ORG#broken#X')),
    );
    expect(failure.function).toBe('record-audit');
    expect(failure.attempts).toBe(4); // first try + maxRetries (3)
    ddb.destroy();
  });
});

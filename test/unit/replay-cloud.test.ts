/**
 * `npm run replay -- --queue/--function` against SDK mocks (SQS, Lambda and the stream have no local form): the
 * records are read back from the stream by the on-failure message's sequence range, narrowed by the mapping's
 * filters, sent to the consumer as Lambda sends them, and the message is deleted only after a clean answer.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CloudClients, queueUrlOf, replayQueue } from '../../infra/ops/replay-cloud.ts';

const STREAM = 'arn:aws:dynamodb:ap-southeast-3:111122223333:table/kinerja-main/stream/2026-11-01T00:00:00.000';
const FN = 'arn:aws:lambda:ap-southeast-3:111122223333:function:KinerjaWorkers-Notify';
const QUEUE = 'https://sqs.ap-southeast-3.amazonaws.com/111122223333/KinerjaWorkers-NotifyDlq';

/** Lambda's on-failure record for a DynamoDB stream: metadata only. */
const onFailure = (start: string, end: string) =>
  JSON.stringify({
    requestContext: {
      requestId: 'r-1',
      functionArn: FN,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 4,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: '2026-11-30T01:00:00.000Z',
    DDBStreamBatchInfo: {
      shardId: 'shardId-0001',
      startSequenceNumber: start,
      endSequenceNumber: end,
      approximateArrivalOfFirstRecord: '2026-11-30T00:59:00Z',
      approximateArrivalOfLastRecord: '2026-11-30T00:59:00Z',
      batchSize: 2,
      streamArn: STREAM,
    },
  });

const streamRecord = (seq: string, entity: string) => ({
  eventID: `ev-${seq}`,
  eventName: 'MODIFY',
  eventVersion: '1.1',
  awsRegion: 'ap-southeast-3',
  dynamodb: {
    ApproximateCreationDateTime: new Date('2026-11-30T00:59:00Z'),
    Keys: { pk: { S: `ORG#kota-medan#EMP#1` }, sk: { S: `X#${seq}` } },
    NewImage: { entity: { S: entity }, entityId: { S: seq } },
    OldImage: { entity: { S: entity }, entityId: { S: seq } },
    SequenceNumber: seq,
  },
});

interface Scenario {
  messages: { MessageId: string; ReceiptHandle: string; Body: string }[];
  /** The shard's records from the start sequence on (the stream hands them page by page). */
  pages?: ReturnType<typeof streamRecord>[][];
  trimmed?: boolean;
  invoke?: (records: { eventID: string }[]) => { FunctionError?: string; answer: unknown };
}

/** Mocks of the three clients: each `send` answers by command, and every call is kept. */
function mocks(s: Scenario) {
  const calls: { command: string; input: any }[] = [];
  let received = false;
  const send = async (command: { constructor: { name: string }; input: any }) => {
    const name = command.constructor.name;
    calls.push({ command: name, input: command.input });
    switch (name) {
      case 'ReceiveMessageCommand': {
        // The queue hands the same messages back while they are not deleted.
        const deleted = new Set(
          calls.filter((c) => c.command === 'DeleteMessageCommand').map((c) => c.input.ReceiptHandle),
        );
        const messages = s.messages.filter((m) => !deleted.has(m.ReceiptHandle));
        const answer = { Messages: received && messages.length === 0 ? undefined : messages };
        received = true;
        return answer;
      }
      case 'DeleteMessageCommand':
        return {};
      case 'GetQueueUrlCommand':
        return { QueueUrl: QUEUE };
      case 'ListEventSourceMappingsCommand':
        return {
          EventSourceMappings: [
            {
              EventSourceArn: STREAM,
              FilterCriteria: {
                Filters: [{ Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['Feedback'] } } } }) }],
              },
              DestinationConfig: {
                OnFailure: { Destination: 'arn:aws:sqs:ap-southeast-3:111122223333:KinerjaWorkers-NotifyDlq' },
              },
            },
          ],
        };
      case 'GetShardIteratorCommand':
        if (s.trimmed) throw Object.assign(new Error('trimmed'), { name: 'TrimmedDataAccessException' });
        return { ShardIterator: 'it-0' };
      case 'GetRecordsCommand': {
        const page = Number(command.input.ShardIterator.split('-')[1]);
        const pages = s.pages ?? [];
        return { Records: pages[page] ?? [], NextShardIterator: `it-${page + 1}` };
      }
      case 'InvokeCommand': {
        const records = JSON.parse(new TextDecoder().decode(command.input.Payload)).Records;
        const { FunctionError, answer } = s.invoke?.(records) ?? { answer: { batchItemFailures: [] } };
        return { StatusCode: 200, FunctionError, Payload: new TextEncoder().encode(JSON.stringify(answer)) };
      }
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  const clients: CloudClients = { sqs: { send }, lambda: { send }, streams: { send } };
  const of = (command: string) => calls.filter((c) => c.command === command);
  return { clients, calls, of };
}

const message = (id: string, start = '100', end = '300') => ({
  MessageId: id,
  ReceiptHandle: `rh-${id}`,
  Body: onFailure(start, end),
});

describe('replay from an on-failure queue', () => {
  it('reads the range back from the stream and sends the consumer only what its filter takes', async () => {
    const m = mocks({
      messages: [message('m1')],
      // an empty page first (streams do that), then the range with a record the filter drops, then past its end
      pages: [
        [],
        [streamRecord('100', 'Feedback'), streamRecord('200', 'ServiceTransaction')],
        [streamRecord('300', 'Feedback'), streamRecord('400', 'Feedback')],
      ],
    });
    const results = await replayQueue({ queueUrl: QUEUE, clients: m.clients });
    expect(results).toEqual([
      {
        source: 'message m1',
        function: 'KinerjaWorkers-Notify',
        records: 2,
        outcome: 'replayed',
        described: ['MODIFY Feedback 100 (sequence 100)', 'MODIFY Feedback 300 (sequence 300)'],
      },
    ]);
    const [invoke] = m.of('InvokeCommand');
    expect(invoke!.input).toMatchObject({ FunctionName: FN, InvocationType: 'RequestResponse' });
    const sent = JSON.parse(new TextDecoder().decode(invoke!.input.Payload)).Records;
    // The original records (their event ids and sequence numbers are what the consumers deduplicate on), shaped as
    // Lambda delivers them: epoch seconds, the stream's ARN.
    expect(sent.map((r: { eventID: string }) => r.eventID)).toEqual(['ev-100', 'ev-300']);
    expect(sent[0]).toMatchObject({
      eventSource: 'aws:dynamodb',
      eventSourceARN: STREAM,
      dynamodb: { SequenceNumber: '100', ApproximateCreationDateTime: Date.parse('2026-11-30T00:59:00Z') / 1000 },
    });
    expect(m.of('GetShardIteratorCommand')[0]!.input).toMatchObject({
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: '100',
      ShardId: 'shardId-0001',
    });
    expect(m.of('DeleteMessageCommand').map((c) => c.input)).toEqual([{ QueueUrl: QUEUE, ReceiptHandle: 'rh-m1' }]);
  });

  it.each([
    [
      'the consumer reports a record failed',
      { answer: { batchItemFailures: [{ itemIdentifier: '100' }] } },
      'records 100 failed again',
    ],
    [
      'the consumer throws',
      { FunctionError: 'Unhandled', answer: { errorMessage: 'Task timed out', errorType: 'Error' } },
      'Unhandled: Task timed out',
    ],
  ])('keeps the message when %s, tried once per run', async (_case, answer, reason) => {
    const m = mocks({ messages: [message('m1')], pages: [[streamRecord('100', 'Feedback')]], invoke: () => answer });
    const results = await replayQueue({ queueUrl: QUEUE, clients: m.clients });
    expect(results).toEqual([
      {
        source: 'message m1',
        function: 'KinerjaWorkers-Notify',
        records: 1,
        outcome: 'failed',
        reason,
        described: ['MODIFY Feedback 100 (sequence 100)'],
      },
    ]);
    expect(m.of('InvokeCommand')).toHaveLength(1);
    expect(m.of('DeleteMessageCommand')).toHaveLength(0);
  });

  it('keeps the message and says so when the stream no longer holds the records', async () => {
    const m = mocks({ messages: [message('m1')], trimmed: true });
    const [result] = await replayQueue({ queueUrl: QUEUE, clients: m.clients });
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result!.reason).toMatch(/no longer holds sequence 100 of shardId-0001 \(records are kept 24 hours\)/);
    expect(m.of('InvokeCommand')).toHaveLength(0);
    expect(m.of('DeleteMessageCommand')).toHaveLength(0);
  });

  it('refuses a message that is not a stream on-failure record, and goes on with the next', async () => {
    const m = mocks({
      messages: [{ MessageId: 'junk', ReceiptHandle: 'rh-junk', Body: 'hello' }, message('m2')],
      pages: [[streamRecord('100', 'Feedback'), streamRecord('300', 'Feedback')]],
    });
    const results = await replayQueue({ queueUrl: QUEUE, clients: m.clients });
    expect(results.map((r) => [r.source, r.outcome])).toEqual([
      ['message junk', 'failed'],
      ['message m2', 'replayed'],
    ]);
    expect(m.of('DeleteMessageCommand').map((c) => c.input.ReceiptHandle)).toEqual(['rh-m2']);
  });

  it("finds a consumer's queue from its stream mapping (--function)", async () => {
    const m = mocks({ messages: [] });
    expect(await queueUrlOf(m.clients.sqs, m.clients.lambda, 'KinerjaWorkers-Notify')).toBe(QUEUE);
    expect(m.of('GetQueueUrlCommand')[0]!.input).toEqual({
      QueueName: 'KinerjaWorkers-NotifyDlq',
      QueueOwnerAWSAccountId: '111122223333',
    });
  });
});

describe('npm run replay -- --help', () => {
  it('prints both ways to run it', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'infra/ops/replay.ts', '--help'], {
      cwd: resolve(import.meta.dirname, '../..'),
    }).toString();
    expect(out.startsWith('Usage:')).toBe(true);
    for (const option of ['--dir', '--queue', '--function']) expect(out).toContain(option);
  });
});

/**
 * Re-drives failed stream batches on AWS from a consumer's on-failure queue. Lambda's on-failure message for a
 * DynamoDB stream holds only metadata (shard, first and last sequence number, stream ARN): no keys, no images.
 * So the records are read back from the stream (GetRecords over that sequence range, while the stream still
 * holds them: 24 hours), narrowed by the mapping's own filters to what the consumer was given, and sent to the
 * consumer again as Lambda would send them. The original records, not a re-read of the item: every consumer keys
 * its effect by the record's event id or sequence number, so a replay of something already (partly) applied adds
 * nothing, and the audit entry and the notification describe the change that happened, not today's item.
 * A message is deleted only after the consumer answered with no failure; one whose records have left the stream
 * is kept and reported (docs/operating.md says what to do then).
 */
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { InvokeCommand, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, GetQueueUrlCommand, type Message, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBRecord } from 'aws-lambda';
import { matchesFilters } from '../local/event-filter.ts';
import { describeRecord, failureOf, type ReplayResult } from '../local/replay.ts';

/** Anything with the SDK clients' `send` (the real clients, or the tests' mocks). */
interface Sender {
  // biome-ignore lint/suspicious/noExplicitAny: one signature for the three clients' commands
  send(command: any): Promise<any>;
}
export interface CloudClients {
  sqs: Sender;
  lambda: Sender;
  streams: Sender;
}

/** The part of Lambda's on-failure record (an SQS message body) a replay needs. */
interface OnFailureRecord {
  requestContext?: { functionArn?: string; condition?: string };
  DDBStreamBatchInfo?: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    streamArn: string;
    batchSize?: number;
  };
}

/** The stream's dates become Lambda's epoch seconds, as the event source mapping delivers them. */
const lambdaRecord = (r: StreamRecord, streamArn: string): DynamoDBRecord =>
  ({
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...r.dynamodb,
      ApproximateCreationDateTime:
        r.dynamodb?.ApproximateCreationDateTime instanceof Date
          ? Math.floor(r.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
          : r.dynamodb?.ApproximateCreationDateTime,
    },
  }) as DynamoDBRecord;

export class RecordsExpired extends Error {}

/** The records of one shard from `start` to `end` (inclusive), read back from the stream. */
export async function readRange(
  streams: Sender,
  info: NonNullable<OnFailureRecord['DDBStreamBatchInfo']>,
): Promise<DynamoDBRecord[]> {
  const end = BigInt(info.endSequenceNumber);
  let iterator: string | undefined;
  try {
    iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: info.streamArn,
          ShardId: info.shardId,
          ShardIteratorType: 'AT_SEQUENCE_NUMBER',
          SequenceNumber: info.startSequenceNumber,
        }),
      )
    ).ShardIterator;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TrimmedDataAccessException' || name === 'ResourceNotFoundException')
      throw new RecordsExpired(
        `the stream no longer holds sequence ${info.startSequenceNumber} of ${info.shardId} (records are kept 24 hours)`,
      );
    throw err;
  }
  const records: DynamoDBRecord[] = [];
  // A shard can answer a few empty pages before the records; an open shard never ends, so stop past `end`.
  for (let emptyPages = 0; iterator && emptyPages < 25; ) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
    const got = (page.Records ?? []) as StreamRecord[];
    if (got.length === 0) emptyPages++;
    for (const r of got) {
      if (BigInt(r.dynamodb?.SequenceNumber ?? '0') > end) return records;
      records.push(lambdaRecord(r, info.streamArn));
    }
    if (records.length && BigInt(records.at(-1)!.dynamodb!.SequenceNumber!) === end) return records;
    iterator = page.NextShardIterator;
  }
  return records;
}

/** The filters of the function's mapping on that stream (the records Lambda would have handed it). */
async function mappingOf(lambda: Sender, functionName: string, streamArn?: string) {
  const mappings: {
    EventSourceArn?: string;
    FilterCriteria?: { Filters?: { Pattern?: string }[] };
    DestinationConfig?: { OnFailure?: { Destination?: string } };
  }[] = [];
  let marker: string | undefined;
  do {
    const page = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: functionName, Marker: marker }));
    mappings.push(...(page.EventSourceMappings ?? []));
    marker = page.NextMarker;
  } while (marker);
  const streamMappings = mappings.filter((m) => m.EventSourceArn?.includes(':dynamodb:'));
  const mapping = streamArn ? streamMappings.find((m) => m.EventSourceArn === streamArn) : streamMappings[0];
  if (!mapping) throw new Error(`${functionName} has no DynamoDB stream mapping${streamArn ? ` on ${streamArn}` : ''}`);
  const filters = (mapping.FilterCriteria?.Filters ?? []).map((f) => JSON.parse(f.Pattern ?? '{}'));
  return { filters, onFailure: mapping.DestinationConfig?.OnFailure?.Destination };
}

/** `arn:aws:sqs:<region>:<account>:<name>` → the queue's URL. */
export async function queueUrlOf(sqs: Sender, lambda: Sender, functionName: string): Promise<string> {
  const { onFailure } = await mappingOf(lambda, functionName);
  if (!onFailure?.startsWith('arn:aws:sqs:'))
    throw new Error(`${functionName}'s stream mapping has no SQS on-failure queue`);
  const [, , , , account, name] = onFailure.split(':');
  return (await sqs.send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }))).QueueUrl;
}

const text = (payload: Uint8Array | undefined) => (payload ? new TextDecoder().decode(payload) : '');

async function replayMessage(clients: CloudClients, queueUrl: string, message: Message): Promise<ReplayResult> {
  const source = `message ${message.MessageId}`;
  let body: OnFailureRecord;
  try {
    body = JSON.parse(message.Body ?? '');
  } catch {
    return { source, records: 0, outcome: 'failed', reason: 'the message is not an on-failure record (no JSON)' };
  }
  const info = body.DDBStreamBatchInfo;
  const functionArn = body.requestContext?.functionArn;
  if (!info || !functionArn)
    return { source, records: 0, outcome: 'failed', reason: 'not a DynamoDB stream on-failure record' };
  const base = { source, function: functionArn.split(':')[6] ?? functionArn };
  let records: DynamoDBRecord[];
  try {
    const { filters } = await mappingOf(clients.lambda, functionArn, info.streamArn);
    records = (await readRange(clients.streams, info)).filter((r) => !filters.length || matchesFilters(r, filters));
  } catch (err) {
    return { ...base, records: 0, outcome: 'failed', reason: (err as Error).message };
  }
  const described = records.map(describeRecord);
  try {
    // Batches of 25 stay far below Lambda's 6 MB request limit.
    for (let i = 0; i < records.length; i += 25) {
      const out = await clients.lambda.send(
        new InvokeCommand({
          FunctionName: functionArn,
          InvocationType: 'RequestResponse',
          Payload: new TextEncoder().encode(JSON.stringify({ Records: records.slice(i, i + 25) })),
        }),
      );
      const answer = text(out.Payload);
      if (out.FunctionError) {
        const message = (() => {
          try {
            return (JSON.parse(answer) as { errorMessage?: string }).errorMessage;
          } catch {
            return undefined;
          }
        })();
        return {
          ...base,
          records: records.length,
          described,
          outcome: 'failed',
          reason: `${out.FunctionError}: ${message ?? answer}`,
        };
      }
      const reason = failureOf(answer ? JSON.parse(answer) : undefined);
      if (reason) return { ...base, records: records.length, described, outcome: 'failed', reason };
    }
  } catch (err) {
    return { ...base, records: records.length, described, outcome: 'failed', reason: (err as Error).message };
  }
  await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  return { ...base, records: records.length, described, outcome: 'replayed' };
}

export async function replayQueue(options: {
  queueUrl: string;
  clients: CloudClients;
  /** How long a received message stays hidden from others while it is replayed. */
  visibilitySeconds?: number;
  log?: (result: ReplayResult) => void;
}): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  const seen = new Set<string>();
  for (;;) {
    const page = await options.clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: options.visibilitySeconds ?? 300,
      }),
    );
    // A message that failed again comes back once its visibility ends: one attempt per run.
    const fresh = ((page.Messages ?? []) as Message[]).filter((m) => !seen.has(m.MessageId ?? ''));
    if (fresh.length === 0) return results;
    for (const message of fresh) {
      seen.add(message.MessageId ?? '');
      const result = await replayMessage(options.clients, options.queueUrl, message);
      results.push(result);
      options.log?.(result);
    }
  }
}

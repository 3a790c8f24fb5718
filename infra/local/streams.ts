/**
 * The local event-source mapping: reads the table's real DynamoDB stream (DynamoDB Local), applies each
 * consumer's filters, invokes it with Lambda-shaped records, honours `batchItemFailures` by retrying from the
 * first failed record, and after `maxRetries` hands that record to the on-failure sink and moves on; a record older
 * than `maxRecordAgeSeconds` goes to the sink without being delivered (Lambda's maximum record age).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { type FunctionDef, STREAM_RECORD_MAX_AGE_SECONDS, type StreamTrigger } from '../../shared/platform/manifest.ts';
import { matchesFilters } from './event-filter.ts';
import { invoke } from './lambda.ts';

type StreamFunction = FunctionDef & { trigger: StreamTrigger };

interface ShardState {
  lastSeq?: string;
  iterator?: string;
  done?: boolean;
  attempts?: number;
}

type Checkpoints = Record<string, Record<string, ShardState>>;

export interface FailedBatch {
  function: string;
  shardId: string;
  records: DynamoDBRecord[];
  attempts: number;
  at: string;
}

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  functions: StreamFunction[];
  pollMs?: number;
  /** Where shard positions are kept across restarts (npm start); in memory when absent. */
  checkpointFile?: string;
  /** The on-failure destination (an SQS queue on AWS). */
  onFailure?: (batch: FailedBatch) => void;
  log?: (line: string) => void;
}

export interface StreamPoller {
  /** Holds every consumer where it is (tests: a backlog that certainly waits); `resume` goes on from there. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** The Streams API gives dates; Lambda gives consumers epoch seconds. */
const toLambdaRecord = (r: StreamRecord, streamArn: string): DynamoDBRecord =>
  ({
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion ?? 'ap-southeast-3',
    eventSourceARN: streamArn,
    dynamodb: {
      ...r.dynamodb,
      ApproximateCreationDateTime:
        r.dynamodb?.ApproximateCreationDateTime instanceof Date
          ? Math.floor(r.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
          : r.dynamodb?.ApproximateCreationDateTime,
    },
  }) as DynamoDBRecord;

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const pollMs = options.pollMs ?? 250;
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const ddb = new DynamoDBClient({ endpoint: options.endpoint, region: 'ap-southeast-3', credentials });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: 'ap-southeast-3', credentials });
  const table = await ddb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  const checkpoints: Checkpoints =
    options.checkpointFile && existsSync(options.checkpointFile)
      ? (JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as Checkpoints)
      : {};
  const persist = () => {
    if (!options.checkpointFile) return;
    mkdirSync(dirname(options.checkpointFile), { recursive: true });
    // Iterators expire; only positions are worth keeping.
    const positions = Object.fromEntries(
      Object.entries(checkpoints).map(([fn, shards]) => [
        fn,
        Object.fromEntries(Object.entries(shards).map(([id, s]) => [id, { lastSeq: s.lastSeq, done: s.done }])),
      ]),
    );
    writeFileSync(options.checkpointFile, JSON.stringify(positions));
  };

  const iteratorFor = async (fn: StreamFunction, shardId: string, state: ShardState): Promise<string | undefined> => {
    const get = (after?: string) =>
      streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
    try {
      return (await get(state.lastSeq)).ShardIterator;
    } catch (err) {
      // The checkpoint is older than the stream keeps (24 h): read from the oldest record still there.
      if (state.lastSeq && (err as Error).name === 'TrimmedDataAccessException') {
        options.log?.(
          `${fn.name}: records after ${state.lastSeq} on ${shardId} are no longer in the stream; resuming at the oldest one kept`,
        );
        state.lastSeq = undefined;
        return (await get()).ShardIterator;
      }
      throw err;
    }
  };

  /** Every shard of the stream (DescribeStream pages through them). */
  const listShards = async () => {
    const shards: { ShardId?: string; ParentShardId?: string }[] = [];
    let start: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  };

  async function pollShard(fn: StreamFunction, shardId: string, state: ShardState): Promise<boolean> {
    state.iterator ??= await iteratorFor(fn, shardId, state);
    if (!state.iterator) {
      state.done = true;
      return false;
    }
    let out: GetRecordsCommandOutput;
    try {
      out = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: fn.trigger.batchSize }));
    } catch (err) {
      if ((err as Error).name === 'ExpiredIteratorException' || (err as Error).name === 'TrimmedDataAccessException') {
        state.iterator = undefined;
        return false;
      }
      throw err;
    }
    const records = (out.Records ?? []).map((r) => toLambdaRecord(r, streamArn!));
    if (records.length === 0) {
      state.iterator = out.NextShardIterator;
      if (!out.NextShardIterator) state.done = true;
      return false;
    }
    const matching = records.filter((r) => matchesFilters(r, fn.trigger.filters));
    // As Lambda's MaximumRecordAgeInSeconds: a record older than the bound goes to the on-failure sink unread.
    const maxAge = fn.trigger.maxRecordAgeSeconds ?? STREAM_RECORD_MAX_AGE_SECONDS;
    const oldest = Date.now() / 1000 - maxAge;
    const expired = matching.filter((r) => (r.dynamodb?.ApproximateCreationDateTime ?? Infinity) < oldest);
    if (expired.length) {
      options.onFailure?.({ function: fn.name, shardId, records: expired, attempts: 0, at: new Date().toISOString() });
      options.log?.(`${fn.name}: ${expired.length} record(s) older than ${maxAge} s set aside`);
    }
    const wanted = matching.filter((r) => !expired.includes(r));
    let failedFrom: string | undefined;
    if (wanted.length > 0) {
      try {
        const response = (await invoke(fn, { Records: wanted })) as DynamoDBBatchResponse | undefined;
        const failed = (response?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
        // Lambda resumes from the lowest failed sequence number.
        failedFrom = failed.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
      } catch (err) {
        options.log?.(`${fn.name} failed the whole batch: ${(err as Error).message}`);
        failedFrom = wanted[0]!.dynamodb!.SequenceNumber;
      }
    }
    if (failedFrom === undefined) {
      state.lastSeq = records.at(-1)!.dynamodb!.SequenceNumber;
      state.iterator = out.NextShardIterator;
      state.attempts = 0;
      if (!out.NextShardIterator) state.done = true;
      persist();
      return true;
    }
    const index = records.findIndex((r) => r.dynamodb?.SequenceNumber === failedFrom);
    const processed = records.slice(0, Math.max(index, 0));
    // The retry budget belongs to the record that fails: progress past earlier records starts it afresh.
    if (processed.length) {
      state.lastSeq = processed.at(-1)!.dynamodb!.SequenceNumber;
      state.attempts = 0;
    }
    state.attempts = (state.attempts ?? 0) + 1;
    if (state.attempts > fn.trigger.maxRetries) {
      // As bisect-on-error ends up doing on Lambda: only the record that keeps failing is set aside; the
      // records after it are delivered again, each with its own retry budget.
      const poison = records[Math.max(index, 0)]!;
      options.onFailure?.({
        function: fn.name,
        shardId,
        records: [poison],
        attempts: state.attempts,
        at: new Date().toISOString(),
      });
      options.log?.(
        `${fn.name}: record ${poison.dynamodb?.SequenceNumber} failed ${state.attempts} times; sent to the on-failure destination`,
      );
      state.lastSeq = poison.dynamodb!.SequenceNumber;
      state.attempts = 0;
    }
    state.iterator = undefined; // re-read from the checkpoint
    persist();
    return true;
  }

  let running = true;
  let paused = false;
  const loops = options.functions.map(async (fn) => {
    const shards = (checkpoints[fn.name] ??= {});
    while (running) {
      if (paused) {
        await new Promise((r) => setTimeout(r, pollMs));
        continue;
      }
      let busy = false;
      let all: Awaited<ReturnType<typeof listShards>> = [];
      try {
        all = await listShards();
      } catch (err) {
        if (running) options.log?.(`stream poller (${fn.name}): ${(err as Error).message}`);
      }
      const listed = new Set(all.map((s) => s.ShardId));
      for (const shard of all) {
        const id = shard.ShardId!;
        const state = (shards[id] ??= {});
        // A child shard is read only after its parent (while the stream still lists it) is exhausted: per-key order.
        const parentPending =
          shard.ParentShardId && listed.has(shard.ParentShardId) && !shards[shard.ParentShardId]?.done;
        if (state.done || parentPending) continue;
        // One shard's trouble must not stop the others.
        try {
          busy = (await pollShard(fn, id, state)) || busy;
        } catch (err) {
          if (running) options.log?.(`stream poller (${fn.name}, ${id}): ${(err as Error).message}`);
        }
      }
      if (!busy && running) await new Promise((r) => setTimeout(r, pollMs));
    }
  });

  return {
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
    },
    stop: async () => {
      running = false;
      await Promise.all(loops);
      persist();
      ddb.destroy();
      streams.destroy();
    },
  };
}

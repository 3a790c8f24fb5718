/**
 * Re-drives the stream records the local poller set aside (the failure folder): each file's records go again to
 * the consumer that failed them, through the same local invoke path the poller uses. A file whose records all
 * succeed is moved to `replayed/` beside it (kept, not deleted); one that fails again stays where it is.
 * Safe to run twice: every consumer keys its effect by the record (event id, sequence number), so a record
 * already applied adds nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { type FunctionDef, type StreamTrigger, streamFunctions } from '../../shared/platform/manifest.ts';
import { invoke } from './lambda.ts';
import type { FailedBatch } from './streams.ts';

export interface ReplayResult {
  /** The failure file (local) or the queue message (cloud). */
  source: string;
  function?: string;
  records: number;
  outcome: 'replayed' | 'failed';
  /** Why it failed again. */
  reason?: string;
  /** Where a replayed file was moved to. */
  movedTo?: string;
  /** One line per record: what changed, and its place in the stream. */
  described?: string[];
}

/** `MODIFY Feedback FB-1 (sequence 4200…)`: enough to find the record in the table and in the logs. */
export function describeRecord(record: DynamoDBRecord): string {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const keys = record.dynamodb?.Keys;
  const what = image?.entity?.S
    ? `${image.entity.S} ${image.entityId?.S ?? ''}`.trim()
    : `${keys?.pk?.S ?? '?'} / ${keys?.sk?.S ?? '?'}`;
  return `${record.eventName ?? '?'} ${what} (sequence ${record.dynamodb?.SequenceNumber ?? '?'})`;
}

export const REPLAYED_FOLDER = 'replayed';

function readBatch(file: string): FailedBatch {
  const batch = JSON.parse(readFileSync(file, 'utf8')) as Partial<FailedBatch>;
  if (typeof batch.function !== 'string' || !Array.isArray(batch.records))
    throw new Error('not a failed-batch file (needs "function" and "records")');
  return batch as FailedBatch;
}

/** Moves a file into `replayed/`, never over an earlier one of the same name. */
function moveAside(file: string): string {
  const folder = resolve(file, '..', REPLAYED_FOLDER);
  mkdirSync(folder, { recursive: true });
  let target = resolve(folder, basename(file));
  for (let n = 2; existsSync(target); n++) target = resolve(folder, basename(file).replace(/\.json$/, `.${n}.json`));
  renameSync(file, target);
  return target;
}

/** What a consumer's answer says about a batch: undefined when every record succeeded. */
export function failureOf(response: unknown): string | undefined {
  const failed = (response as DynamoDBBatchResponse | undefined)?.batchItemFailures ?? [];
  return failed.length ? `records ${failed.map((f) => f.itemIdentifier).join(', ')} failed again` : undefined;
}

export async function replayLocalFailures(options: {
  dir: string;
  /** The consumers by name (default: the manifest's stream functions). */
  functions?: FunctionDef[];
  log?: (result: ReplayResult) => void;
}): Promise<ReplayResult[]> {
  const consumers = new Map(
    (options.functions ?? streamFunctions()).filter((f) => f.trigger.kind === 'stream').map((f) => [f.name, f]),
  );
  if (!existsSync(options.dir)) return [];
  // The names start with the failure time: replayed in the order the records failed.
  const files = readdirSync(options.dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => resolve(options.dir, e.name))
    .sort();
  const results: ReplayResult[] = [];
  for (const file of files) {
    const result = await replayFile(file, consumers);
    results.push(result);
    options.log?.(result);
  }
  return results;
}

async function replayFile(file: string, consumers: Map<string, FunctionDef>): Promise<ReplayResult> {
  let batch: FailedBatch;
  try {
    batch = readBatch(file);
  } catch (err) {
    return { source: file, records: 0, outcome: 'failed', reason: `unreadable: ${(err as Error).message}` };
  }
  const base = {
    source: file,
    function: batch.function,
    records: batch.records.length,
    described: batch.records.map(describeRecord),
  };
  const fn = consumers.get(batch.function) as (FunctionDef & { trigger: StreamTrigger }) | undefined;
  if (!fn) return { ...base, outcome: 'failed', reason: `no stream consumer named ${batch.function}` };
  try {
    const reason = failureOf(await invoke(fn, { Records: batch.records }));
    if (reason) return { ...base, outcome: 'failed', reason };
  } catch (err) {
    return { ...base, outcome: 'failed', reason: (err as Error).message };
  }
  return { ...base, outcome: 'replayed', movedTo: moveAside(file) };
}

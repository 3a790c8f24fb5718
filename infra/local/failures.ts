/**
 * The local on-failure destination: each record a stream consumer kept failing is kept as one JSON file in the
 * failure folder (`.data/stream-failures/` for npm start), which `npm run replay` re-drives.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FailedBatch } from './streams.ts';

/** Writes the batch as `<time>-<function>.json` (names sort in the order of the failures) and returns the path. */
export function writeFailedBatch(dir: string, batch: FailedBatch): string {
  mkdirSync(dir, { recursive: true });
  const seq = batch.records[0]?.dynamodb?.SequenceNumber;
  // The sequence number keeps two failures of the same millisecond apart.
  const file = resolve(dir, `${batch.at.replace(/[:.]/g, '-')}-${batch.function}${seq ? `-${seq}` : ''}.json`);
  writeFileSync(file, JSON.stringify(batch, null, 2));
  return file;
}

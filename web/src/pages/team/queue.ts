/** The verification queue's shapes and the pure steps of the page: grouping by person, batching decisions. */
import type { components } from '../../api/schema';

export type QueueEntry = components['schemas']['VerificationQueueEntry'];
export type DecisionResult = components['schemas']['DecisionResult'];

/** The API takes at most this many decisions per call. */
export const DECISIONS_PER_CALL = 50;

export interface PersonGroup {
  nip: string;
  name: string;
  entries: QueueEntry[];
}

/** Entries by owner, each person where their oldest entry stands (the queue is oldest first). */
export function groupByPerson(entries: QueueEntry[]): PersonGroup[] {
  const groups = new Map<string, PersonGroup>();
  for (const e of entries) {
    const group = groups.get(e.nip) ?? { nip: e.nip, name: e.name, entries: [] };
    group.entries.push(e);
    groups.set(e.nip, group);
  }
  return [...groups.values()];
}

export function inBatches<T>(items: T[], size = DECISIONS_PER_CALL): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** A refused decision as shown beside its entry: the API's message, and whether reloading may help. */
export interface Refusal {
  message: string;
  conflict: boolean;
}

export function refusalOf(result: DecisionResult): Refusal {
  const details = Array.isArray(result.error?.details) ? (result.error.details as { message?: unknown }[]) : [];
  const detail = details.map((d) => d.message).find((m): m is string => typeof m === 'string');
  return {
    message: [result.error?.message ?? `HTTP ${result.status}`, detail].filter(Boolean).join(' '),
    conflict: result.status === 409,
  };
}

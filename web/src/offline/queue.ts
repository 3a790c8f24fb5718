/**
 * Activities logged without a connection wait on the device, oldest first, each with the Idempotency-Key made when
 * it was queued. Sending reuses that key on every attempt, so an entry the API stored but whose answer was lost is
 * answered from the first response, never stored twice. A refusal (4xx) stays with the entry for the person to
 * fix or discard; no connection, a 5xx or an expired session leave it waiting. Pure: the store and the sending
 * are given, so the rules are tested without a browser (test/unit/web-offline-queue.test.ts).
 */
import { ApiError, type FieldError } from '../api/client';
import type { operations } from '../api/schema';

/** What POST /employees/{nip}/activities takes (the API's own type; no page code here, so Node tests load it). */
export type ActivityInput = operations['create-activity']['requestBody']['content']['application/json'];

export interface Refusal {
  status: number;
  code: string;
  message: string;
  details: FieldError[];
}

export interface QueuedActivity {
  /** The Idempotency-Key, made once: every attempt to send this entry carries it. */
  key: string;
  /** Who logged it (`<orgId>/<nip>`): only that person's session sends it. */
  owner: string;
  body: ActivityInput;
  queuedAt: string;
  /** The API's refusal, once it refused the entry: it waits for the person instead of being sent again. */
  refusal?: Refusal;
}

export interface QueueStore {
  read(): Promise<QueuedActivity[]>;
  /** Changes the stored list in one step, answering the list as stored. */
  update(change: (items: QueuedActivity[]) => QueuedActivity[]): Promise<QueuedActivity[]>;
}

/** No answer, or one that may be different next time: a dropped connection, a 5xx, throttling. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** While sending the queue, an expired session (401) also waits: signing in again sends it, the entry is fine. */
const waits = (error: unknown) => isUnreachable(error) || (error instanceof ApiError && error.status === 401);

export function refusalOf(error: ApiError): Refusal {
  return { status: error.status, code: error.code, message: error.message, details: error.details };
}

/** The refusal as the error the form shows: each message next to the field it names. */
export function errorOf(refusal: Refusal): ApiError {
  return new ApiError(refusal.status, refusal.code, refusal.message, refusal.details);
}

export const waiting = (items: QueuedActivity[], owner: string) => items.filter((i) => i.owner === owner && !i.refusal);
export const refused = (items: QueuedActivity[], owner: string) => items.filter((i) => i.owner === owner && i.refusal);

export function enqueue(store: QueueStore, item: QueuedActivity): Promise<QueuedActivity[]> {
  return store.update((items) => [...items.filter((i) => i.key !== item.key), item]);
}

/** A refused entry, fixed: it takes the old one's place in the order with a fresh key (the old key was refused). */
export function replace(
  store: QueueStore,
  key: string,
  body: ActivityInput,
  newKey: string,
): Promise<QueuedActivity[]> {
  return store.update((items) =>
    items.map((i) => (i.key === key ? { key: newKey, owner: i.owner, body, queuedAt: i.queuedAt } : i)),
  );
}

export function discard(store: QueueStore, key: string): Promise<QueuedActivity[]> {
  return store.update((items) => items.filter((i) => i.key !== key));
}

export interface SendOutcome {
  sent: number;
  refused: number;
  /** True when an entry could not get through: it and those after it wait for the next attempt. */
  stopped: boolean;
}

/**
 * Sends the owner's waiting entries in the order they were logged, each with its own key. A refused one is kept
 * with the API's message and the next is sent; the first that cannot get through stops the round, so nothing
 * overtakes it. Entries queued meanwhile are sent in the same round.
 */
export async function sendWaiting(
  store: QueueStore,
  owner: string,
  send: (item: QueuedActivity) => Promise<unknown>,
): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, refused: 0, stopped: false };
  const tried = new Set<string>();
  for (;;) {
    const next = waiting(await store.read(), owner).find((i) => !tried.has(i.key));
    if (!next) return outcome;
    tried.add(next.key);
    try {
      await send(next);
    } catch (err) {
      if (!(err instanceof ApiError) || waits(err)) return { ...outcome, stopped: true };
      await store.update((items) => items.map((i) => (i.key === next.key ? { ...i, refusal: refusalOf(err) } : i)));
      outcome.refused++;
      continue;
    }
    await discard(store, next.key);
    outcome.sent++;
  }
}

/** The wait before the next attempt after `failures` rounds in a row stopped: 5 s doubling, at most 5 minutes. */
export function retryDelay(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 300_000);
}

/** A store in memory: for tests, and where the browser has no IndexedDB. */
export function memoryStore(initial: QueuedActivity[] = []): QueueStore {
  let items = [...initial];
  return {
    read: async () => items,
    update: async (change) => {
      items = change(items);
      return items;
    },
  };
}

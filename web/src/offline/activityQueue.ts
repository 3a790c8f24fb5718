/**
 * The device's queue of activities not yet sent (queue.ts's rules), kept in IndexedDB so it outlives a closed tab,
 * and what sends it: at app start, when the browser is back online, after each entry is queued, and again with a
 * growing wait while the API cannot be reached. One round at a time per tab; two tabs sending the same entry is
 * harmless, its key makes the API store it once.
 */
import { createStore, get, update } from 'idb-keyval';
import {
  discard as discardIn,
  enqueue as enqueueIn,
  memoryStore,
  type QueuedActivity,
  type QueueStore,
  replace as replaceIn,
  retryDelay,
  sendWaiting,
} from './queue';

const KEY = 'activities';

function deviceStore(): QueueStore {
  if (typeof indexedDB === 'undefined') return memoryStore();
  const idb = createStore('kinerja-offline', 'queue');
  return {
    read: async () => (await get<QueuedActivity[]>(KEY, idb)) ?? [],
    update: async (change) => {
      let stored: QueuedActivity[] = [];
      await update<QueuedActivity[]>(
        KEY,
        (items) => {
          stored = change(items ?? []);
          return stored;
        },
        idb,
      );
      return stored;
    },
  };
}

const store = deviceStore();
let snapshot: QueuedActivity[] = [];
const listeners = new Set<() => void>();

function publish(items: QueuedActivity[]) {
  snapshot = items;
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getSnapshot = (): QueuedActivity[] => snapshot;

/** Reads the stored queue (another tab may have changed it). */
export async function refresh(): Promise<void> {
  publish(await store.read());
}

/** Who sends, and what to do after entries were sent; set by the signed-in frame. */
export interface Sender {
  owner: string;
  send: (item: QueuedActivity) => Promise<unknown>;
  onSent: () => void;
}

let sender: Sender | undefined;
let round: Promise<void> | undefined;
let again = false;
let failures = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export function setSender(next: Sender | undefined): void {
  sender = next;
  if (!next && timer) clearTimeout(timer);
}

/** Sends the waiting entries now (or right after the round in progress). */
export function sendNow(): Promise<void> {
  if (round) {
    again = true;
    return round;
  }
  round = (async () => {
    do {
      again = false;
      await sendRound();
    } while (again);
  })().finally(() => {
    round = undefined;
  });
  return round;
}

async function sendRound(): Promise<void> {
  const current = sender;
  if (!current) return;
  if (timer) clearTimeout(timer);
  timer = undefined;
  const outcome = await sendWaiting(instrumented, current.owner, current.send);
  if (outcome.sent > 0) current.onSent();
  if (outcome.stopped) {
    failures++;
    timer = setTimeout(() => void sendNow(), retryDelay(failures));
  } else {
    failures = 0;
  }
}

/** The store, publishing every change to the page. */
const instrumented: QueueStore = {
  read: store.read,
  update: async (change) => {
    const items = await store.update(change);
    publish(items);
    return items;
  },
};

export async function enqueue(item: QueuedActivity): Promise<void> {
  await enqueueIn(instrumented, item);
  void sendNow();
}

export async function replace(key: string, body: QueuedActivity['body']): Promise<void> {
  await replaceIn(instrumented, key, body, crypto.randomUUID());
  void sendNow();
}

export async function discard(key: string): Promise<void> {
  await discardIn(instrumented, key);
}

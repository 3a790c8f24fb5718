/**
 * The web app's offline queue (web/src/offline/queue.ts): entries are sent in the order they were logged, each
 * with its own key on every attempt; a refusal stays with its entry, no answer or a 5xx leaves it waiting.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import {
  discard,
  enqueue,
  isUnreachable,
  memoryStore,
  type QueuedActivity,
  refused,
  replace,
  retryDelay,
  sendWaiting,
  waiting,
} from '../../web/src/offline/queue.ts';

const OWNER = 'kota-medan/199001152015031003';

const entry = (key: string, owner = OWNER): QueuedActivity => ({
  key,
  owner,
  queuedAt: '2026-11-30T01:00:00.000Z',
  body: {
    date: '2026-11-30',
    start: '08:00',
    end: '09:00',
    description: `entry ${key}`,
    rhkId: 'rahmat-1',
    ikiId: 'rahmat-1-a',
    outputQuantity: 1,
    outputUnit: 'orang',
  },
});

const overlap = () => new ApiError(409, 'activity_overlap', 'Bertumpang tindih dengan aktivitas 08:00–09:00.');

/** A sender that answers each key from a script, recording every attempt's key in order. */
function scripted(answers: Record<string, (Error | 'ok')[]>) {
  const attempts: string[] = [];
  const send = async (item: QueuedActivity) => {
    attempts.push(item.key);
    const answer = answers[item.key]?.shift() ?? 'ok';
    if (answer !== 'ok') throw answer;
  };
  return { attempts, send };
}

describe('the offline queue', () => {
  it('sends the entries in the order they were logged and empties the queue', async () => {
    const store = memoryStore([entry('k1'), entry('k2'), entry('k3')]);
    const sender = scripted({});
    expect(await sendWaiting(store, OWNER, sender.send)).toEqual({ sent: 3, refused: 0, stopped: false });
    expect(sender.attempts).toEqual(['k1', 'k2', 'k3']);
    expect(await store.read()).toEqual([]);
  });

  it('stops at the first entry that cannot get through, so nothing overtakes it, and reuses its key next time', async () => {
    const store = memoryStore([entry('k1'), entry('k2')]);
    const sender = scripted({
      k1: [new ApiError(0, 'network', 'Failed to fetch'), new ApiError(503, 'http_503', 'x')],
    });
    expect(await sendWaiting(store, OWNER, sender.send)).toEqual({ sent: 0, refused: 0, stopped: true });
    expect(await sendWaiting(store, OWNER, sender.send)).toEqual({ sent: 0, refused: 0, stopped: true });
    expect(await sendWaiting(store, OWNER, sender.send)).toEqual({ sent: 2, refused: 0, stopped: false });
    // Every attempt at the first entry carried its one key; the second waited behind it.
    expect(sender.attempts).toEqual(['k1', 'k1', 'k1', 'k2']);
  });

  it('keeps a refused entry with the API message, and sends the next', async () => {
    const store = memoryStore([entry('k1'), entry('k2')]);
    const sender = scripted({ k1: [overlap()] });
    expect(await sendWaiting(store, OWNER, sender.send)).toEqual({ sent: 1, refused: 1, stopped: false });
    const [kept] = await store.read();
    expect(kept).toMatchObject({
      key: 'k1',
      refusal: { status: 409, code: 'activity_overlap', message: 'Bertumpang tindih dengan aktivitas 08:00–09:00.' },
    });
    // A refused entry is not sent again by itself: it waits for the person.
    expect(await sendWaiting(store, OWNER, sender.send)).toEqual({ sent: 0, refused: 0, stopped: false });
    expect(sender.attempts).toEqual(['k1', 'k2']);
    expect(refused(await store.read(), OWNER)).toHaveLength(1);
    expect(waiting(await store.read(), OWNER)).toHaveLength(0);
  });

  it('holds the queue on an expired session (401) instead of calling the entry refused', async () => {
    const store = memoryStore([entry('k1')]);
    const sender = scripted({ k1: [new ApiError(401, 'unauthorized', 'Sesi berakhir.')] });
    expect(await sendWaiting(store, OWNER, sender.send)).toEqual({ sent: 0, refused: 0, stopped: true });
    expect((await store.read())[0]!.refusal).toBeUndefined();
  });

  it('sends only the signed-in person’s entries', async () => {
    const store = memoryStore([entry('other', 'kota-medan/198809092011011001'), entry('mine')]);
    const sender = scripted({});
    await sendWaiting(store, OWNER, sender.send);
    expect(sender.attempts).toEqual(['mine']);
    expect((await store.read()).map((i) => i.key)).toEqual(['other']);
  });

  it('sends an entry queued while a round is under way in the same round', async () => {
    const store = memoryStore([entry('k1')]);
    const attempts: string[] = [];
    await sendWaiting(store, OWNER, async (item) => {
      attempts.push(item.key);
      if (item.key === 'k1') await enqueue(store, entry('k2'));
    });
    expect(attempts).toEqual(['k1', 'k2']);
  });

  it('puts a fixed entry back in its place with a fresh key and no refusal; a discarded one is gone', async () => {
    const store = memoryStore([entry('k1'), entry('k2'), entry('k3')]);
    await sendWaiting(
      store,
      OWNER,
      scripted({ k1: [overlap()], k2: [overlap()], k3: [new ApiError(0, 'network', '')] }).send,
    );
    const fixed = { ...entry('k1').body, start: '09:00', end: '10:00' };
    await replace(store, 'k1', fixed, 'k1-fixed');
    await discard(store, 'k2');
    const items = await store.read();
    expect(items.map((i) => [i.key, i.refusal?.code])).toEqual([
      ['k1-fixed', undefined],
      ['k3', undefined],
    ]);
    expect(items[0]!.body.start).toBe('09:00');
  });

  it.each([
    [new ApiError(0, 'network', ''), true],
    [new ApiError(500, 'internal', ''), true],
    [new ApiError(503, 'http_503', ''), true],
    [new ApiError(429, 'throttled', ''), true],
    [new ApiError(408, 'http_408', ''), true],
    [new ApiError(400, 'validation_failed', ''), false],
    [new ApiError(409, 'activity_overlap', ''), false],
    [new ApiError(422, 'activity_past_deadline', ''), false],
    [new ApiError(401, 'unauthorized', ''), false],
    [new Error('bug'), false],
  ])('%s is unreachable (queue it): %s', (error, expected) => {
    expect(isUnreachable(error)).toBe(expected);
  });

  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [7, 300_000],
    [30, 300_000],
  ])('after %i failed rounds waits %i ms', (failures, ms) => {
    expect(retryDelay(failures)).toBe(ms);
  });
});

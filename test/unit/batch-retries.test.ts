/** Batch calls retry what DynamoDB leaves unprocessed with full-jitter backoff, and give up with a clear error. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_RETRIES, backoffMs, OrgScope } from '../../shared/store/org-scope.ts';

const TABLE = 'unit-main';
beforeEach(() => {
  process.env.MAIN_TABLE = TABLE;
  // No real waiting: full jitter at its lower end.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => vi.restoreAllMocks());

/** A client whose batch calls leave `leftAfter(call)` of the items they were sent unprocessed. */
function fakeClient(leftAfter: (call: number, sent: number) => number) {
  const calls: number[] = [];
  const client = {
    send: async (command: { input: { RequestItems: Record<string, unknown> } }) => {
      const request = command.input.RequestItems[TABLE] as unknown[] | { Keys: unknown[] };
      const sent = Array.isArray(request) ? request : request.Keys;
      calls.push(sent.length);
      const left = sent.slice(0, leftAfter(calls.length, sent.length));
      if (Array.isArray(request)) return { UnprocessedItems: left.length ? { [TABLE]: left } : {} };
      return {
        Responses: { [TABLE]: sent.slice(left.length) },
        UnprocessedKeys: left.length ? { [TABLE]: { ...request, Keys: left } } : {},
      };
    },
  };
  return { calls, scope: new OrgScope('kota-medan', client as unknown as DynamoDBDocumentClient) };
}

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ pk: `ORG#kota-medan#X#${i}`, sk: 'S', orgId: 'kota-medan' }));

describe('putMany', () => {
  it('sends what is left until all is written', async () => {
    const { calls, scope } = fakeClient((call, sent) => (call < 3 ? sent - 1 : 0));
    await scope.putMany('main', items(5));
    expect(calls).toEqual([5, 4, 3]);
  });

  it(`gives up after ${BATCH_RETRIES.attempts} attempts with an error saying what is left and why`, async () => {
    const { calls, scope } = fakeClient(() => 2);
    await expect(scope.putMany('main', items(5))).rejects.toThrow(
      `BatchWriteItem on ${TABLE}: 2 of 5 items still unwritten after 8 attempts (DynamoDB is throttling the table)`,
    );
    expect(calls).toHaveLength(BATCH_RETRIES.attempts);
  });
});

describe('getMany', () => {
  it('reads what is left until all is read, then gives up the same way', async () => {
    const some = fakeClient((call, sent) => (call === 1 ? sent - 2 : 0));
    expect(await some.scope.getMany('main', items(4))).toHaveLength(4);
    expect(some.calls).toEqual([4, 2]);
    const none = fakeClient(() => 1);
    await expect(none.scope.getMany('main', items(3))).rejects.toThrow(/1 of 3 keys still unread after 8 attempts/);
    expect(none.calls).toHaveLength(BATCH_RETRIES.attempts);
  });
});

describe('backoffMs: full jitter', () => {
  it.each([
    [1, 0, 0],
    [1, 0.5, 25],
    [1, 0.999, 49.95],
    [3, 1, 200],
    [5, 1, 800],
    [6, 1, 1000], // 1600 capped
    [20, 1, 1000],
  ])('retry %i with random %f waits %f ms', (retry, random, ms) => {
    expect(backoffMs(retry, () => random)).toBeCloseTo(ms, 6);
  });
});

import { describe, expect, it } from 'vitest';
import { allInOrder, forEachConcurrently } from '../../shared/concurrency.ts';

const later = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((ok, no) => setTimeout(() => (fail ? no(new Error(String(value))) : ok(value)), ms));

describe('allInOrder', () => {
  it('gives the values in list order', async () => {
    expect(await allInOrder([later(20, 'a'), later(1, 'b'), Promise.resolve(3)])).toEqual(['a', 'b', 3]);
  });

  it('reports the first failure in list order, not the first in time', async () => {
    await expect(
      allInOrder([later(1, 'fine'), later(30, 'first in list', true), later(1, 'first in time', true)]),
    ).rejects.toThrow('first in list');
  });
});

describe('forEachConcurrently', () => {
  it('does every item once, never more than the limit at a time', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await later(5, null);
      seen.push(n);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });
});

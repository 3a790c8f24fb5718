import { describe, expect, it } from 'vitest';
import { groupByPerson, inBatches, type QueueEntry, refusalOf } from '../../web/src/pages/team/queue.ts';

const entry = (id: string, nip: string, name: string) => ({ id, nip, name }) as QueueEntry;

describe('the verification queue page', () => {
  it('groups entries by person, each where their oldest entry stands, keeping the order within', () => {
    const groups = groupByPerson([entry('1', 'a', 'Ani'), entry('2', 'b', 'Budi'), entry('3', 'a', 'Ani')]);
    expect(groups.map((g) => [g.name, g.entries.map((e) => e.id)])).toEqual([
      ['Ani', ['1', '3']],
      ['Budi', ['2']],
    ]);
  });

  it.each([
    [0, []],
    [50, [50]],
    [51, [50, 1]],
    [120, [50, 50, 20]],
  ])('sends %i decisions in calls of at most 50', (count, sizes) => {
    const batches = inBatches(Array.from({ length: count }, (_, i) => i));
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  it("shows a refusal by the API's message and its first detail, offering a reload on a conflict", () => {
    expect(
      refusalOf({
        id: '1',
        status: 400,
        error: { code: 'validation_failed', message: 'Isian tidak valid.', details: [{ message: 'Alasan wajib.' }] },
      }),
    ).toEqual({ message: 'Isian tidak valid. Alasan wajib.', conflict: false });
    expect(refusalOf({ id: '1', status: 409, error: { code: 'activity_conflict', message: 'Muat ulang.' } })).toEqual({
      message: 'Muat ulang.',
      conflict: true,
    });
  });
});

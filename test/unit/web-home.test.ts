/** The home page's reading of one's week: today's count and minutes, the week's entries by status. */
import { describe, expect, it } from 'vitest';
import { type Activity, summarise } from '../../web/src/pages/home/today.ts';

const TODAY = '2026-11-30';
let n = 0;
const entry = (date: string, start: string, minutes: number, status: Activity['status']) =>
  ({ id: `a${++n}`, date, start, minutes, status }) as Activity;

describe('summarise', () => {
  it.each<[string, Activity[], { todayCount: number; todayMinutes: number; pending: number; approved: number }]>([
    ['nothing logged', [], { todayCount: 0, todayMinutes: 0, pending: 0, approved: 0 }],
    [
      "today's entries count whatever their status",
      [entry(TODAY, '08:00', 60, 'pending'), entry(TODAY, '09:00', 30, 'rejected')],
      { todayCount: 2, todayMinutes: 90, pending: 1, approved: 0 },
    ],
    [
      'earlier days count for the week only',
      [entry('2026-11-29', '08:00', 45, 'approved'), entry(TODAY, '10:00', 15, 'approved')],
      { todayCount: 1, todayMinutes: 15, pending: 0, approved: 2 },
    ],
  ])('%s', (_, entries, expected) => {
    expect(summarise(entries, TODAY)).toMatchObject(expected);
  });

  it('lists the rejected newest first, by day then by start', () => {
    const older = entry('2026-11-28', '13:00', 60, 'rejected');
    const morning = entry(TODAY, '08:00', 60, 'rejected');
    const afternoon = entry(TODAY, '14:00', 60, 'rejected');
    const ids = summarise([older, morning, entry(TODAY, '09:00', 60, 'approved'), afternoon], TODAY).rejected.map(
      (e) => e.id,
    );
    expect(ids).toEqual([afternoon.id, morning.id, older.id]);
  });
});

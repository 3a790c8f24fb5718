/** Who sees the Tim page and the team's evaluations: direct subordinates, or a Plt/Plh on the assignment's dates. */
import { describe, expect, it } from 'vitest';
import { leadsATeam, type Viewer } from '../../web/src/viewer.ts';

const TODAY = '2026-11-30';
const acting = (startDate: string, endDate: string) => ({ startDate, endDate });

describe('leadsATeam', () => {
  it.each<[string, Viewer, boolean]>([
    ['nobody under them', { groups: [], directSubordinates: 0 }, false],
    ['no count known yet', { groups: [] }, false],
    ['direct subordinates', { groups: [], directSubordinates: 3 }, true],
    ['Plh from today to today', { groups: [], actingAssignments: [acting(TODAY, TODAY)] }, true],
    ['Plt ending today', { groups: [], actingAssignments: [acting('2026-11-01', TODAY)] }, true],
    ['Plh starting today', { groups: [], actingAssignments: [acting(TODAY, '2026-12-14')] }, true],
    [
      'Plh ended yesterday (page left open)',
      { groups: [], actingAssignments: [acting('2026-11-20', '2026-11-29')] },
      false,
    ],
    ['Plh starting tomorrow', { groups: [], actingAssignments: [acting('2026-12-01', '2026-12-14')] }, false],
    [
      'an ended one beside a current one',
      { groups: [], actingAssignments: [acting('2026-10-01', '2026-10-02'), acting(TODAY, TODAY)] },
      true,
    ],
    ['no assignments', { groups: [], directSubordinates: 0, actingAssignments: [] }, false],
  ])('%s', (_, viewer, expected) => {
    expect(leadsATeam(viewer, TODAY)).toBe(expected);
  });
});

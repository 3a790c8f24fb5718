import { describe, expect, it } from 'vitest';
import { activityCounts, breakdownByChild, childCodeUnder, type TreeUnit } from '../../shared/domain/roll-up.ts';
import {
  emptyTotals,
  indicatorsOf,
  type ServiceTotals,
  serviceTotalsSum,
} from '../../shared/domain/service-indicators.ts';
import { type ElementCode, elementCodes } from '../../shared/domain/skm.ts';

const unit = (code: string, path: string, kind: TreeUnit['kind'] = 'seksi'): TreeUnit => ({
  code,
  name: `Unit ${code}`,
  kind,
  path,
});
const OPD = unit('OPD', '/OPD/', 'opd');
const B1 = unit('B1', '/OPD/B1/', 'bidang');
const B2 = unit('B2', '/OPD/B2/', 'bidang');
const S11 = unit('S11', '/OPD/B1/S11/');
const S12 = unit('S12', '/OPD/B1/S12/');
const OTHER = unit('OTHER', '/OTHER/', 'opd');
const tree = [S12, OPD, B2, S11, B1, OTHER];

describe('childCodeUnder', () => {
  it.each<[label: string, root: string, path: string, child: string | undefined]>([
    ['the root itself', '/OPD/', '/OPD/', undefined],
    ['a direct child', '/OPD/', '/OPD/B1/', 'B1'],
    ['a grandchild counts under its child', '/OPD/', '/OPD/B1/S11/', 'B1'],
    ['outside the subtree', '/OPD/', '/OTHER/B/', undefined],
    ['a prefix of a code is not inside (trailing slash)', '/OPD/', '/OPD2/B/', undefined],
    ['from a bidang', '/OPD/B1/', '/OPD/B1/S12/', 'S12'],
  ])('%s', (_label, root, path, child) => {
    expect(childCodeUnder(root, path)).toBe(child);
  });
});

/** A number per unit is the simplest value to sum. */
const numbers = { empty: () => 0, add: (a: number, b: number) => a + b };
const at = (path: string, value: number) => ({ path, value });

describe('breakdownByChild', () => {
  it.each<[label: string, root: TreeUnit, values: { path: string; value: number }[], expected: unknown]>([
    [
      'an OPD: each bidang with its seksi below it, zero rows for children with nothing, nothing from elsewhere',
      OPD,
      [at('/OPD/B1/S11/', 3), at('/OPD/B1/S12/', 4), at('/OPD/B1/', 1), at('/OTHER/', 50)],
      {
        total: 8,
        own: 0,
        children: [
          ['B1', 8],
          ['B2', 0],
        ],
      },
    ],
    [
      'a bidang: its seksi, and what it recorded itself as own',
      B1,
      [at('/OPD/B1/S11/', 3), at('/OPD/B1/S12/', 4), at('/OPD/B1/', 1), at('/OPD/B2/', 9)],
      {
        total: 8,
        own: 1,
        children: [
          ['S11', 3],
          ['S12', 4],
        ],
      },
    ],
    [
      'a seksi: no children, everything own',
      S11,
      [at('/OPD/B1/S11/', 3), at('/OPD/B1/S11/', 2)],
      {
        total: 5,
        own: 5,
        children: [],
      },
    ],
    [
      'nothing recorded',
      OPD,
      [],
      {
        total: 0,
        own: 0,
        children: [
          ['B1', 0],
          ['B2', 0],
        ],
      },
    ],
    [
      'a unit missing from the directory still counts, under its code',
      B1,
      [at('/OPD/B1/GONE/', 7)],
      {
        total: 7,
        own: 0,
        children: [
          ['GONE', 7],
          ['S11', 0],
          ['S12', 0],
        ].sort(),
      },
    ],
  ])('%s', (_label, root, values, expected) => {
    const b = breakdownByChild(root, tree, values, numbers);
    expect({
      total: b.total,
      own: b.own,
      children: b.children.map((c) => [c.unit.code, c.total]).sort(),
    }).toEqual(expected);
  });

  it('orders children by path and keeps their names and kinds', () => {
    const b = breakdownByChild(OPD, tree, [], numbers);
    expect(b.children.map((c) => c.unit)).toEqual([B1, B2]);
  });

  it('names a missing child by its code, of the kind one level down', () => {
    const b = breakdownByChild(OPD, tree, [at('/OPD/GONE/S/', 1)], numbers);
    expect(b.children.find((c) => c.unit.code === 'GONE')!.unit).toEqual({
      code: 'GONE',
      name: 'GONE',
      kind: 'bidang',
      path: '/OPD/GONE/',
    });
  });

  it('sums activity counts, members included', () => {
    const row = (members: number, n: number, oldestPending: string | null = null) => ({
      members,
      logging: n > 1 ? members : 0,
      pending: n,
      approved: 2 * n,
      rejected: 3 * n,
      countedMinutes: 100 * n,
      oldestPending,
    });
    const b = breakdownByChild(
      B1,
      tree,
      [at('/OPD/B1/S11/', 0), at('/OPD/B1/S12/', 0), at('/OPD/B1/S12/', 0)].map((v, i) => ({
        path: v.path,
        value: row(1, i + 1, [null, '2026-11-09', '2026-11-03'][i]),
      })),
      activityCounts,
    );
    // Adoption adds up; the oldest waiting entry is the earliest date of any, null only where none waits.
    expect(b.total).toEqual({ ...row(3, 6, '2026-11-03'), logging: 2 });
    expect(b.children.map((c) => c.total)).toEqual([row(1, 1), { ...row(2, 5, '2026-11-03'), logging: 2 }]);
  });
});

describe('service indicators of a subtree', () => {
  const sums = (value: number) =>
    Object.fromEntries(elementCodes.map((c) => [c, value])) as Record<ElementCode, number>;
  const totals = (over: Partial<ServiceTotals>): ServiceTotals => ({ ...emptyTotals(), ...over });
  // S11: 1 respondent answering all 4 (IKM 100); S12: 9 respondents answering all 1 (IKM 25).
  const s11 = totals({ served: 4, withinStandard: 4, histogram: { 10: 4 }, respondents: 1, sums: sums(4) });
  const s12 = totals({ served: 6, withinStandard: 3, histogram: { 50: 6 }, respondents: 9, sums: sums(9) });
  const b = breakdownByChild(
    B1,
    tree,
    [
      { path: S11.path, value: s11 },
      { path: S12.path, value: s12 },
    ],
    serviceTotalsSum,
  );
  const total = indicatorsOf(b.total);

  it('computes the IKM from all responses of the subtree, never as a mean of the children’s IKM', () => {
    // All 10 responses: (1×4 + 9×1) / 10 = 1.3 per element → IKM 32.5 (the mean of 100 and 25 would be 62.5).
    expect(total.survey.respondents).toBe(10);
    expect(total.survey.ikm).toBe(32.5);
    expect(total.survey.grade).toBe('D');
  });

  it('reads served, the shares, the median and the sample size from the summed totals', () => {
    expect(total.served).toBe(10);
    expect(total.withinStandardPct).toBe(70);
    expect(total.late).toBe(3);
    expect(total.latePct).toBe(30);
    // 4 at 10 min and 6 at 50 min: the median of 10 is (50 + 50) / 2.
    expect(total.medianMinutes).toBe(50);
    // Krejcie–Morgan for N = 10 (s = 10), not the sum of each child's sample size.
    expect(total.survey.sampleTarget).toBe(10);
    expect(total.survey.provisional).toBe(false);
  });

  it('keeps each child’s own figures in the breakdown', () => {
    expect(b.children.map((c) => [c.unit.code, indicatorsOf(c.total).survey.ikm])).toEqual([
      ['S11', 100],
      ['S12', 25],
    ]);
  });
});

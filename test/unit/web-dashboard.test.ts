/** The dashboard's data shaping (web/src/pages/dashboard/shape.ts), table by table. */
import { describe, expect, it } from 'vitest';
import {
  adoptionRows,
  dashboardHref,
  daysBetween,
  elementRows,
  pickPeriod,
  sharePct,
  slowestTypes,
  trendPoints,
} from '../../web/src/pages/dashboard/shape.ts';

const month = (m: number) => {
  const mm = String(m).padStart(2, '0');
  return { id: `2026-${mm}`, kind: 'month', start: `2026-${mm}-01`, end: `2026-${mm}-28` };
};
const year = [
  ...Array.from({ length: 12 }, (_, i) => month(i + 1)),
  {
    id: '2026',
    kind: 'year',
    start: '2026-01-01',
    end: '2026-12-31',
  },
];

describe('pickPeriod', () => {
  it.each([
    ['the asked period when the year has it', '2026-11-15', '2026-03', '2026-03'],
    ['the whole year when asked', '2026-11-15', '2026', '2026'],
    ['the month holding today when nothing is asked', '2026-11-15', null, '2026-11'],
    ['the month holding today when the asked one is not in the year', '2026-11-15', '2025-12', '2026-11'],
    ['the last begun month on a day between months (29th, past the fixture’s 28)', '2026-11-29', null, '2026-11'],
    ['the first month of a year not begun yet', '2025-12-20', null, '2026-01'],
  ])('%s', (_, today, asked, expected) => {
    expect(pickPeriod(year, today, asked)?.id).toBe(expected);
  });

  it('has nothing to pick in a year without periods', () => {
    expect(pickPeriod([], '2026-11-15')).toBeUndefined();
  });
});

describe('daysBetween and sharePct', () => {
  it.each([
    ['2026-11-03', '2026-11-30', 27],
    ['2026-02-27', '2026-03-01', 2],
    ['2026-11-30', '2026-11-30', 0],
    ['2026-12-01', '2026-11-30', 0],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [5, 5, 100],
    [0, 4, 0],
    [0, 0, null],
  ])('%i of %i is %s %', (part, whole, pct) => {
    expect(sharePct(part, whole)).toBe(pct);
  });
});

describe('adoptionRows', () => {
  it('gives each child unit its adoption share and the age of its oldest waiting entry', () => {
    const rows = adoptionRows(
      [
        { unitCode: 'B1', name: 'Bidang 1', members: 4, logging: 3, pending: 5, oldestPending: '2026-11-20' },
        { unitCode: 'B2', name: 'Bidang 2', members: 0, logging: 0, pending: 0, oldestPending: null },
      ],
      '2026-11-30',
    );
    expect(rows).toEqual([
      {
        unitCode: 'B1',
        name: 'Bidang 1',
        members: 4,
        logging: 3,
        adoptionPct: 75,
        pending: 5,
        oldestPending: '2026-11-20',
        oldestPendingDays: 10,
      },
      {
        unitCode: 'B2',
        name: 'Bidang 2',
        members: 0,
        logging: 0,
        adoptionPct: null,
        pending: 0,
        oldestPending: null,
        oldestPendingDays: null,
      },
    ]);
  });
});

describe('slowestTypes', () => {
  const type = (
    name: string,
    medianMinutes: number | null,
    standardMinutes: number | null,
    served = 1,
    latePct = 0,
  ) => ({
    unitCode: 'S',
    serviceType: name.toLowerCase(),
    name,
    standardMinutes,
    served,
    medianMinutes,
    latePct,
  });

  it('orders by the median against the standard, then the median, the late share and the name', () => {
    const types = [
      type('Cepat', 20, 60),
      type('Lama-tapi-longgar', 100, 120),
      type('Lambat', 90, 60),
      type('Kembar-B', 30, 60, 1, 10),
      type('Kembar-A', 30, 60, 1, 10),
      type('Tanpa-standar', 45, null),
      type('Belum-melayani', null, 60, 0),
    ];
    expect(slowestTypes(types, 10).map((t) => t.name)).toEqual([
      'Tanpa-standar', // 45 minutes with no standard to hold it to counts as 45× (kept first, to be given one)
      'Lambat',
      'Lama-tapi-longgar',
      'Kembar-A',
      'Kembar-B',
      'Cepat',
    ]);
    expect(slowestTypes(types, 2)).toHaveLength(2);
  });
});

describe('elementRows and trendPoints', () => {
  it('lists the nine elements in order, none when nobody answered', () => {
    const nrr = { u2: 3.1, u1: 3.5, u3: 2, u4: 4, u5: 3, u6: 3, u7: 3, u8: 3, u9: 2.75 };
    expect(elementRows(nrr).map((r) => [r.code, r.nrr])).toEqual([
      ['u1', 3.5],
      ['u2', 3.1],
      ['u3', 2],
      ['u4', 4],
      ['u5', 3],
      ['u6', 3],
      ['u7', 3],
      ['u8', 3],
      ['u9', 2.75],
    ]);
    expect(elementRows(null)).toEqual([]);
  });

  it('keeps every month in place, with no median where nothing was served', () => {
    const p = (periodId: string, served: number, medianMinutes: number | null, ikm: number | null) => ({
      periodId,
      served,
      medianMinutes,
      latePct: served ? 0 : null,
      survey: { ikm },
    });
    expect(trendPoints([p('2026-01', 0, 12, null), p('2026-02', 3, 40, 87.5)])).toEqual([
      { periodId: '2026-01', served: 0, medianMinutes: null, latePct: null, ikm: null },
      { periodId: '2026-02', served: 3, medianMinutes: 40, latePct: 0, ikm: 87.5 },
    ]);
  });
});

describe('dashboardHref', () => {
  it.each([
    ['DUK-DAFDUK', '2026-11', undefined, '/dasbor?unit=DUK-DAFDUK&periode=2026-11'],
    ['DUK-IDK', '2026-11', 'tindak-lanjut', '/dasbor?unit=DUK-IDK&periode=2026-11#tindak-lanjut'],
    ['DISDUKCAPIL', undefined, undefined, '/dasbor?unit=DISDUKCAPIL'],
  ])('%s %s %s → %s', (unit, period, hash, href) => {
    expect(dashboardHref(unit, period, hash)).toBe(href);
  });
});

import { describe, expect, it } from 'vitest';
import {
  canMovePeriod,
  derivePeriods,
  type PeriodDates,
  type PeriodKind,
  type PeriodState,
  periodChange,
  periodOf,
  periodTransitions,
} from '../../shared/domain/periods.ts';

/** Every month of 2026 (not a leap year), exactly: id, start, end, input deadline (day 5 of the next month). */
const months2026: [id: string, start: string, end: string, inputDeadline: string][] = [
  ['2026-01', '2026-01-01', '2026-01-31', '2026-02-05'],
  ['2026-02', '2026-02-01', '2026-02-28', '2026-03-05'],
  ['2026-03', '2026-03-01', '2026-03-31', '2026-04-05'],
  ['2026-04', '2026-04-01', '2026-04-30', '2026-05-05'],
  ['2026-05', '2026-05-01', '2026-05-31', '2026-06-05'],
  ['2026-06', '2026-06-01', '2026-06-30', '2026-07-05'],
  ['2026-07', '2026-07-01', '2026-07-31', '2026-08-05'],
  ['2026-08', '2026-08-01', '2026-08-31', '2026-09-05'],
  ['2026-09', '2026-09-01', '2026-09-30', '2026-10-05'],
  ['2026-10', '2026-10-01', '2026-10-31', '2026-11-05'],
  ['2026-11', '2026-11-01', '2026-11-30', '2026-12-05'],
  ['2026-12', '2026-12-01', '2026-12-31', '2027-01-05'],
];

/** Every quarter of 2026, exactly. */
const quarters2026: [id: string, start: string, end: string, inputDeadline: string][] = [
  ['2026-Q1', '2026-01-01', '2026-03-31', '2026-04-05'],
  ['2026-Q2', '2026-04-01', '2026-06-30', '2026-07-05'],
  ['2026-Q3', '2026-07-01', '2026-09-30', '2026-10-05'],
  ['2026-Q4', '2026-10-01', '2026-12-31', '2027-01-05'],
];

/** February's end in leap and non-leap years (incl. century rules). */
const februaries: [year: number, end: string][] = [
  [2026, '2026-02-28'],
  [2027, '2027-02-28'],
  [2028, '2028-02-29'],
  [2100, '2100-02-28'],
  [2000, '2000-02-29'],
];

/** Deadlines with a custom deadline day: [year, cadence, deadlineDay, period id, expected deadline]. */
const customDeadlines: [
  label: string,
  year: number,
  cadence: 'monthly' | 'quarterly',
  day: number,
  id: string,
  deadline: string,
][] = [
  ['day 10, January', 2026, 'monthly', 10, '2026-01', '2026-02-10'],
  ['day 10, December → January next year', 2026, 'monthly', 10, '2026-12', '2027-01-10'],
  ['day 10, the year', 2026, 'monthly', 10, '2026', '2027-01-10'],
  ['day 10, Q2', 2026, 'quarterly', 10, '2026-Q2', '2026-07-10'],
  ['day 1, November', 2026, 'monthly', 1, '2026-11', '2026-12-01'],
  ['day 31, January → clamped to 28 Feb (2026)', 2026, 'monthly', 31, '2026-01', '2026-02-28'],
  ['day 31, January → clamped to 29 Feb (leap 2028)', 2028, 'monthly', 31, '2028-01', '2028-02-29'],
  ['day 30, January → clamped to 28 Feb (2026)', 2026, 'monthly', 30, '2026-01', '2026-02-28'],
  ['day 29, January → 29 Feb (leap 2028), not clamped', 2028, 'monthly', 29, '2028-01', '2028-02-29'],
  ['day 29, January → clamped to 28 Feb (2027)', 2027, 'monthly', 29, '2027-01', '2027-02-28'],
  ['day 31, March → clamped to 30 April', 2026, 'monthly', 31, '2026-03', '2026-04-30'],
  ['day 31, April → 31 May, not clamped', 2026, 'monthly', 31, '2026-04', '2026-05-31'],
  ['day 31, Q1 → clamped to 30 April', 2026, 'quarterly', 31, '2026-Q1', '2026-04-30'],
  ['day 31, Q2 → 31 July', 2026, 'quarterly', 31, '2026-Q2', '2026-07-31'],
  ['day 31, December → 31 January next year', 2026, 'monthly', 31, '2026-12', '2027-01-31'],
  ['day 31, Q4 → 31 January next year', 2026, 'quarterly', 31, '2026-Q4', '2027-01-31'],
];

const states: PeriodState[] = ['open', 'closed', 'scored', 'finalised'];

/** Which moves are allowed: everything not listed here is refused. */
const allowedMoves: [from: PeriodState, to: PeriodState][] = [
  ['open', 'closed'],
  ['closed', 'open'],
  ['closed', 'scored'],
  ['scored', 'closed'],
  ['scored', 'finalised'],
];

/** The full 4×4 table, derived from allowedMoves so every pair (incl. same → same) is checked. */
const moveTable: [from: PeriodState, to: PeriodState, ok: boolean][] = states.flatMap((from) =>
  states.map((to): [PeriodState, PeriodState, boolean] => [
    from,
    to,
    allowedMoves.some(([f, t]) => f === from && t === to),
  ]),
);

/** periodOf on 2026's monthly and quarterly periods: [date, kind, expected id or undefined]. */
const lookups: [
  label: string,
  cadence: 'monthly' | 'quarterly',
  date: string,
  kind: PeriodKind,
  id: string | undefined,
][] = [
  ['first day of a month', 'monthly', '2026-03-01', 'month', '2026-03'],
  ['last day of a month', 'monthly', '2026-03-31', 'month', '2026-03'],
  ['day after a month ends', 'monthly', '2026-04-01', 'month', '2026-04'],
  ['28 Feb, non-leap year', 'monthly', '2026-02-28', 'month', '2026-02'],
  ['first day of the year', 'monthly', '2026-01-01', 'month', '2026-01'],
  ['last day of the year', 'monthly', '2026-12-31', 'month', '2026-12'],
  ['date in the previous year', 'monthly', '2025-12-31', 'month', undefined],
  ['date in the next year', 'monthly', '2027-01-01', 'month', undefined],
  ['the year period, mid-year', 'monthly', '2026-07-15', 'year', '2026'],
  ['the year period, 1 January', 'monthly', '2026-01-01', 'year', '2026'],
  ['the year period, 31 December', 'monthly', '2026-12-31', 'year', '2026'],
  ['the year period, another year', 'monthly', '2027-01-01', 'year', undefined],
  ['quarter start', 'quarterly', '2026-04-01', 'quarter', '2026-Q2'],
  ['quarter end', 'quarterly', '2026-06-30', 'quarter', '2026-Q2'],
  ['quarter end, Q3', 'quarterly', '2026-09-30', 'quarter', '2026-Q3'],
  ['quarter, another year', 'quarterly', '2025-10-01', 'quarter', undefined],
  ['month kind on quarterly periods', 'quarterly', '2026-04-01', 'month', undefined],
  ['quarter kind on monthly periods', 'monthly', '2026-04-01', 'quarter', undefined],
  ['year on quarterly periods', 'quarterly', '2026-05-05', 'year', '2026'],
];

describe('derivePeriods, monthly', () => {
  const periods = derivePeriods(2026, 'monthly');

  it('gives 13 periods: the 12 months in order, then the year', () => {
    expect(periods.map((p) => p.id)).toEqual([...months2026.map(([id]) => id), '2026']);
    expect(periods.map((p) => p.kind)).toEqual([...Array<PeriodKind>(12).fill('month'), 'year']);
  });

  it.each(months2026)('%s: %s … %s, deadline %s', (id, start, end, inputDeadline) => {
    expect(periods.find((p) => p.id === id)).toEqual({ id, kind: 'month', start, end, inputDeadline });
  });

  it('the year: 1 Jan … 31 Dec, deadline 5 January of the next year', () => {
    expect(periods[12]).toEqual({
      id: '2026',
      kind: 'year',
      start: '2026-01-01',
      end: '2026-12-31',
      inputDeadline: '2027-01-05',
    });
  });
});

describe('derivePeriods, quarterly', () => {
  const periods = derivePeriods(2026, 'quarterly');

  it('gives 5 periods: the 4 quarters in order, then the year', () => {
    expect(periods.map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026']);
    expect(periods.map((p) => p.kind)).toEqual(['quarter', 'quarter', 'quarter', 'quarter', 'year']);
  });

  it.each(quarters2026)('%s: %s … %s, deadline %s', (id, start, end, inputDeadline) => {
    expect(periods.find((p) => p.id === id)).toEqual({ id, kind: 'quarter', start, end, inputDeadline });
  });

  it('the year: 1 Jan … 31 Dec, deadline 5 January of the next year', () => {
    expect(periods[4]).toEqual({
      id: '2026',
      kind: 'year',
      start: '2026-01-01',
      end: '2026-12-31',
      inputDeadline: '2027-01-05',
    });
  });
});

describe('derivePeriods, February in leap and non-leap years', () => {
  it.each(februaries)('%i: February ends %s', (year, end) => {
    const feb = derivePeriods(year, 'monthly').find((p) => p.id === `${year}-02`);
    expect(feb).toEqual({
      id: `${year}-02`,
      kind: 'month',
      start: `${year}-02-01`,
      end,
      inputDeadline: `${year}-03-05`,
    });
  });

  it('Q1 of a leap year still ends 31 March', () => {
    expect(derivePeriods(2028, 'quarterly')[0]).toMatchObject({
      start: '2028-01-01',
      end: '2028-03-31',
      inputDeadline: '2028-04-05',
    });
  });
});

describe('derivePeriods, custom deadline day (clamped to the month length)', () => {
  it.each(customDeadlines)('%s', (_label, year, cadence, day, id, deadline) => {
    const period = derivePeriods(year, cadence, day).find((p) => p.id === id);
    expect(period?.inputDeadline).toBe(deadline);
  });

  it('a custom deadline day changes only the deadlines, not the dates', () => {
    const five = derivePeriods(2026, 'monthly');
    const ten = derivePeriods(2026, 'monthly', 10);
    expect(ten.map(({ inputDeadline: _, ...rest }) => rest)).toEqual(five.map(({ inputDeadline: _, ...rest }) => rest));
    expect(ten.every((p) => p.inputDeadline.endsWith('-10'))).toBe(true);
  });
});

describe('period transitions, the full 4×4 table', () => {
  it.each(moveTable)('%s → %s: allowed %s', (from, to, ok) => {
    expect(canMovePeriod(from, to)).toBe(ok);
    expect(periodTransitions[from].includes(to)).toBe(ok);
  });

  it('a finalised period never changes', () => {
    expect(periodTransitions.finalised).toEqual([]);
  });
});

describe('periodOf', () => {
  const byCadence = { monthly: derivePeriods(2026, 'monthly'), quarterly: derivePeriods(2026, 'quarterly') };

  it.each(lookups)('%s (%s, %s, %s) → %s', (_label, cadence, date, kind, id) => {
    const found: PeriodDates | undefined = periodOf(byCadence[cadence], date, kind);
    expect(found?.id).toBe(id);
    if (found) expect(found.kind).toBe(kind);
  });

  it('returns the same object it was given (keeps extra fields)', () => {
    const withState = derivePeriods(2026, 'monthly').map((p) => ({ ...p, state: 'open' as PeriodState }));
    const found = periodOf(withState, '2026-05-20', 'month');
    expect(found).toBe(withState[4]);
    expect(found?.state).toBe('open');
  });
});

describe("periodChange: what an administrator's request does to a period as stored now", () => {
  const year2026 = derivePeriods(2026, 'quarterly');
  const at = (id: string, state: PeriodState, rulesVersion?: number) => ({
    ...year2026.find((p) => p.id === id)!,
    state,
    ...(rulesVersion ? { rulesVersion } : {}),
  });
  const quarters = (...states: PeriodState[]) => [
    ...states.map((state, q) => ({ id: `2026-Q${q + 1}`, kind: 'quarter' as const, state })),
    { id: '2026', kind: 'year' as const, state: 'open' as const },
  ];
  const allScored = quarters('scored', 'scored', 'scored', 'scored');

  const cases: [
    label: string,
    period: ReturnType<typeof at>,
    request: { state?: PeriodState; inputDeadline?: string },
    expected: unknown,
  ][] = [
    [
      'open → closed',
      at('2026-Q1', 'open'),
      { state: 'closed' },
      { change: { state: 'closed', rulesVersion: undefined } },
    ],
    [
      'closed → scored pins the rules in force',
      at('2026-Q1', 'closed'),
      { state: 'scored' },
      { change: { state: 'scored', rulesVersion: 4 } },
    ],
    [
      'a pinned version is kept while scored',
      at('2026-Q1', 'scored', 2),
      { inputDeadline: undefined },
      { change: { state: 'scored', rulesVersion: 2 } },
    ],
    [
      'scored → closed releases the pin',
      at('2026-Q1', 'scored', 2),
      { state: 'closed' },
      { change: { state: 'closed', rulesVersion: undefined } },
    ],
    [
      'same state: no transition check',
      at('2026-Q1', 'open'),
      { state: 'open' },
      { change: { state: 'open', rulesVersion: undefined } },
    ],
    [
      'a finalised period never changes',
      at('2026-Q1', 'finalised'),
      { state: 'closed' },
      { problem: { code: 'period_finalised', params: { period: '2026-Q1' } } },
    ],
    [
      'finality only by the workflow',
      at('2026-Q1', 'scored'),
      { state: 'finalised' },
      { problem: { code: 'period_state_by_workflow', params: { state: 'finalised' } } },
    ],
    [
      'open → scored skips a step',
      at('2026-Q1', 'open'),
      { state: 'scored' },
      {
        problem: {
          code: 'period_transition_invalid',
          params: { period: '2026-Q1', from: 'open', to: 'scored', allowed: 'closed' },
        },
      },
    ],
    [
      'the year waits for its periods',
      at('2026', 'closed'),
      { state: 'scored' },
      {
        problem: {
          code: 'year_periods_not_finalised',
          params: { year: 2026, state: 'scored', pending: '2026-Q3, 2026-Q4' },
        },
      },
    ],
    [
      'a new deadline while open',
      at('2026-Q1', 'open'),
      { inputDeadline: '2026-04-10' },
      { change: { state: 'open', inputDeadline: '2026-04-10', rulesVersion: undefined } },
    ],
    [
      'no deadline change once scored',
      at('2026-Q1', 'scored', 1),
      { inputDeadline: '2026-04-10' },
      { problem: { code: 'deadline_locked', params: { period: '2026-Q1', state: 'scored' } } },
    ],
    [
      'no deadline before the period ends',
      at('2026-Q1', 'closed'),
      { inputDeadline: '2026-03-30' },
      { problem: { code: 'deadline_before_period_end', params: { deadline: '2026-03-30', end: '2026-03-31' } } },
    ],
  ];

  it.each(cases)('%s', (_label, period, request, expected) => {
    expect(periodChange(period, quarters('scored', 'scored', 'closed', 'open'), request, 4)).toEqual(expected);
  });

  it('the year is scored once every period is', () => {
    expect(periodChange(at('2026', 'closed'), allScored, { state: 'scored' }, 1)).toEqual({
      change: { state: 'scored', rulesVersion: 1 },
    });
  });
});

/**
 * Performance years and their periods (PermenPANRB 6/2022: monthly or quarterly periodic evaluation, plus the
 * year). Pure. Dates are calendar dates in WIB, YYYY-MM-DD.
 */
export type Cadence = 'monthly' | 'quarterly';
export type PeriodKind = 'month' | 'quarter' | 'year';
export type PeriodState = 'open' | 'closed' | 'scored' | 'finalised';

export interface PeriodDates {
  id: string;
  kind: PeriodKind;
  start: string;
  end: string;
  /** Batas pengisian: the last day activities for the period may be entered. */
  inputDeadline: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Day `day` of the month after (year, month), clamped to that month's length. */
function dayOfNextMonth(year: number, month: number, day: number): string {
  const y = month === 12 ? year + 1 : year;
  const m = month === 12 ? 1 : month + 1;
  return `${y}-${pad(m)}-${pad(Math.min(day, lastDay(y, m)))}`;
}

/**
 * The periods of a year: twelve months or four quarters, then the year itself. Each deadline is day
 * `deadlineDay` of the month after the period (policy default 5).
 */
export function derivePeriods(year: number, cadence: Cadence, deadlineDay = 5): PeriodDates[] {
  const span = (id: string, kind: PeriodKind, fromMonth: number, toMonth: number): PeriodDates => ({
    id,
    kind,
    start: `${year}-${pad(fromMonth)}-01`,
    end: `${year}-${pad(toMonth)}-${pad(lastDay(year, toMonth))}`,
    inputDeadline: dayOfNextMonth(year, toMonth, deadlineDay),
  });
  const parts =
    cadence === 'monthly'
      ? Array.from({ length: 12 }, (_, i) => span(`${year}-${pad(i + 1)}`, 'month', i + 1, i + 1))
      : Array.from({ length: 4 }, (_, q) => span(`${year}-Q${q + 1}`, 'quarter', q * 3 + 1, q * 3 + 3));
  return [...parts, span(String(year), 'year', 1, 12)];
}

/** Allowed state changes. Re-opening a closed period is allowed (a late correction); a finalised one never changes. */
export const periodTransitions: Record<PeriodState, PeriodState[]> = {
  open: ['closed'],
  closed: ['open', 'scored'],
  scored: ['closed', 'finalised'],
  finalised: [],
};

export const canMovePeriod = (from: PeriodState, to: PeriodState): boolean => periodTransitions[from].includes(to);

/** The period of the given kind containing a date, from a year's periods. */
export const periodOf = <P extends PeriodDates>(periods: P[], date: string, kind: PeriodKind): P | undefined =>
  periods.find((p) => p.kind === kind && p.start <= date && date <= p.end);


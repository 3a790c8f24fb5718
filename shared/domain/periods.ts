/**
 * Performance years and their periods (PermenPANRB 6/2022: monthly or quarterly periodic evaluation, plus the
 * year). Pure. Dates are calendar dates in WIB, YYYY-MM-DD.
 */
import { yearOf } from './time.ts';

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

/** How far along a state is: a year moves to a state only after each of its periods has got at least that far. */
const stateOrder: Record<PeriodState, number> = { open: 0, closed: 1, scored: 2, finalised: 3 };

export interface PeriodRequest {
  state?: PeriodState;
  inputDeadline?: string;
}

export type PeriodChangeProblem = {
  code:
    | 'period_finalised'
    | 'period_state_by_workflow'
    | 'period_transition_invalid'
    | 'year_periods_not_finalised'
    | 'deadline_locked'
    | 'deadline_before_period_end';
  params: Record<string, unknown>;
};

/**
 * What an administrator's request does to a period as stored now (its year's periods alongside), or why it is
 * refused. Scoring pins `rulesInForce` unless a version is pinned already; any other state releases it.
 */
export function periodChange(
  period: PeriodDates & { state: PeriodState; rulesVersion?: number; opds?: Record<string, unknown> },
  yearPeriods: readonly { id: string; kind: PeriodKind; state: PeriodState }[],
  { state, inputDeadline }: PeriodRequest,
  rulesInForce: number,
):
  | { problem: PeriodChangeProblem }
  | { change: { state: PeriodState; inputDeadline?: string; rulesVersion: number | undefined } } {
  const refuse = (code: PeriodChangeProblem['code'], params: Record<string, unknown>) => ({
    problem: { code, params },
  });
  if (period.state === 'finalised') return refuse('period_finalised', { period: period.id });
  // Once an OPD is finalised, its evaluations stand: the period no longer goes back to closed.
  const finalOpds = Object.keys(period.opds ?? {});
  if (state !== undefined && state !== period.state && finalOpds.length > 0)
    return refuse('period_finalised', { period: `${period.id} (${finalOpds.join(', ')})` });
  if (state !== undefined && state !== period.state) {
    // Finality comes from the finalisation check (distribution curve, reviews), never from a plain state change.
    if (state === 'finalised') return refuse('period_state_by_workflow', { state });
    if (!canMovePeriod(period.state, state)) {
      return refuse('period_transition_invalid', {
        period: period.id,
        from: period.state,
        to: state,
        allowed: periodTransitions[period.state].join(', '),
      });
    }
    if (period.kind === 'year' && stateOrder[state] >= stateOrder.scored) {
      const pending = yearPeriods
        .filter((p) => p.kind !== 'year' && stateOrder[p.state] < stateOrder[state])
        .map((p) => p.id);
      if (pending.length > 0)
        return refuse('year_periods_not_finalised', { year: yearOf(period.id), state, pending: pending.join(', ') });
    }
  }
  if (inputDeadline !== undefined) {
    if (period.state !== 'open' && period.state !== 'closed')
      return refuse('deadline_locked', { period: period.id, state: period.state });
    if (inputDeadline < period.end)
      return refuse('deadline_before_period_end', { deadline: inputDeadline, end: period.end });
  }
  const next = state ?? period.state;
  return {
    change: {
      state: next,
      ...(inputDeadline !== undefined ? { inputDeadline } : {}),
      rulesVersion: next === 'scored' ? (period.rulesVersion ?? rulesInForce) : undefined,
    },
  };
}

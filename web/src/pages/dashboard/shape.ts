/**
 * The dashboard's figures shaped for its charts and tables: pure functions of what the API answered (no fetching,
 * no words), so they are table-tested (test/unit/web-dashboard.test.ts).
 */

/** The nine elements (unsur) of PermenPANRB 14/2017, in the order the API numbers them. */
export const elementCodes = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type ElementCode = (typeof elementCodes)[number];

interface PeriodLike {
  id: string;
  kind: string;
  start: string;
  end: string;
}

/**
 * The period to open with: the asked one when the year has it, else the month or quarter holding today, else the
 * year's last period that has begun, else its first.
 */
export function pickPeriod<P extends PeriodLike>(periods: P[], today: string, asked?: string | null): P | undefined {
  const parts = periods.filter((p) => p.kind !== 'year');
  return (
    (asked ? periods.find((p) => p.id === asked) : undefined) ??
    parts.find((p) => p.start <= today && today <= p.end) ??
    parts.filter((p) => p.start <= today).at(-1) ??
    parts[0] ??
    periods[0]
  );
}

/** Whole days from one calendar date (YYYY-MM-DD) to another; 0 when `to` is not later. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 86_400_000) : 0;
}

/** A share in percent, half-up to one decimal; null when there is nothing to share. */
export function sharePct(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

export interface AdoptionRow {
  unitCode: string;
  name: string;
  members: number;
  logging: number;
  /** Who logged anything in the period, in percent of the unit's people (null for a unit with nobody). */
  adoptionPct: number | null;
  pending: number;
  /** Days the oldest waiting entry has waited by `today`; null when none waits. */
  oldestPendingDays: number | null;
  oldestPending: string | null;
}

interface ChildActivity {
  unitCode: string;
  name: string;
  members: number;
  logging: number;
  pending: number;
  oldestPending: string | null;
}

/** Adoption and backlog per child unit, in the API's (tree) order. */
export function adoptionRows(children: ChildActivity[], today: string): AdoptionRow[] {
  return children.map((c) => ({
    unitCode: c.unitCode,
    name: c.name,
    members: c.members,
    logging: c.logging,
    adoptionPct: sharePct(c.logging, c.members),
    pending: c.pending,
    oldestPending: c.oldestPending,
    oldestPendingDays: c.oldestPending ? daysBetween(c.oldestPending, today) : null,
  }));
}

interface TypeFigures {
  unitCode: string;
  serviceType: string;
  name: string;
  standardMinutes: number | null;
  served: number;
  medianMinutes: number | null;
  latePct: number | null;
}

/**
 * The slowest service types: those that served anything, by median completion time against their standard (the
 * ratio, so a 90-minute type with a 60-minute standard comes before a 100-minute one with 120), then by the median
 * itself, the late share and the name; at most `n`.
 */
export function slowestTypes<T extends TypeFigures>(types: T[], n = 5): T[] {
  const ratio = (t: T) => (t.medianMinutes ?? 0) / (t.standardMinutes && t.standardMinutes > 0 ? t.standardMinutes : 1);
  return types
    .filter((t) => t.served > 0 && t.medianMinutes !== null)
    .sort(
      (a, b) =>
        ratio(b) - ratio(a) ||
        (b.medianMinutes ?? 0) - (a.medianMinutes ?? 0) ||
        (b.latePct ?? 0) - (a.latePct ?? 0) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, n);
}

export interface ElementRow {
  code: ElementCode;
  nrr: number;
}

/** The NRR of each of the nine elements, in order; empty when nobody answered. */
export function elementRows(nrr: Record<string, number> | null | undefined): ElementRow[] {
  if (!nrr) return [];
  return elementCodes.flatMap((code) => (typeof nrr[code] === 'number' ? [{ code, nrr: nrr[code]! }] : []));
}

interface TrendPeriod {
  periodId: string;
  served: number;
  medianMinutes: number | null;
  latePct: number | null;
  survey: { ikm: number | null };
}

export interface TrendPoint {
  periodId: string;
  served: number;
  medianMinutes: number | null;
  latePct: number | null;
  ikm: number | null;
}

/** The trend's points in order; a month with nothing served keeps its place with no median (a gap in the line). */
export function trendPoints(periods: TrendPeriod[]): TrendPoint[] {
  return periods.map((p) => ({
    periodId: p.periodId,
    served: p.served,
    medianMinutes: p.served > 0 ? p.medianMinutes : null,
    latePct: p.latePct,
    ikm: p.survey.ikm,
  }));
}

/** The dashboard's own address for a unit and period: every child unit row links to it. */
export function dashboardHref(unitCode: string, periodId: string | undefined, hash?: string): string {
  const q = new URLSearchParams({ unit: unitCode });
  if (periodId) q.set('periode', periodId);
  return `/dasbor?${q.toString()}${hash ? `#${hash}` : ''}`;
}

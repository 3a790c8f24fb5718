/**
 * Adoption of a unit (issue 18): who has logged nothing for a while, and whether enough of the unit logs. Pure;
 * never automatic — it names people and units for a look, it changes nothing.
 */
import type { Rules } from './rules.ts';
import { addDays } from './time.ts';

export interface MemberActivityFacts {
  nip: string;
  lastLoggedDate: string | null;
  active: boolean;
}

/** How far back a count looks, in calendar days, whatever the calendar (a long holiday cannot loop for ever). */
const LOOKBACK_DAYS = 366;
/** Idle working days are counted up to this for the list (so a long idle reads as such); never logged reads as it. */
export const IDLE_COUNT_CAP = 60;

/**
 * Idle working days = working days d with lastLoggedDate < d < today (complete working days since the last day
 * logged; today is not over yet), counted up to `cap`. Never logged (null) counts as `cap`.
 */
export function idleWorkingDaysOf(
  lastLoggedDate: string | null,
  today: string,
  isWorkingDay: (d: string) => boolean,
  cap: number,
): number {
  if (lastLoggedDate === null) return cap;
  let idle = 0;
  for (let back = 1; back <= LOOKBACK_DAYS && idle < cap; back++) {
    const d = addDays(today, -back);
    if (d <= lastLoggedDate) break;
    if (isWorkingDay(d)) idle++;
  }
  return idle;
}

export interface Adoption {
  members: number;
  loggingRecently: number;
  loggingPct: number | null;
  belowThreshold: boolean;
  idle: { nip: string; lastLoggedDate: string | null; idleWorkingDays: number }[];
}

/**
 * A unit's adoption over its active members: idle = idleWorkingDaysOf(…, cap IDLE_COUNT_CAP) ≥ idleWorkingDays;
 * loggingRecently = members not idle; loggingPct = loggingRecently / members × 100 (rounded down to one decimal);
 * belowThreshold when loggingRecently × 100 < adoptionMinPct × members. Idle members listed longest idle first.
 */
export function unitAdoption(
  members: MemberActivityFacts[],
  today: string,
  isWorkingDay: (d: string) => boolean,
  rules: Rules,
): Adoption {
  const active = members.filter((m) => m.active);
  const idle = active
    .map((m) => ({
      nip: m.nip,
      lastLoggedDate: m.lastLoggedDate,
      idleWorkingDays: idleWorkingDaysOf(
        m.lastLoggedDate,
        today,
        isWorkingDay,
        Math.max(IDLE_COUNT_CAP, rules.idleWorkingDays),
      ),
    }))
    .filter((m) => m.idleWorkingDays >= rules.idleWorkingDays)
    .sort((a, b) => (a.lastLoggedDate ?? '').localeCompare(b.lastLoggedDate ?? '') || a.nip.localeCompare(b.nip));
  const loggingRecently = active.length - idle.length;
  return {
    members: active.length,
    loggingRecently,
    loggingPct: active.length === 0 ? null : Math.floor((loggingRecently * 1000) / active.length) / 10,
    belowThreshold: active.length > 0 && loggingRecently * 100 < rules.adoptionMinPct * active.length,
    idle,
  };
}

/** A supervisor's verification queue is overdue when its oldest pending entry is older than queueDeadlineDays. */
export function queueOverdue(oldestPendingDays: number | null, rules: Pick<Rules, 'queueDeadlineDays'>): boolean {
  return oldestPendingDays !== null && oldestPendingDays > rules.queueDeadlineDays;
}

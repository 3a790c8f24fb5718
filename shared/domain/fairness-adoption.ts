/**
 * Adoption of a unit (issue 18): who has logged nothing for a while and whether enough of the unit logs. Pure.
 */
import type { Rules } from './rules.ts';

export interface MemberActivityFacts {
  nip: string;
  lastLoggedDate: string | null;
  active: boolean;
}

export function idleWorkingDaysOf(
  _lastLoggedDate: string | null,
  _today: string,
  _isWorkingDay: (d: string) => boolean,
  cap: number,
): number {
  return cap;
}

export interface Adoption {
  members: number;
  loggingRecently: number;
  loggingPct: number | null;
  belowThreshold: boolean;
  idle: { nip: string; lastLoggedDate: string | null; idleWorkingDays: number }[];
}

export function unitAdoption(
  members: MemberActivityFacts[],
  _today: string,
  _isWorkingDay: (d: string) => boolean,
  _rules: Rules,
): Adoption {
  return { members: members.length, loggingRecently: 0, loggingPct: null, belowThreshold: false, idle: [] };
}

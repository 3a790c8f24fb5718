/**
 * The organisation's rules for a year: policy defaults from domain.md, configurable per organisation and
 * versioned, so a change never silently re-rates a period already finalised. Pure.
 */
export interface Rules {
  /** Capaian is capped at this before it enters any weighted score (PermenPANRB 8/2021 practice: 120). */
  capaianCap: number;
  /** Per indicator: above expectation when capaian ≥ this (PP 30/2019 band "Sangat Baik" 110–120). */
  aboveThreshold: number;
  /** Per indicator: meets expectation when capaian ≥ this (band "Baik" 90–120), below otherwise. */
  meetsThreshold: number;
  /** Effective minutes counted per person per day (37.5 h a week over five days = 450). */
  dailyMinuteCap: number;
  /** Days after finalisation in which an employee may file a keberatan (appeal). */
  appealWindowDays: number;
  /** Batas pengisian: day of the month after a period by which its activities must be entered. */
  inputDeadlineDay: number;
  /** Days after the input deadline before the scheduled scoring runs: the supervisors' time to verify. */
  scoringDelayDays: number;
  /** A supervisor's daily digest lists entries waiting for verification longer than this many days. */
  reminderAfterDays: number;
}

export const defaultRules: Rules = {
  capaianCap: 120,
  aboveThreshold: 110,
  meetsThreshold: 90,
  dailyMinuteCap: 450,
  appealWindowDays: 14,
  inputDeadlineDay: 5,
  scoringDelayDays: 3,
  reminderAfterDays: 2,
};

/** One saved version of a year's rules. */
export interface RulesVersion extends Rules {
  rulesVersion: number;
  reason: string;
  updatedAt: string;
  updatedBy: string;
}

/** A year's rules: the version in force and every version, newest first. */
export interface RulesHistory {
  current: RulesVersion;
  history: RulesVersion[];
}

/**
 * The rules a period is judged by: the version it was scored with (pinned, so later changes never re-rate it),
 * else the year's current version; the policy defaults when the year has no rules saved.
 */
export function rulesOfPeriod(rules: RulesHistory | undefined, period?: { rulesVersion?: number }): RulesVersion {
  if (!rules)
    return {
      ...defaultRules,
      rulesVersion: 0,
      reason: 'Nilai bawaan kebijakan / policy defaults',
      updatedAt: '',
      updatedBy: '',
    };
  const pinned =
    period?.rulesVersion === undefined ? undefined : rules.history.find((r) => r.rulesVersion === period.rulesVersion);
  return pinned ?? rules.current;
}

/** The fields of the rules (without version, reason and stamp). */
export const ruleFields = Object.keys(defaultRules) as (keyof Rules)[];

/**
 * Rules version 1 of a newly opened year: the previous year's version in force carried over (a field it lacks
 * reads as its policy default), or the policy defaults when there is none.
 */
export function rulesForNewYear(
  year: number,
  previous: RulesVersion | undefined,
): Rules & { rulesVersion: 1; reason: string } {
  if (!previous) return { ...defaultRules, rulesVersion: 1, reason: 'Nilai bawaan kebijakan / policy defaults' };
  const carried = Object.fromEntries(ruleFields.map((f) => [f, previous[f] ?? defaultRules[f]])) as unknown as Rules;
  return {
    ...carried,
    rulesVersion: 1,
    reason: `Dilanjutkan dari aturan ${year - 1} versi ${previous.rulesVersion} / carried over from ${year - 1}`,
  };
}

export type RulesProblem = 'thresholds_out_of_order' | 'cap_below_above_threshold';

/** Cross-field consistency (field ranges are checked by the request schema). */
export function rulesProblems(r: Pick<Rules, 'meetsThreshold' | 'aboveThreshold' | 'capaianCap'>): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (r.meetsThreshold >= r.aboveThreshold) problems.push('thresholds_out_of_order');
  if (r.capaianCap < r.aboveThreshold) problems.push('cap_below_above_threshold');
  return problems;
}

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
  // Fairness signals (issue 18): thresholds for a second look, never automatic — a signal changes no score.
  /** Two descriptions are near-duplicates when their word-set Jaccard similarity is ≥ this (%). */
  duplicateSimilarityPct: number;
  /** …and a near-duplicate description is a signal when repeated on at least this many distinct days. */
  duplicateMinDays: number;
  /** Logged minutes exactly at `dailyMinuteCap` on at least this many consecutive days-with-entries. */
  capStreakDays: number;
  /** Entries created in the last this-many days up to the input deadline (or after) count as late… */
  lateWindowDays: number;
  /** …and are a signal when they are ≥ this share (%) of the period's entries… */
  lateSharePct: number;
  /** …and the period has at least this many entries. */
  lateMinEntries: number;
  /** Output claimed on service-measured IKIs ≥ this % of the service transactions credited… */
  overclaimRatioPct: number;
  /** …and claimed − credited ≥ this. */
  overclaimMinGap: number;
  /** The same evidence document (URL) cited by at least this many people of the same OPD in the period. */
  sharedOutputMinPeople: number;
  /** Approvals by one supervisor chained within this many seconds of each other… */
  bulkSeconds: number;
  /** …in runs of at least this many entries count as approved in bulk. */
  bulkMinEntries: number;
  /** Leniency and central tendency are computed only with at least this many people rated. */
  raterMinRated: number;
  /** A rater is out of line when |leniency − the OPD's others| ≥ this / 100 rating steps. */
  leniencyThresholdPct: number;
  /** A rater is out of line when their share of "sesuai" is ≥ this many points above the rest of the OPD. */
  centralTendencyPct: number;
  /** Nothing logged for at least this many working days → idle. */
  idleWorkingDays: number;
  /** A pending entry older than this many days → the supervisor's verification queue is overdue. */
  queueDeadlineDays: number;
  /** A unit where < this % of active members logged in the last `idleWorkingDays` working days is below. */
  adoptionMinPct: number;
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
  duplicateSimilarityPct: 80,
  duplicateMinDays: 8,
  capStreakDays: 10,
  lateWindowDays: 3,
  lateSharePct: 60,
  lateMinEntries: 10,
  overclaimRatioPct: 200,
  overclaimMinGap: 10,
  sharedOutputMinPeople: 2,
  bulkSeconds: 10,
  bulkMinEntries: 5,
  raterMinRated: 5,
  leniencyThresholdPct: 50,
  centralTendencyPct: 30,
  idleWorkingDays: 5,
  queueDeadlineDays: 5,
  adoptionMinPct: 70,
};

/** Rules fields added after rules versions were first stored: a stored version without them reads their default. */
export const fairnessRuleFields = [
  'duplicateSimilarityPct',
  'duplicateMinDays',
  'capStreakDays',
  'lateWindowDays',
  'lateSharePct',
  'lateMinEntries',
  'overclaimRatioPct',
  'overclaimMinGap',
  'sharedOutputMinPeople',
  'bulkSeconds',
  'bulkMinEntries',
  'raterMinRated',
  'leniencyThresholdPct',
  'centralTendencyPct',
  'idleWorkingDays',
  'queueDeadlineDays',
  'adoptionMinPct',
] as const satisfies readonly (keyof Rules)[];
export type FairnessRuleField = (typeof fairnessRuleFields)[number];

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
  // A version stored before a field existed reads that field's policy default.
  return { ...defaultRules, ...(pinned ?? rules.current) };
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

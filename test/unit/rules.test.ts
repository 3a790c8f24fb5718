import { describe, expect, it } from 'vitest';
import {
  defaultRules,
  type Rules,
  type RulesProblem,
  type RulesVersion,
  rulesForNewYear,
  rulesOfPeriod,
  rulesProblems,
} from '../../shared/domain/rules.ts';

/** The policy defaults of domain.md, field by field. */
const defaults: [field: keyof Rules, value: number, source: string][] = [
  ['capaianCap', 120, 'capaian capped at 120 (policy default)'],
  ['aboveThreshold', 110, 'above when capaian ≥ 110'],
  ['meetsThreshold', 90, 'meets when 90 ≤ capaian < 110'],
  ['dailyMinuteCap', 450, 'effective minutes per day capped at 450'],
  ['appealWindowDays', 14, 'keberatan within 14 days'],
  ['inputDeadlineDay', 5, 'batas pengisian: 5th day of the next month'],
  [
    'scoringDelayDays',
    3,
    'scheduled scoring 3 days after the input deadline (our default: the supervisors verify first)',
  ],
  ['reminderAfterDays', 2, 'digest of entries waiting for verification longer than 2 days (our default)'],
  ['duplicateSimilarityPct', 80, 'near-duplicate descriptions: word-set Jaccard ≥ 80 % (issue 18)'],
  ['duplicateMinDays', 8, '…repeated on ≥ 8 distinct days'],
  ['capStreakDays', 10, 'exactly at the daily cap on ≥ 10 consecutive days-with-entries'],
  ['lateWindowDays', 3, 'late: created in the last 3 days up to the input deadline or after'],
  ['lateSharePct', 60, '…≥ 60 % of the period entries'],
  ['lateMinEntries', 10, '…with ≥ 10 entries'],
  ['overclaimRatioPct', 200, 'claimed ≥ 200 % of the service transactions credited'],
  ['overclaimMinGap', 10, '…and claimed − credited ≥ 10'],
  ['sharedOutputMinPeople', 2, 'the same document cited by ≥ 2 people'],
  ['bulkSeconds', 10, 'approvals chained within 10 s'],
  ['bulkMinEntries', 5, '…in runs of ≥ 5 entries'],
  ['raterMinRated', 5, 'leniency needs ≥ 5 people rated'],
  ['leniencyThresholdPct', 50, '|leniency − others| ≥ 0.50 steps → out of line'],
  ['centralTendencyPct', 30, 'sesuai share ≥ 30 points above the others → out of line'],
  ['idleWorkingDays', 5, 'idle after 5 working days without an entry'],
  ['queueDeadlineDays', 5, 'a queue is overdue with an entry pending > 5 days'],
  ['adoptionMinPct', 70, 'a unit is below when < 70 % of active members log'],
];

/** Overrides on the defaults and the problems they must produce, in order. */
const cases: [label: string, overrides: Partial<Rules>, problems: RulesProblem[]][] = [
  ['the defaults', {}, []],
  ['meets 109 < above 110', { meetsThreshold: 109 }, []],
  ['meets 0', { meetsThreshold: 0 }, []],
  ['cap equal to above (110 = 110)', { capaianCap: 110 }, []],
  ['other fields do not matter', { dailyMinuteCap: 1, appealWindowDays: 0, inputDeadlineDay: 31 }, []],
  ['meets equal to above (110 = 110)', { meetsThreshold: 110 }, ['thresholds_out_of_order']],
  ['meets above above (115 > 110)', { meetsThreshold: 115 }, ['thresholds_out_of_order']],
  ['above lowered below meets (80 < 90)', { aboveThreshold: 80 }, ['thresholds_out_of_order']],
  ['cap 109 below above 110', { capaianCap: 109 }, ['cap_below_above_threshold']],
  ['above raised over the cap (121 > 120)', { aboveThreshold: 121 }, ['cap_below_above_threshold']],
  [
    'both: meets 110 = above 110, cap 100 < 110',
    { meetsThreshold: 110, capaianCap: 100 },
    ['thresholds_out_of_order', 'cap_below_above_threshold'],
  ],
  [
    'both: meets 130 > above 125 > cap 120',
    { meetsThreshold: 130, aboveThreshold: 125 },
    ['thresholds_out_of_order', 'cap_below_above_threshold'],
  ],
];

describe('defaultRules are the policy defaults of domain.md', () => {
  it.each(defaults)('%s = %i (%s)', (field, value) => {
    expect(defaultRules[field]).toBe(value);
  });

  it('has exactly these fields', () => {
    expect(defaultRules).toEqual(Object.fromEntries(defaults.map(([field, value]) => [field, value])));
  });
});

describe('rulesProblems', () => {
  it.each(cases)('%s → %j', (_label, overrides, problems) => {
    expect(rulesProblems({ ...defaultRules, ...overrides })).toEqual(problems);
  });
});

describe('rulesForNewYear', () => {
  it('starts from the policy defaults when the year before has no rules', () => {
    expect(rulesForNewYear(2027, undefined)).toEqual({
      ...defaultRules,
      rulesVersion: 1,
      reason: 'Nilai bawaan kebijakan / policy defaults',
    });
  });

  it("carries over the previous year's version in force, a field it lacks reading as its default", () => {
    const { reminderAfterDays: _missing, ...older } = { ...defaultRules, capaianCap: 130, inputDeadlineDay: 7 };
    const previous = {
      ...older,
      rulesVersion: 3,
      reason: 'x',
      updatedAt: '2026-05-01T00:00:00.000Z',
      updatedBy: 'USER#1',
    } as RulesVersion;
    expect(rulesForNewYear(2027, previous)).toEqual({
      ...defaultRules,
      capaianCap: 130,
      inputDeadlineDay: 7,
      rulesVersion: 1,
      reason: 'Dilanjutkan dari aturan 2026 versi 3 / carried over from 2026',
    });
  });
});

describe('rulesOfPeriod', () => {
  const stamp = { reason: 'x', updatedAt: '2026-01-02T00:00:00.000Z', updatedBy: 'nip:1' };
  it('reads a field a stored version lacks (stored before the field existed) as its policy default', () => {
    const { duplicateMinDays: _d, capStreakDays: _c, ...older } = { ...defaultRules, capaianCap: 130 };
    const v1 = { ...older, ...stamp, rulesVersion: 1 } as RulesVersion;
    const read = rulesOfPeriod({ current: v1, history: [v1] });
    expect(read.duplicateMinDays).toBe(8);
    expect(read.capStreakDays).toBe(10);
    expect(read.capaianCap).toBe(130);
  });

  it('keeps the pinned version of a period, stored values winning over defaults', () => {
    const v1 = { ...defaultRules, lateSharePct: 75, ...stamp, rulesVersion: 1 };
    const v2 = { ...defaultRules, lateSharePct: 50, ...stamp, rulesVersion: 2 };
    expect(rulesOfPeriod({ current: v2, history: [v2, v1] }, { rulesVersion: 1 }).lateSharePct).toBe(75);
    expect(rulesOfPeriod({ current: v2, history: [v2, v1] }).lateSharePct).toBe(50);
    expect(rulesOfPeriod(undefined).lateSharePct).toBe(60);
  });
});

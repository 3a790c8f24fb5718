import { describe, expect, it } from 'vitest';
import {
  defaultRules,
  type Rules,
  type RulesProblem,
  type RulesVersion,
  rulesForNewYear,
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

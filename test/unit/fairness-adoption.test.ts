import { describe, expect, it } from 'vitest';
import {
  IDLE_COUNT_CAP,
  idleWorkingDaysOf,
  type MemberActivityFacts,
  queueOverdue,
  unitAdoption,
} from '../../shared/domain/fairness-adoption.ts';
import { defaultRules } from '../../shared/domain/rules.ts';

/** Monday to Friday, less the holidays given. 2026-11-30 is a Monday. */
const workingDays =
  (holidays: string[] = []) =>
  (d: string) =>
    ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && !holidays.includes(d);
const TODAY = '2026-11-30';

describe('idleWorkingDaysOf (complete working days after the last day logged, before today)', () => {
  it.each([
    ['logged today', TODAY, [], 5, 0],
    ['logged on Friday, today Monday (a weekend between)', '2026-11-27', [], 5, 0],
    ['logged last Monday: Tue–Fri', '2026-11-23', [], 5, 4],
    ['logged the Friday before: a whole week', '2026-11-20', [], 5, 5],
    ['a holiday in the week is not a working day', '2026-11-20', ['2026-11-25'], 5, 4],
    ['counting stops at the cap', '2026-01-05', [], 5, 5],
    ['a larger cap counts further', '2026-10-30', [], 60, 20],
    ['never logged counts as the cap', null, [], 5, 5],
  ] as const)('%s → %i', (_label, last, holidays, cap, idle) => {
    expect(idleWorkingDaysOf(last, TODAY, workingDays([...holidays]), cap)).toBe(idle);
  });

  it('a calendar without working days ends (the count looks back at most a year)', () => {
    expect(idleWorkingDaysOf('2020-01-01', TODAY, () => false, 5)).toBe(0);
  });
});

describe('unitAdoption (idle after 5 working days, below when < 70 % log)', () => {
  const member = (i: number, lastLoggedDate: string | null, active = true): MemberActivityFacts => ({
    nip: `1990010120150100${String(i).padStart(2, '0')}`,
    lastLoggedDate,
    active,
  });
  const logging = (n: number, from = 0) => Array.from({ length: n }, (_, i) => member(from + i, '2026-11-27'));

  it('7 of 10 active members logging (70 %) is not below; the inactive one is not counted', () => {
    const members = [
      ...logging(7),
      member(20, '2026-11-20'),
      member(21, null),
      member(22, '2026-11-02'),
      member(30, null, false),
    ];
    expect(unitAdoption(members, TODAY, workingDays(), defaultRules)).toEqual({
      members: 10,
      loggingRecently: 7,
      loggingPct: 70,
      belowThreshold: false,
      idle: [
        { nip: member(21, null).nip, lastLoggedDate: null, idleWorkingDays: IDLE_COUNT_CAP },
        { nip: member(22, null).nip, lastLoggedDate: '2026-11-02', idleWorkingDays: 19 },
        { nip: member(20, null).nip, lastLoggedDate: '2026-11-20', idleWorkingDays: 5 },
      ],
    });
  });

  it.each([
    ['6 of 10 (60 %) is below 70 %', 6, 4, 60, true],
    ['2 of 3 (66.6 %, rounded down) is below', 2, 1, 66.6, true],
    ['all 4 logging (100 %)', 4, 0, 100, false],
  ])('%s', (_label, active, idle, pct, below) => {
    const members = [...logging(active), ...Array.from({ length: idle }, (_, i) => member(50 + i, '2026-11-16'))];
    const a = unitAdoption(members, TODAY, workingDays(), defaultRules);
    expect(a.loggingPct).toBe(pct);
    expect(a.belowThreshold).toBe(below);
    expect(a.idle).toHaveLength(idle);
  });

  it('a unit without active members has no share and is not below', () => {
    expect(unitAdoption([member(1, null, false)], TODAY, workingDays(), defaultRules)).toEqual({
      members: 0,
      loggingRecently: 0,
      loggingPct: null,
      belowThreshold: false,
      idle: [],
    });
  });

  it('follows idleWorkingDays from the rules: 4 days idle is idle with a rule of 3', () => {
    const a = unitAdoption([member(1, '2026-11-23')], TODAY, workingDays(), { ...defaultRules, idleWorkingDays: 3 });
    expect(a.idle.map((m) => m.idleWorkingDays)).toEqual([4]);
    expect(a.belowThreshold).toBe(true);
  });
});

describe('queueOverdue (pending older than 5 days)', () => {
  it.each([
    [null, false],
    [5, false],
    [6, true],
  ])('oldest pending %s days → %s', (days, overdue) => {
    expect(queueOverdue(days, defaultRules)).toBe(overdue);
  });
});

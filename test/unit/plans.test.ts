import { describe, expect, it } from 'vitest';
import { derivePeriods } from '../../shared/domain/periods.ts';
import {
  allows,
  cascadeTree,
  copyForNewYear,
  dayAfter,
  dayBefore,
  effectiveStart,
  type Iki,
  type PlanAction,
  type PlanProblem,
  type PlanState,
  planActions,
  type Rhk,
  structureProblems,
  submissionProblems,
  type Target,
  totalWeight,
  type VersionDates,
  versionInForce,
} from '../../shared/domain/plans.ts';

const iki = (id: string, weight: number, target: Target = { kind: 'single', value: 100 }, name = `IKI ${id}`): Iki => ({
  id,
  name,
  aspect: 'kuantitas',
  target,
  unit: 'dokumen',
  direction: 'higher',
  weight,
  source: 'manual',
});

const rhk = (id: string, indicators: Iki[], extra: Partial<Rhk> = {}): Rhk => ({
  id,
  kind: 'utama',
  title: `RHK ${id}`,
  parentRhkId: 'S1',
  unitGoal: null,
  iki: indicators,
  ...extra,
});

/** A complete plan: two RHK (utama and tambahan), three IKI, weights 50 + 30 + 20, linked to the supervisor's S1 and S2. */
const validPlan = (): Rhk[] => [
  rhk('R1', [iki('K1', 50), iki('K2', 30, { kind: 'range', lo: 80, hi: 100 })]),
  rhk('R2', [iki('K3', 20)], { kind: 'tambahan', parentRhkId: 'S2' }),
];

const supervisor = { nip: '197001011995031001', rhkIds: new Set(['S1', 'S2']) };

/** structureProblems: plan → the exact problems. */
const structures: [label: string, plan: Rhk[], problems: PlanProblem[]][] = [
  ['a valid plan', validPlan(), []],
  ['an empty plan', [], [{ path: 'rhk', code: 'plan_empty', params: {} }]],
  [
    'an RHK with no IKI',
    [rhk('R1', [iki('K1', 100)]), rhk('R2', [])],
    [{ path: 'rhk.1.iki', code: 'plan_rhk_without_iki', params: { rhk: 'RHK R2' } }],
  ],
  [
    'two RHK with the same id',
    [rhk('R1', [iki('K1', 50)]), rhk('R1', [iki('K2', 50)])],
    [{ path: 'rhk.1.id', code: 'plan_duplicate_id', params: { id: 'R1' } }],
  ],
  [
    'two IKI with the same id in one RHK',
    [rhk('R1', [iki('K1', 50), iki('K1', 50)])],
    [{ path: 'rhk.0.iki.1.id', code: 'plan_duplicate_id', params: { id: 'K1' } }],
  ],
  [
    'two IKI with the same id in different RHK',
    [rhk('R1', [iki('K1', 50)]), rhk('R2', [iki('K1', 50)])],
    [{ path: 'rhk.1.iki.0.id', code: 'plan_duplicate_id', params: { id: 'K1' } }],
  ],
  [
    'an IKI with the id of its own RHK',
    [rhk('X', [iki('X', 100)])],
    [{ path: 'rhk.0.iki.0.id', code: 'plan_duplicate_id', params: { id: 'X' } }],
  ],
  [
    'an RHK with the id of an earlier IKI',
    [rhk('R1', [iki('X', 50)]), rhk('X', [iki('K2', 50)])],
    [{ path: 'rhk.1.id', code: 'plan_duplicate_id', params: { id: 'X' } }],
  ],
  [
    'an id used three times is reported twice',
    [rhk('R1', [iki('K1', 40), iki('K1', 30)]), rhk('R2', [iki('K1', 30)])],
    [
      { path: 'rhk.0.iki.1.id', code: 'plan_duplicate_id', params: { id: 'K1' } },
      { path: 'rhk.1.iki.0.id', code: 'plan_duplicate_id', params: { id: 'K1' } },
    ],
  ],
  [
    'a range with lo > hi',
    [rhk('R1', [iki('K1', 50), iki('K2', 50, { kind: 'range', lo: 100, hi: 80 }, 'Waktu layanan')])],
    [{ path: 'rhk.0.iki.1.target', code: 'plan_range_inverted', params: { iki: 'Waktu layanan', lo: 100, hi: 80 } }],
  ],
  [
    'a range with lo = hi',
    [rhk('R1', [iki('K1', 100, { kind: 'range', lo: 90, hi: 90 }, 'Akurasi')])],
    [{ path: 'rhk.0.iki.0.target', code: 'plan_range_inverted', params: { iki: 'Akurasi', lo: 90, hi: 90 } }],
  ],
  ['a range with lo < hi', [rhk('R1', [iki('K1', 100, { kind: 'range', lo: 89.9, hi: 90 })])], []],
  ['a single target of 0', [rhk('R1', [iki('K1', 100, { kind: 'single', value: 0 })])], []],
  ['a single negative target', [rhk('R1', [iki('K1', 100, { kind: 'single', value: -5 })])], []],
];

/** totalWeight: plan → total. */
const totals: [label: string, plan: Rhk[], total: number][] = [
  ['the valid plan (50 + 30 + 20)', validPlan(), 100],
  ['an empty plan', [], 0],
  ['an RHK without IKI adds nothing', [rhk('R1', [iki('K1', 60)]), rhk('R2', [])], 60],
  [
    'across RHK',
    [rhk('R1', [iki('K1', 10), iki('K2', 15)]), rhk('R2', [iki('K3', 25)]), rhk('R3', [iki('K4', 40)])],
    90,
  ],
  [
    'thirds: 33.333 + 33.333 + 33.334',
    [rhk('R1', [iki('K1', 33.333), iki('K2', 33.333)]), rhk('R2', [iki('K3', 33.334)])],
    100,
  ],
  ['0.1 + 0.2 + 99.7 (floating point)', [rhk('R1', [iki('K1', 0.1), iki('K2', 0.2), iki('K3', 99.7)])], 100],
  ['99.999', [rhk('R1', [iki('K1', 49.999), iki('K2', 50)])], 99.999],
];

/** submissionProblems with a supervisor (or null for the head of a unit): plan → the exact problems. */
const submissions: [label: string, plan: Rhk[], sup: typeof supervisor | null, problems: PlanProblem[]][] = [
  ['a valid plan, with a supervisor', validPlan(), supervisor, []],
  [
    'weights 99',
    [rhk('R1', [iki('K1', 59), iki('K2', 40)])],
    supervisor,
    [{ path: 'rhk', code: 'plan_weights_not_100', params: { total: 99 } }],
  ],
  [
    'weights 101',
    [rhk('R1', [iki('K1', 61), iki('K2', 40)])],
    supervisor,
    [{ path: 'rhk', code: 'plan_weights_not_100', params: { total: 101 } }],
  ],
  [
    'weights 0',
    [rhk('R1', [iki('K1', 0)])],
    supervisor,
    [{ path: 'rhk', code: 'plan_weights_not_100', params: { total: 0 } }],
  ],
  [
    'weights 99.999',
    [rhk('R1', [iki('K1', 49.999), iki('K2', 50)])],
    supervisor,
    [{ path: 'rhk', code: 'plan_weights_not_100', params: { total: 99.999 } }],
  ],
  [
    'weights in thirds add to 100',
    [rhk('R1', [iki('K1', 33.333), iki('K2', 33.333), iki('K3', 33.334)])],
    supervisor,
    [],
  ],
  [
    'no RHK utama',
    [rhk('R1', [iki('K1', 100)], { kind: 'tambahan' })],
    supervisor,
    [{ path: 'rhk', code: 'plan_no_utama', params: {} }],
  ],
  [
    'with a supervisor: parentRhkId missing (undefined)',
    [rhk('R1', [iki('K1', 60)]), rhk('R2', [iki('K2', 40)], { parentRhkId: undefined })],
    supervisor,
    [{ path: 'rhk.1.parentRhkId', code: 'plan_intervensi_missing', params: { rhk: 'RHK R2' } }],
  ],
  [
    'with a supervisor: parentRhkId null',
    [rhk('R1', [iki('K1', 100)], { parentRhkId: null })],
    supervisor,
    [{ path: 'rhk.0.parentRhkId', code: 'plan_intervensi_missing', params: { rhk: 'RHK R1' } }],
  ],
  [
    'with a supervisor: parentRhkId empty',
    [rhk('R1', [iki('K1', 100)], { parentRhkId: '' })],
    supervisor,
    [{ path: 'rhk.0.parentRhkId', code: 'plan_intervensi_missing', params: { rhk: 'RHK R1' } }],
  ],
  [
    'with a supervisor: a unit goal does not replace parentRhkId',
    [rhk('R1', [iki('K1', 100)], { parentRhkId: null, unitGoal: 'Pelayanan prima' })],
    supervisor,
    [{ path: 'rhk.0.parentRhkId', code: 'plan_intervensi_missing', params: { rhk: 'RHK R1' } }],
  ],
  [
    "with a supervisor: parentRhkId not in the supervisor's plan",
    [rhk('R1', [iki('K1', 60)]), rhk('R2', [iki('K2', 40)], { parentRhkId: 'S9' })],
    supervisor,
    [
      {
        path: 'rhk.1.parentRhkId',
        code: 'plan_intervensi_not_supervisors',
        params: { rhk: 'RHK R2', parent: 'S9', supervisor: supervisor.nip },
      },
    ],
  ],
  [
    "with a supervisor: parentRhkId is one of the plan's own RHK, not the supervisor's",
    [rhk('R1', [iki('K1', 60)]), rhk('R2', [iki('K2', 40)], { parentRhkId: 'R1' })],
    supervisor,
    [
      {
        path: 'rhk.1.parentRhkId',
        code: 'plan_intervensi_not_supervisors',
        params: { rhk: 'RHK R2', parent: 'R1', supervisor: supervisor.nip },
      },
    ],
  ],
  [
    'head of a unit: unit goal missing (null), parentRhkId set is not enough',
    [rhk('R1', [iki('K1', 100)], { parentRhkId: 'S1', unitGoal: null })],
    null,
    [{ path: 'rhk.0.unitGoal', code: 'plan_unit_goal_missing', params: { rhk: 'RHK R1' } }],
  ],
  [
    'head of a unit: unit goal missing on the second RHK only',
    [rhk('R1', [iki('K1', 60)], { unitGoal: 'Pelayanan prima' }), rhk('R2', [iki('K2', 40)], { unitGoal: undefined })],
    null,
    [{ path: 'rhk.1.unitGoal', code: 'plan_unit_goal_missing', params: { rhk: 'RHK R2' } }],
  ],
  [
    'head of a unit: unit goal present, no parentRhkId needed',
    [
      rhk('R1', [iki('K1', 60)], { parentRhkId: null, unitGoal: 'Pelayanan prima' }),
      rhk('R2', [iki('K2', 40)], { parentRhkId: undefined, unitGoal: 'Tata kelola' }),
    ],
    null,
    [],
  ],
  [
    'structure problems come first, then completeness',
    [rhk('R1', [iki('K1', 50), iki('K1', 40, { kind: 'range', lo: 5, hi: 1 })], { kind: 'tambahan' })],
    supervisor,
    [
      { path: 'rhk.0.iki.1.id', code: 'plan_duplicate_id', params: { id: 'K1' } },
      { path: 'rhk.0.iki.1.target', code: 'plan_range_inverted', params: { iki: 'IKI K1', lo: 5, hi: 1 } },
      { path: 'rhk', code: 'plan_weights_not_100', params: { total: 90 } },
      { path: 'rhk', code: 'plan_no_utama', params: {} },
    ],
  ],
  [
    'an empty plan',
    [],
    supervisor,
    [
      { path: 'rhk', code: 'plan_empty', params: {} },
      { path: 'rhk', code: 'plan_weights_not_100', params: { total: 0 } },
      { path: 'rhk', code: 'plan_no_utama', params: {} },
    ],
  ],
];

const actions: PlanAction[] = ['edit', 'submit', 'approve', 'return', 'revise'];
const planStates: PlanState[] = ['draft', 'submitted', 'returned', 'approved', 'superseded'];

/** Which action is allowed in which state; every other pair is refused. */
const allowed: Record<PlanAction, PlanState[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  revise: ['approved'],
};

const actionTable: [action: PlanAction, state: PlanState, ok: boolean][] = actions.flatMap((action) =>
  planStates.map((state): [PlanAction, PlanState, boolean] => [action, state, allowed[action].includes(state)]),
);

type V = VersionDates & { label: string };

/** v1 approved from 1 Jan, superseded on 30 June by v2 (from 1 July, open-ended); v3 a draft, v4 submitted. */
const history: V[] = [
  { label: 'v1', planVersion: 1, state: 'superseded', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' },
  { label: 'v2', planVersion: 2, state: 'approved', effectiveFrom: '2026-07-01' },
  { label: 'v3', planVersion: 3, state: 'draft', effectiveFrom: '2026-09-01' },
  { label: 'v4', planVersion: 4, state: 'submitted', effectiveFrom: '2026-10-01' },
];

const inForce: [label: string, date: string, expected: string | undefined, versions: V[]][] = [
  ['before any effectiveFrom', '2025-12-31', undefined, history],
  ['first day of v1', '2026-01-01', 'v1', history],
  ['last day of v1 (30 June)', '2026-06-30', 'v1', history],
  ['first day of v2 (1 July)', '2026-07-01', 'v2', history],
  ['v2 is open-ended', '2030-12-31', 'v2', history],
  ['a newer draft is ignored', '2026-09-15', 'v2', history],
  ['a newer submitted version is ignored', '2026-10-15', 'v2', history],
  ['versions in any order', '2026-06-30', 'v1', [...history].reverse()],
  [
    'only a draft',
    '2026-03-01',
    undefined,
    [{ label: 'd', planVersion: 1, state: 'draft', effectiveFrom: '2026-01-01' }],
  ],
  [
    'only a returned version',
    '2026-03-01',
    undefined,
    [{ label: 'r', planVersion: 1, state: 'returned', effectiveFrom: '2026-01-01' }],
  ],
  [
    'an approved version without effectiveFrom',
    '2026-03-01',
    undefined,
    [{ label: 'a', planVersion: 1, state: 'approved' }],
  ],
  [
    'after a closed approved version ends',
    '2026-07-01',
    undefined,
    [{ label: 'a', planVersion: 1, state: 'approved', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' }],
  ],
  ['no versions', '2026-03-01', undefined, []],
];

const daysBefore: [date: string, before: string][] = [
  ['2026-05-15', '2026-05-14'],
  ['2026-05-01', '2026-04-30'],
  ['2026-08-01', '2026-07-31'],
  ['2026-01-01', '2025-12-31'],
  ['2026-03-01', '2026-02-28'],
  ['2028-03-01', '2028-02-29'],
  ['2100-03-01', '2100-02-28'],
  ['2000-03-01', '2000-02-29'],
];

describe('structureProblems', () => {
  it.each(structures)('%s', (_label, plan, problems) => {
    expect(structureProblems(plan)).toEqual(problems);
  });
});

describe('totalWeight', () => {
  it.each(totals)('%s → %d', (_label, plan, total) => {
    expect(totalWeight(plan)).toBe(total);
  });
});

describe('submissionProblems', () => {
  it.each(submissions)('%s', (_label, plan, sup, problems) => {
    expect(submissionProblems(plan, sup)).toEqual(problems);
  });
});

describe('plan actions × states', () => {
  it.each(actionTable)('%s when %s: allowed %s', (action, state, ok) => {
    expect(allows(action, state)).toBe(ok);
  });

  it('nothing is allowed on a superseded version', () => {
    expect(actions.filter((a) => allows(a, 'superseded'))).toEqual([]);
  });

  it('planActions lists exactly these actions', () => {
    expect(Object.keys(planActions).sort()).toEqual([...actions].sort());
  });
});

describe('versionInForce', () => {
  it.each(inForce)('%s: %s → %s', (_label, date, expected, versions) => {
    expect(versionInForce(versions, date)?.label).toBe(expected);
  });
});

describe('dayBefore', () => {
  it.each(daysBefore)('%s → %s', (date, before) => {
    expect(dayBefore(date)).toBe(before);
  });
});

describe('copyForNewYear', () => {
  const original = (): Rhk[] => [
    rhk('R1', [iki('K1', 60), iki('K2', 40, { kind: 'range', lo: 1, hi: 3 })], {
      parentRhkId: 'S1',
      unitGoal: 'Pelayanan prima',
    }),
    rhk('R2', [iki('K3', 0)], { kind: 'tambahan', parentRhkId: 'S2' }),
  ];

  it('clears parentRhkId and keeps everything else', () => {
    const source = original();
    const copy = copyForNewYear(source);
    expect(copy.map((r) => r.parentRhkId)).toEqual([null, null]);
    expect(copy).toEqual(source.map((r) => ({ ...r, parentRhkId: null })));
  });

  it('does not change the input', () => {
    const source = original();
    copyForNewYear(source);
    expect(source).toEqual(original());
  });

  it('does not share RHK or IKI objects with the input', () => {
    const source = original();
    const copy = copyForNewYear(source);
    copy.forEach((r, i) => {
      expect(r).not.toBe(source[i]);
      expect(r.iki).not.toBe(source[i]?.iki);
      for (const [j, k] of r.iki.entries()) expect(k).not.toBe(source[i]?.iki[j]);
    });
  });

  it('mutating the copy (RHK fields, IKI fields, the IKI list) leaves the original intact', () => {
    const source = original();
    const copy = copyForNewYear(source);
    copy[0]!.title = 'changed';
    copy[0]!.iki[0]!.weight = 99;
    copy[0]!.iki[0]!.name = 'changed';
    copy[0]!.iki.push(iki('K9', 1));
    copy[1]!.iki.pop();
    expect(source).toEqual(original());
  });

  it("mutating a copied IKI's target leaves the original's target intact", () => {
    const source = original();
    const copy = copyForNewYear(source);
    const target = copy[0]!.iki[1]!.target;
    if (target.kind === 'range') target.lo = 2;
    expect(source[0]!.iki[1]!.target).toEqual({ kind: 'range', lo: 1, hi: 3 });
  });
});

// ---- effectiveStart -------------------------------------------------------------------------------------

describe('effectiveStart: an approval never reaches back into a scored period', () => {
  const periods = (states: Record<string, string>) =>
    derivePeriods(2026, 'monthly').map((p) => ({ ...p, state: states[p.id] ?? 'open' }));
  it.each([
    ['nothing scored: the candidate itself', {}, '2026-01-01', '2026-01-01'],
    ['January scored: first day of February', { '2026-01': 'scored' }, '2026-01-01', '2026-02-01'],
    ['January and February finalised', { '2026-01': 'finalised', '2026-02': 'finalised' }, '2026-01-15', '2026-03-01'],
    ['a later scored period does not move an earlier day', { '2026-06': 'scored' }, '2026-03-10', '2026-03-10'],
    ['only closed (not scored) stays', { '2026-03': 'closed' }, '2026-03-10', '2026-03-10'],
    ['December scored: no day left', { '2026-12': 'scored' }, '2026-12-20', undefined],
    ['the year scored: nothing', { '2026': 'scored' }, '2026-05-01', undefined],
  ] as const)('%s', (_n, states, candidate, expected) => {
    expect(effectiveStart(periods(states), candidate)).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2026-02-01'],
    ['2026-12-31', '2027-01-01'],
    ['2028-02-28', '2028-02-29'],
  ])('dayAfter(%s) = %s', (d, expected) => expect(dayAfter(d)).toBe(expected));
});

describe('cascadeTree', () => {
  const rhkOf = (id: string, parentRhkId?: string): Rhk => ({
    id,
    kind: 'utama',
    title: `RHK ${id}`,
    ...(parentRhkId ? { parentRhkId } : { unitGoal: 'goal' }),
    iki: [],
  });
  const entry = (nip: string, supervisorNip: string | null, ...rhk: Rhk[]) => ({
    owner: { nip, name: `P${nip}`, supervisorNip },
    plan: { planVersion: 1, state: 'approved', rhk },
  });

  it('nests each RHK under the supervisor RHK it serves; one outside the unit is a root', () => {
    const roots = cascadeTree([
      entry('3', '2', rhkOf('c', 'b1')),
      entry('2', '1', rhkOf('b1', 'a'), rhkOf('b2', 'outside')),
      entry('1', null, rhkOf('a')),
    ]);
    const shape = (n: { nip: string; rhkId: string; children: unknown[] }): unknown => [
      `${n.nip}/${n.rhkId}`,
      (n.children as (typeof n)[]).map(shape),
    ];
    expect(roots.map(shape)).toEqual([
      ['1/a', [['2/b1', [['3/c', []]]]]],
      ['2/b2', []],
    ]);
    expect(roots[0]).toMatchObject({
      nip: '1',
      name: 'P1',
      rhkId: 'a',
      title: 'RHK a',
      kind: 'utama',
      planVersion: 1,
      planState: 'approved',
      unitGoal: 'goal',
    });
  });

  it('keys RHK by owner: the same id in two plans are two nodes; a link needs a supervisor', () => {
    const roots = cascadeTree([entry('1', null, rhkOf('x')), entry('2', null, rhkOf('x', 'x'))]);
    expect(roots.map((n) => `${n.nip}/${n.rhkId}`)).toEqual(['1/x', '2/x']);
  });
});

import { describe, expect, it } from 'vitest';
import { blankRhk, draftOf, placeOf, rhkOf, weightTotal } from '../../web/src/pages/skp/draft.ts';
import type { Iki, Rhk } from '../../web/src/pages/skp/types.ts';
import { planChanges } from '../../web/src/pages/team/plans/diff.ts';

const iki = (id: string, patch: Partial<Iki> = {}): Iki => ({
  id,
  name: `IKI ${id}`,
  aspect: 'kuantitas',
  target: { kind: 'single', value: 100 },
  unit: 'dokumen',
  direction: 'higher',
  weight: 50,
  source: 'manual',
  ...patch,
});
const rhk = (id: string, items: Iki[], patch: Partial<Rhk> = {}): Rhk => ({
  id,
  kind: 'utama',
  title: `RHK ${id}`,
  parentRhkId: 'p-1',
  iki: items,
  ...patch,
});

describe('what a submitted plan changes against the version in force', () => {
  const before = [rhk('a', [iki('a1'), iki('a2')]), rhk('b', [iki('b1')])];

  it.each<[string, Rhk[], unknown[]]>([
    ['nothing', before, []],
    [
      'a target (its unit too) and a weight',
      [rhk('a', [iki('a1', { target: { kind: 'range', lo: 1, hi: 2 }, weight: 60 }), iki('a2')]), before[1]!],
      [
        { kind: 'ikiTarget', name: 'IKI a1' },
        { kind: 'ikiWeight', name: 'IKI a1', before: 50, after: 60 },
      ],
    ],
    [
      'an IKI added and one removed',
      [rhk('a', [iki('a1'), iki('a3')]), before[1]!],
      [
        { kind: 'ikiAdded', rhk: 'RHK a', iki: { id: 'a3' } },
        { kind: 'ikiRemoved', rhk: 'RHK a', iki: { id: 'a2' } },
      ],
    ],
    [
      'an RHK added and one removed',
      [before[0]!, rhk('c', [iki('c1')])],
      [
        { kind: 'rhkAdded', rhk: { id: 'c' } },
        { kind: 'rhkRemoved', rhk: { id: 'b' } },
      ],
    ],
    [
      "an RHK's wording, kind and link",
      [rhk('a', before[0]!.iki, { title: 'Baru', kind: 'tambahan', parentRhkId: 'p-2' }), before[1]!],
      [
        { kind: 'rhkTitle', before: 'RHK a', after: 'Baru' },
        { kind: 'rhkKind', title: 'Baru', before: 'utama', after: 'tambahan' },
        { kind: 'rhkParent', title: 'Baru', before: 'p-1', after: 'p-2' },
      ],
    ],
    [
      "an IKI's name, aspect, direction and source",
      [
        rhk('a', [iki('a1', { name: 'Lain', aspect: 'waktu', direction: 'lower', source: 'activities' }), iki('a2')]),
        before[1]!,
      ],
      [
        { kind: 'ikiName', before: 'IKI a1', after: 'Lain' },
        { kind: 'ikiAspect', before: 'kuantitas', after: 'waktu' },
        { kind: 'ikiDirection', before: 'higher', after: 'lower' },
        { kind: 'ikiSource', before: 'manual', after: 'activities' },
      ],
    ],
  ])('names %s', (_, after, expected) => {
    // An array matches element by element, and only with the same length.
    expect(planChanges(before, after)).toMatchObject(expected);
  });

  it('reads a first plan, with nothing in force, as all added', () => {
    expect(planChanges([], before).map((c) => c.kind)).toEqual(['rhkAdded', 'rhkAdded']);
  });

  it('treats a missing link, unit goal or source as the empty one, not as a change', () => {
    const bare = [rhk('a', [{ ...iki('a1'), source: undefined }], { parentRhkId: undefined, unitGoal: undefined })];
    const explicit = [rhk('a', [iki('a1', { source: 'manual' })], { parentRhkId: null, unitGoal: null })];
    expect(planChanges(bare, explicit)).toEqual([]);
  });
});

describe('the plan editor', () => {
  it('gives back the RHK it was given (ids kept), and typed numbers as numbers', () => {
    const plan = [
      rhk('a', [iki('a1', { weight: 60, source: 'service', serviceMetric: 'ikm' })]),
      rhk('b', [iki('b1', { target: { kind: 'range', lo: 30, hi: 60 }, weight: 40 })], { unitGoal: 'Sasaran' }),
    ];
    expect(rhkOf(draftOf(plan))).toEqual(plan);
    expect(weightTotal(draftOf(plan))).toBe(100);
  });

  it('leaves an empty number out, so the API names that field', () => {
    const [r] = rhkOf([blankRhk()]);
    expect(r!.iki[0]!.target).toEqual({ kind: 'single', value: undefined });
    expect(r!.iki[0]!.weight).toBeUndefined();
    expect(r!.parentRhkId).toBeNull();
  });

  const draft = draftOf([rhk('a', [iki('a1'), iki('a2', { target: { kind: 'range', lo: 1, hi: 2 } })])]);
  it.each([
    ['body.rhk', 'rhk'],
    ['body.rhk.0.title', 'rhk.0.title'],
    ['body.rhk.0.id', 'rhk.0.title'],
    ['body.rhk.0.parentRhkId', 'rhk.0.parentRhkId'],
    ['body.rhk.0.iki', 'rhk.0.iki'],
    ['body.rhk.0.iki.0.weight', 'rhk.0.iki.0.weight'],
    ['body.rhk.0.iki.0.id', 'rhk.0.iki.0.name'],
    ['body.rhk.0.iki.0.target.value', 'rhk.0.iki.0.target.value'],
    ['body.rhk.0.iki.0.target', 'rhk.0.iki.0.target.value'],
    ['body.rhk.0.iki.1.target', 'rhk.0.iki.1.target.hi'],
    ['body.rhk.0.iki.1.target.lo', 'rhk.0.iki.1.target.lo'],
    // Positions this draft no longer has fall back to the nearest field that still exists.
    ['body.rhk.3.title', 'rhk'],
    ['body.rhk.0.iki.5.name', 'rhk.0.iki'],
    ['body.version', undefined],
    ['body.rhk.0.somethingNew', undefined],
  ])('shows %s at %s', (path, place) => {
    expect(placeOf(path, draft)).toBe(place);
  });
});

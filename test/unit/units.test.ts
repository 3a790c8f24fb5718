import { describe, expect, it } from 'vitest';
import { isWithin, opdOf, parentProblem, type UnitKind, unitHeads, unitPath } from '../../shared/domain/units.ts';

/** Every kind against every possible parent kind (undefined = no parent). OPD → bidang → seksi. */
const parents: [kind: UnitKind, parentKind: UnitKind | undefined, expected: ReturnType<typeof parentProblem>][] = [
  ['opd', undefined, undefined],
  ['opd', 'opd', 'invalid_unit_parent'],
  ['opd', 'bidang', 'invalid_unit_parent'],
  ['opd', 'seksi', 'invalid_unit_parent'],
  ['bidang', undefined, 'parent_unit_required'],
  ['bidang', 'opd', undefined],
  ['bidang', 'bidang', 'invalid_unit_parent'],
  ['bidang', 'seksi', 'invalid_unit_parent'],
  ['seksi', undefined, 'parent_unit_required'],
  ['seksi', 'opd', 'invalid_unit_parent'],
  ['seksi', 'bidang', undefined],
  ['seksi', 'seksi', 'invalid_unit_parent'],
];

const paths: [parent: string | undefined, code: string, expected: string][] = [
  [undefined, 'DISDUKCAPIL', '/DISDUKCAPIL/'],
  ['/DISDUKCAPIL/', 'PELAYANAN', '/DISDUKCAPIL/PELAYANAN/'],
  ['/DISDUKCAPIL/PELAYANAN/', 'KTP', '/DISDUKCAPIL/PELAYANAN/KTP/'],
];

const opds: [path: string, expected: string][] = [
  ['/DISDUKCAPIL/', 'DISDUKCAPIL'],
  ['/DISDUKCAPIL/PELAYANAN/', 'DISDUKCAPIL'],
  ['/DISDUKCAPIL/PELAYANAN/KTP/', 'DISDUKCAPIL'],
  ['/DISDUKCAPIL2/UMUM/', 'DISDUKCAPIL2'],
];

const within: [path: string, ancestor: string, expected: boolean][] = [
  ['/DUKCAPIL/', '/DUKCAPIL/', true],
  ['/DUKCAPIL/BIDANG/', '/DUKCAPIL/', true],
  ['/DUKCAPIL/BIDANG/SEKSI/', '/DUKCAPIL/', true],
  ['/DUKCAPIL/BIDANG/SEKSI/', '/DUKCAPIL/BIDANG/', true],
  ['/DUKCAPIL2/', '/DUKCAPIL/', false],
  ['/DUKCAPIL2/BIDANG/', '/DUKCAPIL/', false],
  ['/DUKCAPIL/', '/DUKCAPIL/BIDANG/', false],
  ['/DUKCAPIL/BIDANG2/', '/DUKCAPIL/BIDANG/', false],
  ['/BAPPEDA/', '/DUKCAPIL/', false],
];

describe('parentProblem', () => {
  it.each(parents)('%s under %s → %s', (kind, parentKind, expected) => {
    expect(parentProblem(kind, parentKind)).toBe(expected);
  });
});

describe('unitPath', () => {
  it.each(paths)('parent %s + %s → %s', (parent, code, expected) => {
    expect(unitPath(parent, code)).toBe(expected);
  });

  it('a child path is within its parent, and a path built from a look-alike code is not', () => {
    const opd = unitPath(undefined, 'DUKCAPIL');
    expect(isWithin(unitPath(opd, 'BIDANG'), opd)).toBe(true);
    expect(isWithin(unitPath(undefined, 'DUKCAPIL2'), opd)).toBe(false);
  });
});

describe('opdOf', () => {
  it.each(opds)('%s → %s', (path, expected) => {
    expect(opdOf(path)).toBe(expected);
  });
});

describe('isWithin', () => {
  it.each(within)('%s within %s → %s', (path, ancestor, expected) => {
    expect(isWithin(path, ancestor)).toBe(expected);
  });
});

describe('unitHeads', () => {
  it.each([
    [
      'the member with no supervisor',
      [
        { nip: 'A', supervisorNip: null },
        { nip: 'B', supervisorNip: 'A' },
      ],
      ['A'],
    ],
    [
      'the member whose supervisor is outside the unit',
      [
        { nip: 'K', supervisorNip: 'X' },
        { nip: 'S', supervisorNip: 'K' },
      ],
      ['K'],
    ],
    [
      'two heads side by side',
      [
        { nip: 'K1', supervisorNip: 'X' },
        { nip: 'K2', supervisorNip: 'X' },
        { nip: 'S', supervisorNip: 'K1' },
      ],
      ['K1', 'K2'],
    ],
    ['nobody in an empty unit', [], []],
  ])('%s', (_label, members, heads) => {
    expect(unitHeads(members).map((m) => m.nip)).toEqual(heads);
  });
});

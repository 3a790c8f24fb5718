/** What the people page offers: the whole tree to BKPSDM, one OPD to an Admin OPD; the tree and child kinds. */
import { describe, expect, it } from 'vitest';
import { childKind, managerScope, type ScopedUnit, treeOf, unitsInScope } from '../../web/src/pages/people/scope.ts';

const units: ScopedUnit[] = [
  { code: 'DISDUKCAPIL', name: 'Disdukcapil', kind: 'opd', path: '/DISDUKCAPIL/' },
  { code: 'DUK-DAFDUK', name: 'Dafduk', kind: 'bidang', parentCode: 'DISDUKCAPIL', path: '/DISDUKCAPIL/DUK-DAFDUK/' },
  {
    code: 'DUK-IDK',
    name: 'IDK',
    kind: 'seksi',
    parentCode: 'DUK-DAFDUK',
    path: '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
  },
  { code: 'BKPSDM', name: 'BKPSDM', kind: 'opd', path: '/BKPSDM/' },
  // An OPD whose code starts like another's: only a whole path segment counts.
  { code: 'DISDUKCAPIL2', name: 'Other', kind: 'opd', path: '/DISDUKCAPIL2/' },
];

describe('managerScope and unitsInScope', () => {
  it.each([
    ['BKPSDM', ['admin_bkpsdm'], '/BKPSDM/', ['DISDUKCAPIL', 'DUK-DAFDUK', 'DUK-IDK', 'BKPSDM', 'DISDUKCAPIL2']],
    ['BKPSDM who is also an Admin OPD', ['admin_opd', 'admin_bkpsdm'], '/DISDUKCAPIL/', units.map((u) => u.code)],
    [
      'an Admin OPD in a seksi',
      ['admin_opd'],
      '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
      ['DISDUKCAPIL', 'DUK-DAFDUK', 'DUK-IDK'],
    ],
    ['an Admin OPD at the OPD itself', ['admin_opd'], '/BKPSDM/', ['BKPSDM']],
    ['an Admin OPD without a unit', ['admin_opd'], undefined, []],
    ['someone with no admin group', ['auditor'], '/DISDUKCAPIL/', []],
  ])('%s', (_who, groups, unitPath, codes) => {
    expect(unitsInScope(units, managerScope(groups, unitPath)).map((u) => u.code)).toEqual(codes);
  });
});

describe('childKind', () => {
  it.each([
    [undefined, 'opd'],
    [units[0], 'bidang'],
    [units[1], 'seksi'],
    [units[2], undefined],
  ])('under %o: %s', (parent, kind) => {
    expect(childKind(parent)).toBe(kind);
  });
});

describe('treeOf', () => {
  it('nests units under their parents; a unit whose parent is not offered is a root', () => {
    const tree = treeOf(units.slice(1, 3));
    expect(tree.map((n) => n.unit.code)).toEqual(['DUK-DAFDUK']);
    expect(tree[0]!.children.map((n) => n.unit.code)).toEqual(['DUK-IDK']);
    expect(treeOf(units).map((n) => n.unit.code)).toEqual(['DISDUKCAPIL', 'BKPSDM', 'DISDUKCAPIL2']);
  });
});

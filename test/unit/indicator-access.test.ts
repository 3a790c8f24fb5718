import { describe, expect, it } from 'vitest';
import { canReadUnitIndicators } from '../../shared/auth/policy.ts';
import type { Group, UserPrincipal } from '../../shared/auth/principal.ts';

const user = (groups: Group[] = []): UserPrincipal => ({
  kind: 'user',
  orgId: 'kota-medan',
  nip: '199001152015031003',
  groups,
  subject: 'sub-x',
});
const OPD = '/DISDUKCAPIL/';
const BIDANG = '/DISDUKCAPIL/DUK-DAFDUK/';
const SEKSI = '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/';
const OTHER_SEKSI = '/DISDUKCAPIL/DUK-DAFDUK/DUK-PINDAH/';

describe('canReadUnitIndicators', () => {
  it.each<[label: string, groups: Group[], actor: string, unit: string, isHead: boolean, allowed: boolean]>([
    ['a member, their own unit', [], SEKSI, SEKSI, false, true],
    ['a member, the bidang above their seksi', [], SEKSI, BIDANG, false, false],
    ['a member, the OPD above', [], SEKSI, OPD, false, false],
    ['a member, a sibling seksi', [], SEKSI, OTHER_SEKSI, false, false],
    ['the head of a unit (or their Plt/Plh) from elsewhere', [], '/BKPSDM/', SEKSI, true, true],
    ['someone of the bidang, a seksi below', [], BIDANG, SEKSI, false, true],
    ['someone of the OPD, its bidang', [], OPD, BIDANG, false, true],
    ['the OPD admin, anywhere in their OPD', ['admin_opd'], '/DISDUKCAPIL/DUK-SEKRET/DUK-UMPEG/', BIDANG, false, true],
    ['the OPD admin, another OPD', ['admin_opd'], '/BKPSDM/', SEKSI, false, false],
    ['an auditor, anywhere', ['auditor'], '/INSPEKTORAT/', SEKSI, false, true],
    ['BKPSDM, anywhere', ['admin_bkpsdm'], '/BKPSDM/', OPD, false, true],
  ])('%s', (_label, groups, actor, unit, isHead, allowed) => {
    expect(canReadUnitIndicators(user(groups), actor, unit, isHead)).toBe(allowed);
  });
});

import { describe, expect, it } from 'vitest';
import {
  adminOpdPath,
  canCreateUnitUnder,
  canFollowUpUnit,
  canManagePeopleIn,
  canReadAuditOf,
  canReadEmployee,
  canReadOrgAudit,
  type Relation,
  relationOf,
} from '../../shared/auth/policy.ts';
import type { Group, UserPrincipal } from '../../shared/auth/principal.ts';

const user = (nip: string, groups: Group[] = []): UserPrincipal => ({
  kind: 'user',
  orgId: 'medan',
  nip,
  groups,
  subject: `sub-${nip}`,
});

const ADMIN_UNIT = '/DISDUKCAPIL/PELAYANAN/';

const employee = user('199003152015031001');
const adminOpd = user('198512302010122002', ['admin_opd']);
const bkpsdm = user('197001011995031003', ['admin_bkpsdm']);
const auditor = user('197505052000032004', ['auditor']);
const adminOpdAndAuditor = user('198001012005011005', ['admin_opd', 'auditor']);

/** Unit paths: inside the admin's OPD, and outside it (incl. a sibling whose code starts the same). */
const IN_OPD_ROOT = '/DISDUKCAPIL/';
const IN_OPD_SEKSI = '/DISDUKCAPIL/PELAYANAN/KTP/';
const IN_OPD_OTHER_BIDANG = '/DISDUKCAPIL/PENCATATAN/';
const LOOKALIKE = '/DISDUKCAPIL2/';
const LOOKALIKE_CHILD = '/DISDUKCAPIL2/UMUM/';
const OTHER_OPD = '/BAPPEDA/PERENCANAAN/';

// Target chain: A is the target's direct supervisor, B above A, C above B.
const CHAIN = ['A', 'B', 'C'];
const none = new Set<string>();

const relations: [
  label: string,
  actor: string,
  target: string,
  chain: string[],
  actingFor: Set<string>,
  expected: Relation,
][] = [
  ['self', 'T', 'T', CHAIN, none, 'self'],
  ['self with an empty chain', 'T', 'T', [], none, 'self'],
  ['direct supervisor', 'A', 'T', CHAIN, none, 'direct_supervisor'],
  ['two levels up', 'B', 'T', CHAIN, none, 'indirect_supervisor'],
  ['three levels up', 'C', 'T', CHAIN, none, 'indirect_supervisor'],
  ['not in the chain', 'X', 'T', CHAIN, none, 'none'],
  ['target at the top (empty chain)', 'X', 'T', [], none, 'none'],
  ['a subordinate of the target', 'S', 'T', CHAIN, none, 'none'],
  ['acting (Plt) for the direct supervisor', 'P', 'T', CHAIN, new Set(['A']), 'direct_supervisor'],
  ['acting for someone two levels up', 'P', 'T', CHAIN, new Set(['B']), 'indirect_supervisor'],
  ['acting for the top of the chain', 'P', 'T', CHAIN, new Set(['C']), 'indirect_supervisor'],
  ['acting for someone not in the chain', 'P', 'T', CHAIN, new Set(['Z']), 'none'],
  ['acting for several, one of them direct', 'P', 'T', CHAIN, new Set(['Z', 'A']), 'direct_supervisor'],
  ['indirect by own position but acting for the direct one', 'B', 'T', CHAIN, new Set(['A']), 'direct_supervisor'],
];

const readEmployee: [
  label: string,
  p: UserPrincipal,
  relation: Relation,
  actorUnit: string | undefined,
  targetUnit: string,
  expected: boolean,
][] = [
  ['employee reads self', employee, 'self', IN_OPD_SEKSI, OTHER_OPD, true],
  ['employee reads a direct subordinate', employee, 'direct_supervisor', IN_OPD_SEKSI, OTHER_OPD, true],
  ['employee reads an indirect subordinate', employee, 'indirect_supervisor', IN_OPD_SEKSI, OTHER_OPD, true],
  ['employee reads a colleague in the same unit', employee, 'none', IN_OPD_SEKSI, IN_OPD_SEKSI, false],
  ['admin OPD reads inside own OPD (seksi)', adminOpd, 'none', ADMIN_UNIT, IN_OPD_SEKSI, true],
  ['admin OPD reads inside own OPD (root)', adminOpd, 'none', ADMIN_UNIT, IN_OPD_ROOT, true],
  ['admin OPD reads another bidang of own OPD', adminOpd, 'none', ADMIN_UNIT, IN_OPD_OTHER_BIDANG, true],
  ['admin OPD reads the look-alike OPD', adminOpd, 'none', ADMIN_UNIT, LOOKALIKE, false],
  ['admin OPD reads below the look-alike OPD', adminOpd, 'none', ADMIN_UNIT, LOOKALIKE_CHILD, false],
  ['admin OPD reads another OPD', adminOpd, 'none', ADMIN_UNIT, OTHER_OPD, false],
  ['admin OPD without a unit of their own', adminOpd, 'none', undefined, IN_OPD_SEKSI, false],
  ['admin BKPSDM reads any OPD', bkpsdm, 'none', undefined, OTHER_OPD, true],
  ['auditor reads any OPD', auditor, 'none', undefined, OTHER_OPD, true],
];

const managePeople: [
  label: string,
  p: UserPrincipal,
  actorUnit: string | undefined,
  unit: string,
  expected: boolean,
][] = [
  ['employee', employee, IN_OPD_SEKSI, IN_OPD_SEKSI, false],
  ['admin OPD, own OPD root', adminOpd, ADMIN_UNIT, IN_OPD_ROOT, true],
  ['admin OPD, own seksi', adminOpd, ADMIN_UNIT, IN_OPD_SEKSI, true],
  ['admin OPD, another bidang of own OPD', adminOpd, ADMIN_UNIT, IN_OPD_OTHER_BIDANG, true],
  ['admin OPD, look-alike OPD', adminOpd, ADMIN_UNIT, LOOKALIKE, false],
  ['admin OPD, below look-alike OPD', adminOpd, ADMIN_UNIT, LOOKALIKE_CHILD, false],
  ['admin OPD, other OPD', adminOpd, ADMIN_UNIT, OTHER_OPD, false],
  ['admin OPD without own unit', adminOpd, undefined, IN_OPD_SEKSI, false],
  ['admin BKPSDM, anywhere', bkpsdm, undefined, OTHER_OPD, true],
  ['auditor is read-only', auditor, ADMIN_UNIT, IN_OPD_SEKSI, false],
  ['admin OPD + auditor, other OPD', adminOpdAndAuditor, ADMIN_UNIT, OTHER_OPD, false],
  ['admin OPD + auditor, own OPD', adminOpdAndAuditor, ADMIN_UNIT, IN_OPD_SEKSI, true],
];

const createUnit: [
  label: string,
  p: UserPrincipal,
  actorUnit: string | undefined,
  parent: string | undefined,
  expected: boolean,
][] = [
  ['admin BKPSDM, a new OPD (no parent)', bkpsdm, undefined, undefined, true],
  ['admin BKPSDM, under any OPD', bkpsdm, undefined, OTHER_OPD, true],
  ['admin OPD, a new OPD (no parent)', adminOpd, ADMIN_UNIT, undefined, false],
  ['admin OPD, under own OPD root', adminOpd, ADMIN_UNIT, IN_OPD_ROOT, true],
  ['admin OPD, under own bidang', adminOpd, ADMIN_UNIT, ADMIN_UNIT, true],
  ['admin OPD, under another bidang of own OPD', adminOpd, ADMIN_UNIT, IN_OPD_OTHER_BIDANG, true],
  ['admin OPD, under look-alike OPD', adminOpd, ADMIN_UNIT, LOOKALIKE, false],
  ['admin OPD, under another OPD', adminOpd, ADMIN_UNIT, OTHER_OPD, false],
  ['admin OPD without own unit', adminOpd, undefined, IN_OPD_ROOT, false],
  ['auditor', auditor, ADMIN_UNIT, IN_OPD_ROOT, false],
  ['employee', employee, IN_OPD_SEKSI, IN_OPD_SEKSI, false],
];

const auditOf: [label: string, p: UserPrincipal, subject: string, expected: boolean][] = [
  ['auditor, anyone', auditor, employee.nip, true],
  ['the person concerned', employee, employee.nip, true],
  ['employee, someone else', employee, adminOpd.nip, false],
  ['admin OPD, someone in own OPD', adminOpd, employee.nip, false],
  ['admin BKPSDM, someone else', bkpsdm, employee.nip, false],
  ['admin BKPSDM, self', bkpsdm, bkpsdm.nip, true],
];

const orgAudit: [label: string, p: UserPrincipal, expected: boolean][] = [
  ['auditor', auditor, true],
  ['admin OPD + auditor', adminOpdAndAuditor, true],
  ['employee', employee, false],
  ['admin OPD', adminOpd, false],
  ['admin BKPSDM', bkpsdm, false],
];

const opdPaths: [label: string, p: UserPrincipal, ownUnit: string | undefined, expected: string | undefined][] = [
  ['admin OPD in a bidang', adminOpd, ADMIN_UNIT, '/DISDUKCAPIL/'],
  ['admin OPD in a seksi', adminOpd, IN_OPD_SEKSI, '/DISDUKCAPIL/'],
  ['admin OPD at the OPD itself', adminOpd, IN_OPD_ROOT, '/DISDUKCAPIL/'],
  ['admin OPD in the look-alike OPD', adminOpd, LOOKALIKE_CHILD, '/DISDUKCAPIL2/'],
  ['admin OPD without a unit', adminOpd, undefined, undefined],
  ['employee (not an admin)', employee, IN_OPD_SEKSI, undefined],
  ['admin BKPSDM (not an OPD admin)', bkpsdm, IN_OPD_SEKSI, undefined],
  ['auditor', auditor, IN_OPD_SEKSI, undefined],
];

describe('relationOf', () => {
  it.each(relations)('%s', (_label, actor, target, chain, actingFor, expected) => {
    expect(relationOf(actor, target, chain, actingFor)).toBe(expected);
  });
});

describe('canReadEmployee', () => {
  it.each(readEmployee)('%s', (_label, p, relation, actorUnitPath, targetUnitPath, expected) => {
    expect(canReadEmployee(p, { relation, actorUnitPath, targetUnitPath })).toBe(expected);
  });
});

describe('canManagePeopleIn', () => {
  it.each(managePeople)('%s', (_label, p, actorUnit, unit, expected) => {
    expect(canManagePeopleIn(p, actorUnit, unit)).toBe(expected);
  });
});

describe('canCreateUnitUnder', () => {
  it.each(createUnit)('%s', (_label, p, actorUnit, parent, expected) => {
    expect(canCreateUnitUnder(p, actorUnit, parent)).toBe(expected);
  });
});

describe('canReadAuditOf', () => {
  it.each(auditOf)('%s', (_label, p, subject, expected) => {
    expect(canReadAuditOf(p, subject)).toBe(expected);
  });
});

describe('canReadOrgAudit', () => {
  it.each(orgAudit)('%s', (_label, p, expected) => {
    expect(canReadOrgAudit(p)).toBe(expected);
  });
});

describe('adminOpdPath', () => {
  it.each(opdPaths)('%s', (_label, p, ownUnit, expected) => {
    expect(adminOpdPath(p, ownUnit)).toBe(expected);
  });
});

const followUp: [
  label: string,
  p: UserPrincipal,
  actorUnit: string,
  unit: string,
  isHead: boolean,
  expected: boolean,
][] = [
  ["the unit's head (or their Plt/Plh)", employee, IN_OPD_SEKSI, IN_OPD_SEKSI, true, true],
  ['a colleague in the unit', employee, IN_OPD_SEKSI, IN_OPD_SEKSI, false, false],
  ['the head of the bidang above (reads, does not close)', employee, ADMIN_UNIT, IN_OPD_SEKSI, false, false],
  ['the OPD admin, in their OPD', adminOpd, ADMIN_UNIT, IN_OPD_SEKSI, false, true],
  ['the OPD admin, another OPD', adminOpd, ADMIN_UNIT, OTHER_OPD, false, false],
  ['the OPD admin, a look-alike OPD', adminOpd, ADMIN_UNIT, LOOKALIKE_CHILD, false, false],
  ['BKPSDM', bkpsdm, '/BKPSDM/', OTHER_OPD, false, true],
  ['an auditor (read-only)', auditor, '/INSPEKTORAT/', IN_OPD_SEKSI, false, false],
];

describe('canFollowUpUnit', () => {
  it.each(followUp)('%s', (_label, p, actorUnit, unit, isHead, expected) => {
    expect(canFollowUpUnit(p, actorUnit, unit, isHead)).toBe(expected);
  });
});

/** Who decides for a person (plan, activities, behaviour ratings, review): the policy's table. */
import { describe, expect, it } from 'vitest';
import {
  canDecideAppeal,
  type Decider,
  type DeciderFacts,
  deciderFor,
  type Relation,
} from '../../shared/auth/policy.ts';
import type { Group, UserPrincipal } from '../../shared/auth/principal.ts';

const user = (groups: Group[] = []): UserPrincipal => ({
  kind: 'user',
  orgId: 'kota-medan',
  nip: '198705122010012002',
  groups,
  subject: 'sub',
});
const employee = user();
const bkpsdm = user(['admin_bkpsdm']);
const adminOpd = user(['admin_opd']);
const auditor = user(['auditor']);

const facts = (relation: Relation, ownerHasSupervisor: boolean, ownerIsActorsSupervisor = false): DeciderFacts => ({
  relation,
  ownerHasSupervisor,
  ownerIsActorsSupervisor,
});

const cases: [label: string, p: UserPrincipal, f: DeciderFacts, expected: Decider | undefined][] = [
  ['the direct supervisor rates', employee, facts('direct_supervisor', true), 'supervisor'],
  [
    'a Plt/Plh of the direct supervisor (same relation) rates',
    employee,
    facts('direct_supervisor', true),
    'supervisor',
  ],
  [
    'a BKPSDM admin who is the direct supervisor rates as supervisor',
    bkpsdm,
    facts('direct_supervisor', true),
    'supervisor',
  ],
  ['the supervisor two levels up does not', employee, facts('indirect_supervisor', true), undefined],
  ['nobody rates themselves', employee, facts('self', true), undefined],
  ['not even BKPSDM, at the top', bkpsdm, facts('self', false), undefined],
  ['BKPSDM does not rate someone who has a supervisor', bkpsdm, facts('none', true), undefined],
  // The Sekda: no superior in the system (the Wali Kota is outside it).
  ["BKPSDM records the outside superior's decision for the Sekda", bkpsdm, facts('none', false), 'recorder'],
  [
    "BKPSDM far down the Sekda's line still records (everyone in the city is below the Sekda)",
    bkpsdm,
    facts('none', false, false),
    'recorder',
  ],
  [
    'BKPSDM never records for its own direct supervisor (the one who rates them)',
    bkpsdm,
    facts('none', false, true),
    undefined,
  ],
  ['an OPD admin does not record for the Sekda', adminOpd, facts('none', false), undefined],
  ['an auditor does not record for the Sekda', auditor, facts('none', false), undefined],
  ['an employee does not record for the Sekda', employee, facts('none', false), undefined],
  [
    "the direct supervisor's rule does not depend on the owner's own supervisor fact",
    employee,
    facts('direct_supervisor', false),
    'supervisor',
  ],
];

describe('deciderFor', () => {
  it.each(cases)('%s', (_label, p, f, expected) => {
    expect(deciderFor(p, f)).toBe(expected);
  });
});

describe('canDecideAppeal', () => {
  const f = (over: Partial<Parameters<typeof canDecideAppeal>[1]> = {}) => ({
    isEmployee: false,
    isDirectSupervisor: false,
    isSecondLevel: false,
    employeeIsActorsSupervisor: false,
    ...over,
  });
  it.each<[string, UserPrincipal, ReturnType<typeof f>, boolean]>([
    ["the supervisor's own supervisor", employee, f({ isSecondLevel: true }), true],
    ['BKPSDM as designated reviewer', bkpsdm, f(), true],
    ["BKPSDM for the Sekda (no second level: the Wali Kota's decision, recorded)", bkpsdm, f(), true],
    ['never the employee', bkpsdm, f({ isEmployee: true }), false],
    ['never the direct supervisor who rated', bkpsdm, f({ isDirectSupervisor: true }), false],
    ['never an admin about their own direct supervisor', bkpsdm, f({ employeeIsActorsSupervisor: true }), false],
    ['the second level even when the employee is an admin', employee, f({ isSecondLevel: true }), true],
    ['not a colleague', employee, f(), false],
    ['not an OPD admin', adminOpd, f(), false],
    ['not an auditor', auditor, f(), false],
  ])('%s', (_label, p, facts, expected) => {
    expect(canDecideAppeal(p, facts)).toBe(expected);
  });
});

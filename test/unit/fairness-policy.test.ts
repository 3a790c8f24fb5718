/** Who sees fairness signals, rater patterns and a unit's fairness figures (issue 18): pure policy, table-driven. */
import { describe, expect, it } from 'vitest';
import { mondayOf } from '../../shared/app/adoption-digest.ts';
import {
  canSeeFairnessOfUnit,
  canSeeRaterPatternsOf,
  canSeeSignalsOf,
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

const STAFF = '199001152015031003';
const KASI = '198203152006041002';
const KABID = '197805102003121004';
const OTHER = '198311052008012004';
const chain = [KASI, KABID];

const plain = (nip: string) => user(nip);
const bkpsdm = user('198705122010012002', ['admin_bkpsdm']);
const auditor = user('198112252006041003', ['auditor']);
const adminOpd = user('199105132015032002', ['admin_opd']);

describe("a person's signals and a supervisor's rater pattern", () => {
  const relation = (p: UserPrincipal, actingFor: string[] = []): Relation =>
    relationOf(p.nip, STAFF, chain, new Set(actingFor));

  it.each([
    ['the person', plain(STAFF), [], true],
    ['the direct supervisor', plain(KASI), [], true],
    ['a superior further up the chain', plain(KABID), [], true],
    ['the Plt/Plh of the supervisor’s position', plain(OTHER), [KASI], true],
    ['BKPSDM', bkpsdm, [], true],
    ['the auditor', auditor, [], true],
    ['a supervisor outside the line', plain(OTHER), [], false],
    ['a colleague', plain('199204282017032001'), [], false],
    ['the OPD admin (who may read the employee record, not the signals)', adminOpd, [], false],
  ] as const)('%s: %s', (_who, p, acting, allowed) => {
    expect(canSeeSignalsOf(p, relation(p, [...acting]))).toBe(allowed);
    expect(canSeeRaterPatternsOf(p, relation(p, [...acting]))).toBe(allowed);
  });
});

describe("a unit's fairness figures", () => {
  it.each([
    ['BKPSDM', bkpsdm, false, false, true],
    ['the auditor', auditor, false, false, true],
    ['the head of the unit (or their Plt/Plh)', plain(KASI), true, false, true],
    ['a superior above the head', plain(KABID), false, true, true],
    ['a head of another unit', plain(OTHER), false, false, false],
    ['the OPD admin', adminOpd, false, false, false],
    ['a member who heads nothing', plain(STAFF), false, false, false],
  ] as const)('%s', (_who, p, isHeadOfUnit, aboveTheHead, allowed) => {
    expect(canSeeFairnessOfUnit(p, { isHeadOfUnit, aboveTheHead })).toBe(allowed);
  });
});

describe('the digest week', () => {
  it.each([
    ['2026-12-14', '2026-12-14'], // Monday
    ['2026-12-17', '2026-12-14'], // Thursday
    ['2026-12-20', '2026-12-14'], // Sunday
    ['2027-01-01', '2026-12-28'], // across the year
  ])('%s is in the week of Monday %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });
});

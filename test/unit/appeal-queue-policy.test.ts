/** Which appeals queue someone reads (GET /appeals): the policy's table. */
import { describe, expect, it } from 'vitest';
import { appealQueueOf } from '../../shared/auth/policy.ts';
import type { Group, UserPrincipal } from '../../shared/auth/principal.ts';

const user = (groups: Group[] = []): UserPrincipal => ({
  kind: 'user',
  orgId: 'kota-medan',
  nip: '198705122010012002',
  groups,
  subject: 'sub',
});

const cases: [label: string, p: UserPrincipal, leadsATeam: boolean, expected: 'organisation' | 'own' | undefined][] = [
  ['BKPSDM reads the whole organisation', user(['admin_bkpsdm']), false, 'organisation'],
  ['BKPSDM who also leads a team still reads the whole organisation', user(['admin_bkpsdm']), true, 'organisation'],
  ['an auditor reads the whole organisation', user(['auditor']), false, 'organisation'],
  ['a supervisor reads the appeals they were named to decide', user(), true, 'own'],
  ['an OPD admin who leads a team reads only their own', user(['admin_opd']), true, 'own'],
  ['an OPD admin without a team reads none', user(['admin_opd']), false, undefined],
  ['an employee without a team reads none', user(), false, undefined],
];

describe('appealQueueOf', () => {
  it.each(cases)('%s', (_label, p, leadsATeam, expected) => {
    expect(appealQueueOf(p, { leadsATeam })).toBe(expected);
  });
});

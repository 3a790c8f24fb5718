/** Who reads the organisation's registered machine clients (GET /machine-clients): the policy's table. */
import { describe, expect, it } from 'vitest';
import { canSeeMachineClients } from '../../shared/auth/policy.ts';
import type { Group, UserPrincipal } from '../../shared/auth/principal.ts';

const user = (groups: Group[] = []): UserPrincipal => ({
  kind: 'user',
  orgId: 'kota-medan',
  nip: '198705122010012002',
  groups,
  subject: 'sub',
});

describe('canSeeMachineClients', () => {
  it.each([
    ['BKPSDM', user(['admin_bkpsdm']), true],
    ['BKPSDM who is also an OPD admin', user(['admin_opd', 'admin_bkpsdm']), true],
    ['an OPD admin', user(['admin_opd']), false],
    ['an auditor', user(['auditor']), false],
    ['an employee', user(), false],
  ])('%s: %s', (_label, p, expected) => {
    expect(canSeeMachineClients(p)).toBe(expected);
  });
});

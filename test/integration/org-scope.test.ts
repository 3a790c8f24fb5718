/** Tenant isolation lives in the data layer: no key, index key or cursor outside the caller's organisation. */
import { beforeAll, describe, expect, it } from 'vitest';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { useTables } from '../support/stack.ts';

const ctx = { actor: 'system:test', now: '2026-11-29T08:00:00.000Z' };
const person = (nip: string) => ({
  nip,
  name: `Pegawai ${nip}`,
  position: 'Staf',
  employmentType: 'PNS' as const,
  unitCode: 'OPD',
  unitPath: '/OPD/',
  supervisorNip: null,
  status: 'active' as const,
});

beforeAll(async () => {
  await useTables();
  await new EmployeeRepository(new OrgScope('kota-medan')).create(person('199001152015031003'), ctx);
  await new EmployeeRepository(new OrgScope('kota-binjai')).create(person('199001152015031003'), {
    ...ctx,
    actor: 'binjai',
  });
});

describe('OrgScope', () => {
  it('gives each organisation its own record for the same NIP', async () => {
    const medan = await new EmployeeRepository(new OrgScope('kota-medan')).get('199001152015031003');
    const binjai = await new EmployeeRepository(new OrgScope('kota-binjai')).get('199001152015031003');
    expect(medan!.updatedBy).toBe('system:test');
    expect(binjai!.updatedBy).toBe('binjai');
  });

  it("answers a query only from the caller's organisation", async () => {
    const page = await new EmployeeRepository(new OrgScope('kota-medan')).unitMembers('/OPD/');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.orgId).toBe('kota-medan');
  });

  const scope = new OrgScope('kota-medan');
  it.each([
    [
      "a get of another organisation's key",
      () => scope.get('main', 'ORG#kota-binjai#EMP#199001152015031003', 'PROFILE'),
    ],
    ['a key that only starts like ours', () => scope.get('main', 'ORG#kota-medan-x#EMP#1', 'PROFILE')],
    ['a put of a foreign item', () => scope.put('main', { pk: 'ORG#kota-binjai#EMP#1', sk: 'PROFILE' })],
    [
      'a put with a foreign index key',
      () => scope.put('main', { pk: scope.key('EMP', '1'), sk: 'P', gsi1pk: 'ORG#kota-binjai#UNITMEMBERS#X' }),
    ],
    [
      'a put claiming another orgId',
      () => scope.put('main', { pk: scope.key('EMP', '1'), sk: 'P', orgId: 'kota-binjai' }),
    ],
    ['a query of a foreign partition', () => scope.query('main', { pk: 'ORG#kota-binjai#EMP#199001152015031003' })],
    [
      'a transaction with one foreign item',
      () =>
        scope.transact([
          { put: { table: 'main', item: { pk: scope.key('A'), sk: 'A' } } },
          { put: { table: 'main', item: { pk: 'ORG#kota-binjai#B', sk: 'B' } } },
        ]),
    ],
    [
      'an update of a foreign key',
      () =>
        scope.update(
          'main',
          { pk: 'ORG#kota-binjai#EMP#1', sk: 'PROFILE' },
          { set: 'SET #n = :n', names: { '#n': 'name' }, values: { ':n': 'x' } },
        ),
    ],
  ])('refuses %s', async (_n, act) => {
    await expect(act()).rejects.toThrow(/tenant isolation/);
  });

  it('writes nothing of a transaction that was refused for one foreign item', async () => {
    await expect(
      scope.transact([
        { put: { table: 'main', item: { pk: scope.key('KEEP'), sk: 'A' } } },
        { put: { table: 'main', item: { pk: 'ORG#kota-binjai#B', sk: 'B' } } },
      ]),
    ).rejects.toThrow();
    expect(await scope.get('main', scope.key('KEEP'), 'A')).toBeUndefined();
  });

  it('refuses a pagination cursor from another organisation', async () => {
    const foreign = Buffer.from(JSON.stringify({ pk: 'ORG#kota-binjai#EMP#1', sk: 'PROFILE' })).toString('base64url');
    await expect(scope.query('main', { pk: scope.key('EMP', '1'), cursor: foreign })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });

  it.each(['', 'Kota Medan', 'ORG#x', 'a'])('refuses the organisation id %j', (orgId) => {
    expect(() => new OrgScope(orgId)).toThrow(/invalid organisation id/);
  });
});

/** The employee repository's guarantees, forced deterministically: locking, the hierarchy guard, bulk undo. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { DomainError } from '../../shared/messages/errors.ts';
import {
  type Employee,
  type EmployeeChange,
  type EmployeeFields,
  EmployeeRepository,
} from '../../shared/store/employees.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { who } from '../support/demo.ts';
import { useTables } from '../support/stack.ts';

const repo = () => new EmployeeRepository(new OrgScope('kota-medan'));
const ctx = (requestId = 'req-test') => ({ actor: 'nip:test', now: new Date().toISOString(), requestId });
const fields = ({ version: _v, createdAt: _c, updatedAt: _u, updatedBy: _b, ...f }: Employee): EmployeeFields => f;

beforeAll(async () => {
  await useTables();
  await seedDemo();
});

describe('optimistic locking in the database', () => {
  it("refuses a write whose version was read before another write, even when the caller's copy looks current", async () => {
    const stale = (await repo().get(who.staff))!;
    await repo().replace(stale, { ...fields(stale), position: 'Pertama' }, stale.version, ctx());
    // `stale` still says the old version: only the table's condition can catch this.
    const second = repo().replace(stale, { ...fields(stale), position: 'Kedua' }, stale.version, ctx());
    await expect(second).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await repo().get(who.staff))!).toMatchObject({ position: 'Pertama', version: stale.version + 1 });
  });
});

describe('hierarchy guard', () => {
  it('lets only one of two supervisor changes made from the same hierarchy read land', async () => {
    const [a, b] = await Promise.all(
      ['199204282017032001', '199512032020121002'].map(async (n) => (await repo().get(n))!),
    );
    const read = await repo().hierarchyVersion();
    // Each alone is fine; together they would make a cycle (a under b, b under a).
    const results = await Promise.allSettled([
      repo().replace(a!, { ...fields(a!), supervisorNip: b!.nip }, a!.version, ctx(), read),
      repo().replace(b!, { ...fields(b!), supervisorNip: a!.nip }, b!.version, ctx(), read),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(refused.reason.code).toBe('hierarchy_changed');
    expect(await repo().hierarchyVersion()).toBe(read + 1);
  });

  it('does not touch the hierarchy version for changes that keep the supervisor', async () => {
    const before = await repo().hierarchyVersion();
    const e = (await repo().get(who.kasi))!;
    await repo().replace(e, { ...fields(e), position: 'Kepala Seksi Identitas' }, e.version, ctx());
    expect(await repo().hierarchyVersion()).toBe(before);
  });
});

describe('allSubordinates', () => {
  it('terminates and lists each person once even if stored data holds a cycle', async () => {
    const scope = new OrgScope('kota-medan');
    const ids = ['199001012020011001', '199001012020011002'];
    // Write a cycle directly (the API can no longer make one) to prove the walk is safe anyway.
    for (const [i, nip] of ids.entries()) {
      await scope.put(
        'main',
        repo().toItem(
          {
            nip,
            name: `Siklus ${i}`,
            position: 'Staf',
            employmentType: 'PNS',
            unitCode: 'DUK-IDK',
            unitPath: '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
            supervisorNip: ids[1 - i]!,
            status: 'active',
          },
          ctx(),
        ),
      );
    }
    const found = await repo().allSubordinates(ids[0]!, 100);
    expect(found.map((e) => e.nip).sort()).toEqual([ids[1]]);
  });
});

describe('applyAll (bulk import writes)', () => {
  it('undoes the transactions already committed when a later one fails, so nothing is left half-done', async () => {
    const existing = (await repo().get(who.otherStaff))!;
    const fresh: EmployeeChange[] = Array.from({ length: 110 }, (_, i) => ({
      line: i + 2,
      next: {
        nip: `1992010${String((i % 9) + 1)}2016031${String(i + 1).padStart(3, '0')}`,
        name: `Baru ${i}`,
        position: 'Staf',
        employmentType: 'PNS',
        unitCode: 'DUK-PINDAH',
        unitPath: '/DISDUKCAPIL/DUK-DAFDUK/DUK-PINDAH/',
        supervisorNip: null,
        status: 'active',
      },
    }));
    const changed: EmployeeChange = {
      line: 200,
      current: existing,
      next: { ...fields(existing), position: 'Diubah oleh impor' },
    };
    // Someone else changes this person after the import read them: the second transaction must fail.
    const raced = (await repo().get(who.kasi))!;
    const stale: EmployeeChange = {
      line: 201,
      current: { ...raced, version: raced.version - 1 },
      next: { ...fields(raced), position: 'Tidak akan tersimpan' },
    };

    const attempt = repo().applyAll([changed, ...fresh, stale], ctx('req-undo'), await repo().hierarchyVersion());
    await expect(attempt).rejects.toMatchObject({ code: 'import_conflict' });

    const left = await repo().getMany(fresh.map((c) => c.next.nip));
    expect(left.size).toBe(0);
    const restored = (await repo().get(existing.nip))!;
    expect(restored.position).toBe(existing.position);
    expect(restored.version).toBe(existing.version + 2); // the change and its undo both stay visible in the audit trail
    expect((await repo().get(who.kasi))!.position).toBe(raced.position);
  });
});

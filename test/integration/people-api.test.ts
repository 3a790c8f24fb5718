/** Organisation, people and hierarchy through the HTTP API, as the web client of each role would use it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { demoTokens, who } from '../support/demo.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  // A second organisation in the same tables, to prove nothing crosses between them.
  const binjai = new OrgScope('kota-binjai');
  const ctx = { actor: 'system:test', now: new Date().toISOString() };
  await new UnitRepository(binjai).saveOrganisation('Pemerintah Kota Binjai', ctx);
  await new UnitRepository(binjai).create(
    { code: 'DISDUKCAPIL', name: 'Disdukcapil Binjai', kind: 'opd', path: '/DISDUKCAPIL/' },
    ctx,
  );
  await new EmployeeRepository(binjai).create(
    {
      nip: '198001012005011001',
      name: 'Pegawai Binjai',
      position: 'Staf',
      employmentType: 'PNS',
      unitCode: 'DISDUKCAPIL',
      unitPath: '/DISDUKCAPIL/',
      supervisorNip: null,
      status: 'active',
    },
    ctx,
  );
});
afterAll(() => stack.stop());

const newPerson = (over: Record<string, unknown> = {}) => ({
  nip: '199502022020121001',
  name: 'Taufik Hidayat',
  position: 'Operator Layanan',
  employmentType: 'PNS',
  unitCode: 'DUK-IDK',
  supervisorNip: who.kasi,
  ...over,
});

const storedCount = async () => (await new UnitRepository(new OrgScope('kota-medan')).tree()).length;
const getStored = (nip: string) => new EmployeeRepository(new OrgScope('kota-medan')).get(nip);

describe('reading people', () => {
  const cases: [string, keyof typeof who, string, number][] = [
    ['self', 'staff', who.staff, 200],
    ['direct supervisor', 'kasi', who.staff, 200],
    ['indirect supervisor (two up)', 'kabid', who.staff, 200],
    ['indirect supervisor (three up)', 'kadis', who.staff, 200],
    ['admin OPD of the same OPD', 'adminOpd', who.staff, 200],
    ['admin BKPSDM', 'bkpsdm', who.staff, 200],
    ['auditor', 'auditor', who.staff, 200],
    ['an unrelated supervisor', 'otherKasi', who.staff, 403],
    ['a colleague', 'otherStaff', who.staff, 403],
    ['a subordinate reading their supervisor', 'staff', who.kasi, 403],
    ['someone of another organisation', 'staff', '198001012005011001', 404],
  ];
  it.each(cases)('%s → %i', async (_n, as, nip, status) => {
    const res = await stack.call('GET', `/employees/${nip}`, { token: t[as] });
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body.nip).toBe(nip);
    else expect(res.body.error.code).toBe(status === 403 ? 'forbidden' : 'not_found');
  });

  it('does not let a Binjai token see Medan people, even with a Medan NIP', async () => {
    const token = await stack.issuer.userToken({
      orgId: 'kota-binjai',
      nip: '198001012005011001',
      groups: ['admin_bkpsdm'],
    });
    const res = await stack.call('GET', `/employees/${who.staff}`, { token });
    expect(res.status).toBe(404);
    const units = await stack.call('GET', '/units', { token });
    expect(units.body.units.map((u: { code: string }) => u.code)).toEqual(['DISDUKCAPIL']);
    expect(units.body.organisation.name).toBe('Pemerintah Kota Binjai');
  });

  it('rejects a malformed NIP in the path with a 400 naming the field', async () => {
    const res = await stack.call('GET', '/employees/12345', { token: t.staff });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].field).toBe('path.nip');
  });
});

describe('hierarchy', () => {
  it('lists direct subordinates, paginated', async () => {
    const first = await stack.call('GET', '/employees/me/subordinates?limit=2', { token: t.kasi });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await stack.call('GET', `/employees/me/subordinates?limit=2&cursor=${first.body.nextCursor}`, {
      token: t.kasi,
    });
    expect(second.body.items).toHaveLength(1);
    const all = [...first.body.items, ...second.body.items].map((e: { nip: string }) => e.nip);
    expect(new Set(all).size).toBe(3);
    expect(all).toContain(who.staff);
  });

  it('walks the whole tree below with scope=all, with depth', async () => {
    const res = await stack.call('GET', '/employees/me/subordinates?scope=all&limit=100', { token: t.kabid });
    expect(res.status).toBe(200);
    const byNip = new Map(res.body.items.map((e: { nip: string; depth: number }) => [e.nip, e.depth]));
    expect(byNip.get(who.kasi)).toBe(1);
    expect(byNip.get(who.staff)).toBe(2);
    expect(byNip.size).toBe(7); // 2 kasi + 3 + 2 staff
  });

  it('lists the chain of supervisors, nearest first', async () => {
    const res = await stack.call('GET', '/employees/me/supervisors', { token: t.staff });
    expect(res.body.items.map((e: { nip: string }) => e.nip)).toEqual([who.kasi, who.kabid, who.kadis, who.sekda]);
    expect(res.body.items.map((e: { level: number }) => e.level)).toEqual([1, 2, 3, 4]);
  });

  it('lists a unit subtree, paginated in tree order', async () => {
    const units: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await stack.call('GET', `/units/DUK-DAFDUK/employees?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        token: t.staff,
      });
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      units.push(...page.body.items.map((e: { unitCode: string }) => e.unitCode));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(units).toHaveLength(8);
    expect(units[0]).toBe('DUK-DAFDUK');
    // Tree order: a seksi's people come after their bidang head, never interleaved with another seksi.
    expect(units.slice(1)).toEqual([...units.slice(1)].sort());
  });

  it('refuses a cursor that points into another organisation', async () => {
    const forged = Buffer.from(
      JSON.stringify({
        pk: 'ORG#kota-binjai#EMP#1',
        sk: 'PROFILE',
        gsi1pk: 'ORG#kota-binjai#UNITMEMBERS#X',
        gsi1sk: 'x',
      }),
    ).toString('base64url');
    const res = await stack.call('GET', `/units/DISDUKCAPIL/employees?cursor=${forged}`, { token: t.staff });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_cursor');
  });
});

describe('registering and changing people', () => {
  it('lets the OPD admin register someone in their OPD, and reports it in the audit trail', async () => {
    const res = await stack.call('POST', '/employees', { token: t.adminOpd, body: newPerson() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      nip: '199502022020121001',
      unitPath: '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
      version: 1,
      updatedBy: `nip:${who.adminOpd}`,
    });
    // A client retrying the same request gets the stored record back, not a second record or an error.
    const retry = await stack.call('POST', '/employees', { token: t.adminOpd, body: newPerson() });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    expect(retry.body.version).toBe(1);
    const different = await stack.call('POST', '/employees', {
      token: t.adminOpd,
      body: newPerson({ name: 'Orang Lain' }),
    });
    expect(different.status).toBe(409);
    expect(different.body.error.code).toBe('already_exists');
    expect((await getStored('199502022020121001'))!.name).toBe('Taufik Hidayat');
  });

  const refused: [string, keyof typeof who, Record<string, unknown>, number, string][] = [
    ['a plain employee', 'staff', newPerson({ nip: '199502022020121011' }), 403, 'forbidden'],
    ['a supervisor who is no admin', 'kadis', newPerson({ nip: '199502022020121011' }), 403, 'forbidden'],
    [
      'the OPD admin outside their OPD',
      'adminOpd',
      newPerson({ nip: '199502022020121011', unitCode: 'BKPSDM', supervisorNip: null }),
      403,
      'forbidden',
    ],
    ['a NIP with an impossible birth date', 'bkpsdm', newPerson({ nip: '199513022020121011' }), 422, 'invalid_nip'],
    ['a NIP with sex digit 3', 'bkpsdm', newPerson({ nip: '199502022020123011' }), 422, 'invalid_nip'],
    [
      'a PPPK NIP appointed before 2019',
      'bkpsdm',
      newPerson({ nip: '199502022018211011', employmentType: 'PPPK' }),
      422,
      'invalid_nip',
    ],
    ['an unknown unit', 'bkpsdm', newPerson({ nip: '199502022020121011', unitCode: 'NOWHERE' }), 422, 'unit_not_found'],
    [
      'an unknown supervisor',
      'bkpsdm',
      newPerson({ nip: '199502022020121011', supervisorNip: '199912312024011999' }),
      422,
      'supervisor_not_found',
    ],
    [
      'oneself as supervisor',
      'bkpsdm',
      newPerson({ nip: '199502022020121011', supervisorNip: '199502022020121011' }),
      422,
      'self_supervisor',
    ],
    ['a missing name', 'bkpsdm', newPerson({ nip: '199502022020121011', name: '  ' }), 400, 'validation_failed'],
    [
      'an unknown employment type',
      'bkpsdm',
      newPerson({ nip: '199502022020121011', employmentType: 'HONORER' }),
      400,
      'validation_failed',
    ],
  ];
  it.each(refused)('refuses %s and writes nothing', async (_n, as, body, status, code) => {
    const res = await stack.call('POST', '/employees', { token: t[as], body });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
    expect(await getStored(body.nip as string)).toBeUndefined();
  });

  it.each([
    ['body.nip', newPerson({ nip: '199513022020121011' })],
    ['body.unitCode', newPerson({ nip: '199502022020121011', unitCode: 'NOWHERE' })],
    ['body.supervisorNip', newPerson({ nip: '199502022020121011', supervisorNip: '199912312024011999' })],
  ])('names the field of a rule refusal as the request does (%s), so a form shows it there', async (field, body) => {
    const res = await stack.call('POST', '/employees', { token: t.bkpsdm, body });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it("explains a NIP problem precisely, in the caller's language", async () => {
    const body = newPerson({ nip: '199502022020121000' });
    const id = await stack.call('POST', '/employees', { token: t.bkpsdm, body });
    expect(id.body.error.message).toContain('nomor urut 001–999');
    const en = await stack.call('POST', '/employees', { token: t.bkpsdm, body, headers: { 'accept-language': 'en' } });
    expect(en.body.error.message).toContain('sequence number 001–999');
  });

  it('refuses a body that is not JSON, or of another type, without a 500', async () => {
    const bad = await fetch(`${stack.url}/employees`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.bkpsdm}`, 'content-type': 'application/json' },
      body: '{"nip":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const xml = await fetch(`${stack.url}/employees`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.bkpsdm}`, 'content-type': 'application/xml' },
      body: '<x/>',
    });
    expect(xml.status).toBe(415);
  });

  it('uses optimistic locking: the second writer with a stale version gets 409 and the current record', async () => {
    const nip = '199001152015031003';
    const current = (await stack.call('GET', `/employees/${nip}`, { token: t.bkpsdm })).body;
    const first = await stack.call('PATCH', `/employees/${nip}`, {
      token: t.bkpsdm,
      body: { version: current.version, position: 'Analis Kependudukan' },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(current.version + 1);
    const stale = await stack.call('PATCH', `/employees/${nip}`, {
      token: t.adminOpd,
      body: { version: current.version, position: 'Sesuatu yang lain' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.current.position).toBe('Analis Kependudukan');
    expect((await getStored(nip))!.position).toBe('Analis Kependudukan');
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const nip = '199204282017032001';
    const { version } = (await getStored(nip))!;
    const results = await Promise.all(
      ['Operator A', 'Operator B'].map((position) =>
        stack.call('PATCH', `/employees/${nip}`, { token: t.bkpsdm, body: { version, position } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await getStored(nip))!.version).toBe(version + 1);
  });

  it('refuses a supervisor change that would make a cycle, and writes nothing', async () => {
    const kadis = (await getStored(who.kadis))!;
    const res = await stack.call('PATCH', `/employees/${who.kadis}`, {
      token: t.bkpsdm,
      body: { version: kadis.version, supervisorNip: who.staff },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('hierarchy_cycle');
    expect((await getStored(who.kadis))!.supervisorNip).toBe(who.sekda);
  });

  it('moves a subordinate to another supervisor and the lists follow', async () => {
    const nip = '199512032020121002';
    const { version } = (await getStored(nip))!;
    const res = await stack.call('PATCH', `/employees/${nip}`, {
      token: t.adminOpd,
      body: { version, supervisorNip: who.otherKasi, unitCode: 'DUK-PINDAH' },
    });
    expect(res.status).toBe(200);
    const mine = await stack.call('GET', '/employees/me/subordinates', { token: t.otherKasi });
    expect(mine.body.items.map((e: { nip: string }) => e.nip)).toContain(nip);
    const old = await stack.call('GET', '/employees/me/subordinates', { token: t.kasi });
    expect(old.body.items.map((e: { nip: string }) => e.nip)).not.toContain(nip);
  });
});

describe('units', () => {
  it('lets BKPSDM add an OPD and the OPD admin add a seksi below their OPD only', async () => {
    const before = await storedCount();
    expect(
      (
        await stack.call('POST', '/units', {
          token: t.bkpsdm,
          body: { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'opd' },
        })
      ).status,
    ).toBe(201);
    const seksi = await stack.call('POST', '/units', {
      token: t.adminOpd,
      body: { code: 'DUK-ARSIP', name: 'Seksi Arsip', kind: 'seksi', parentCode: 'DUK-PIAK' },
    });
    expect(seksi.status).toBe(201);
    expect(seksi.body.path).toBe('/DISDUKCAPIL/DUK-PIAK/DUK-ARSIP/');
    const outside = await stack.call('POST', '/units', {
      token: t.adminOpd,
      body: { code: 'KOM-X', name: 'Bidang X', kind: 'bidang', parentCode: 'DISKOMINFO' },
    });
    expect(outside.status).toBe(403);
    const retry = await stack.call('POST', '/units', {
      token: t.adminOpd,
      body: { code: 'DUK-ARSIP', name: 'Seksi Arsip', kind: 'seksi', parentCode: 'DUK-PIAK' },
    });
    expect(retry.status).toBe(200);
    const clash = await stack.call('POST', '/units', {
      token: t.adminOpd,
      body: { code: 'DUK-ARSIP', name: 'Seksi Arsip Lain', kind: 'seksi', parentCode: 'DUK-PIAK' },
    });
    expect(clash.status).toBe(409);
    expect(await storedCount()).toBe(before + 2);
  });

  it.each([
    [
      'a seksi directly under an OPD',
      { code: 'DUK-Y', name: 'Seksi Y', kind: 'seksi', parentCode: 'DISDUKCAPIL' },
      'invalid_unit_parent',
    ],
    ['a bidang without parent', { code: 'DUK-Z', name: 'Bidang Z', kind: 'bidang' }, 'parent_unit_required'],
    ['an unknown parent', { code: 'DUK-W', name: 'Seksi W', kind: 'seksi', parentCode: 'NOPE' }, 'unit_not_found'],
  ])('refuses %s', async (_n, body, code) => {
    const res = await stack.call('POST', '/units', { token: t.bkpsdm, body });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
  });
});

describe('acting assignments (Plt/Plh)', () => {
  it('gives supervisor rights for the assignment dates only', async () => {
    // otherKasi acts for kasi: today → may read kasi's subordinates; an assignment in the future gives nothing yet.
    const today = wibDate(new Date());
    const future = wibDate(new Date(Date.now() + 30 * 86400_000));
    const futureEnd = wibDate(new Date(Date.now() + 40 * 86400_000));
    const before = await stack.call('GET', `/employees/${who.staff}`, { token: t.otherKasi });
    expect(before.status).toBe(403);

    const later = await stack.call('POST', `/employees/${who.otherKasi}/acting-assignments`, {
      token: t.bkpsdm,
      body: { forNip: who.kasi, kind: 'PLH', startDate: future, endDate: futureEnd },
    });
    expect(later.status).toBe(201);
    expect((await stack.call('GET', `/employees/${who.staff}`, { token: t.otherKasi })).status).toBe(403);

    const now = await stack.call('POST', `/employees/${who.otherKasi}/acting-assignments`, {
      token: t.adminOpd,
      body: { forNip: who.kasi, kind: 'PLT', startDate: today, endDate: today, decreeNumber: '800/1/2026' },
    });
    expect(now.status).toBe(201);
    const retried = await stack.call('POST', `/employees/${who.otherKasi}/acting-assignments`, {
      token: t.adminOpd,
      body: { forNip: who.kasi, kind: 'PLT', startDate: today, endDate: today, decreeNumber: '800/1/2026' },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(now.body.id);
    expect((await stack.call('GET', `/employees/${who.staff}`, { token: t.otherKasi })).status).toBe(200);
    const me = await stack.call('GET', '/me', { token: t.otherKasi });
    expect(me.body.actingAssignments.map((a: { forNip: string }) => a.forNip)).toEqual([who.kasi]);

    const overlap = await stack.call('POST', `/employees/${who.kabid}/acting-assignments`, {
      token: t.bkpsdm,
      body: { forNip: who.kasi, kind: 'PLH', startDate: today, endDate: future },
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('acting_overlap');
  });

  it.each([
    [
      'acting for oneself',
      { forNip: who.kabid, kind: 'PLT', startDate: '2027-01-01', endDate: '2027-01-31' },
      422,
      'acting_for_self',
      'body.forNip',
    ],
    [
      'an end before the start',
      { forNip: who.kadis, kind: 'PLT', startDate: '2027-02-01', endDate: '2027-01-31' },
      422,
      'invalid_date_range',
      'body.endDate',
    ],
    [
      'an impossible date',
      { forNip: who.kadis, kind: 'PLT', startDate: '2027-02-30', endDate: '2027-03-01' },
      400,
      'validation_failed',
      'body.startDate',
    ],
    [
      'an unknown position holder',
      { forNip: '199912312024011999', kind: 'PLT', startDate: '2027-01-01', endDate: '2027-01-31' },
      422,
      'supervisor_not_found',
      'body.forNip',
    ],
  ])('refuses %s, naming the field', async (_n, body, status, code, field) => {
    const res = await stack.call('POST', `/employees/${who.kabid}/acting-assignments`, { token: t.bkpsdm, body });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details[0].field).toBe(field);
  });

  it('refuses appointments by someone who is not an admin', async () => {
    const res = await stack.call('POST', `/employees/${who.kabid}/acting-assignments`, {
      token: t.kadis,
      body: { forNip: who.kasi, kind: 'PLH', startDate: '2027-05-01', endDate: '2027-05-02' },
    });
    expect(res.status).toBe(403);
  });
});

describe('who may change people', () => {
  const patch = async (as: keyof typeof who, nip: string, change: Record<string, unknown>) => {
    const { version } = (await getStored(nip))!;
    return stack.call('PATCH', `/employees/${nip}`, { token: t[as], body: { version, ...change } });
  };

  it.each([
    ['a plain employee changing a colleague', 'staff', '199406172019032003', { position: 'X' }],
    ['a supervisor who is no admin changing their subordinate', 'kasi', who.staff, { position: 'X' }],
    ['the OPD admin changing someone of another OPD', 'adminOpd', '197401181999031002', { position: 'X' }],
    ['the OPD admin changing their own supervisor', 'adminOpd', who.adminOpd, { supervisorNip: who.kadis }],
    [
      "the OPD admin making themselves someone's supervisor",
      'adminOpd',
      '199608222022031001',
      { supervisorNip: who.adminOpd },
    ],
    ['BKPSDM deactivating themselves', 'bkpsdm', who.bkpsdm, { status: 'inactive' }],
  ] as const)('refuses %s (403) and writes nothing', async (_n, as, nip, change) => {
    const before = (await getStored(nip))!;
    const res = await patch(as, nip, change);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await getStored(nip))!.version).toBe(before.version);
  });

  it('lets an admin change their own contact data', async () => {
    const res = await patch('adminOpd', who.adminOpd, { email: 'dewi@pemkomedan.go.id' });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('dewi@pemkomedan.go.id');
  });

  it('never stores a cycle when two admins make its halves at the same time', async () => {
    const [a, b] = ['199208112016032002', '199309302018031004'];
    const [va, vb] = [(await getStored(a))!.version, (await getStored(b))!.version];
    const results = await Promise.all([
      stack.call('PATCH', `/employees/${a}`, { token: t.bkpsdm, body: { version: va, supervisorNip: b } }),
      stack.call('PATCH', `/employees/${b}`, { token: t.adminOpd, body: { version: vb, supervisorNip: a } }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    // The loser either saw the winner's change (422 cycle) or raced it (409 hierarchy changed).
    expect([409, 422]).toContain(statuses[1]);
    const [sa, sb] = [(await getStored(a))!, (await getStored(b))!];
    expect(sa.supervisorNip === b && sb.supervisorNip === a).toBe(false);
  });
});

describe('acting assignments: who may appoint whom', () => {
  it('refuses an admin appointing themselves', async () => {
    const res = await stack.call('POST', '/employees/me/acting-assignments', {
      token: t.adminOpd,
      body: { forNip: who.kadis, kind: 'PLT', startDate: '2027-01-01', endDate: '2030-12-31' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/diri sendiri/);
  });

  it('refuses the OPD admin appointing someone of another OPD', async () => {
    const res = await stack.call('POST', `/employees/197401181999031002/acting-assignments`, {
      token: t.adminOpd,
      body: { forNip: who.kasi, kind: 'PLH', startDate: '2027-03-01', endDate: '2027-03-02' },
    });
    expect(res.status).toBe(403);
  });

  it('gives no rights once the assignment has ended', async () => {
    const past = (days: number) => wibDate(new Date(Date.now() - days * 86400_000));
    const res = await stack.call('POST', `/employees/${who.kabid}/acting-assignments`, {
      token: t.bkpsdm,
      body: { forNip: '197701302002122001', kind: 'PLH', startDate: past(10), endDate: past(3) },
    });
    expect(res.status).toBe(201);
    // kabid of another bidang acted for the Capil kabid last week: no rights over Capil staff today.
    expect((await stack.call('GET', '/employees/199208112016032002', { token: t.kabid })).status).toBe(403);
  });
});

describe('pagination cursors are validated', () => {
  it.each([
    [
      'a cursor from another listing',
      async () => (await stack.call('GET', '/employees/me/subordinates?limit=1', { token: t.kasi })).body.nextCursor,
      '/units/DISDUKCAPIL/employees',
    ],
    [
      'a cursor without the index keys',
      async () => Buffer.from(JSON.stringify({ pk: 'ORG#kota-medan#EMP#1', sk: 'PROFILE' })).toString('base64url'),
      '/units/DISDUKCAPIL/employees',
    ],
    [
      'a cursor with a non-string key',
      async () =>
        Buffer.from(JSON.stringify({ pk: `ORG#kota-medan#EMP#${who.staff}`, sk: { x: 1 } })).toString('base64url'),
      '/employees/me/acting-assignments',
    ],
    [
      'a cursor of another partition',
      async () =>
        Buffer.from(JSON.stringify({ pk: `ORG#kota-medan#EMP#${who.kadis}`, sk: 'ACTING#2026-01-01#x' })).toString(
          'base64url',
        ),
      '/employees/me/acting-assignments',
    ],
    ['a cursor that is not base64 JSON', async () => '%%%', '/employees/me/acting-assignments'],
  ])('answers 400 to %s', async (_n, make, path) => {
    const cursor = await make();
    expect(cursor).toBeTruthy();
    const res = await stack.call('GET', `${path}?cursor=${encodeURIComponent(cursor)}`, { token: t.staff });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_cursor');
  });
});

/**
 * The import's dry run (`?dryRun=true`): every row with its outcome and problems, in words, and nothing written —
 * no record, no audit entry; the same file without it still imports all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { AuditRepository } from '../../shared/store/audit.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { tokenFor, who } from '../support/demo.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let adminOpd: string;
let bkpsdm: string;
const scope = () => new OrgScope('kota-medan');
const members = async () =>
  (await new EmployeeRepository(scope()).unitMembers('/DISDUKCAPIL/DUK-PIAK/DUK-SIAK/', 100)).items.map((e) => e.nip);

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  adminOpd = await tokenFor(stack.issuer, who.adminOpd);
  bkpsdm = await tokenFor(stack.issuer, who.bkpsdm);
});
afterAll(() => stack.stop());

const NEW_ONE = '199603142021031012';
const NEW_TWO = '199712012022032011';
// As Excel saves it in an Indonesian locale: a byte order mark, semicolons, CRLF.
const excel = (...rows: string[]) => `\uFEFF${['NIP;Nama;Jabatan;Kode_Unit;NIP_Atasan', ...rows, ''].join('\r\n')}`;

describe('import preview (dryRun)', () => {
  it('lists every row with its outcome and problems and writes nothing', async () => {
    const staff = (await new EmployeeRepository(scope()).get(who.staff))!;
    const file = excel(
      `${NEW_ONE};Ahmad Fauzi;Pranata Komputer;DUK-SIAK;198809092011011001`,
      `199813022023031001;Tanggal Salah;Staf;DUK-SIAK;198809092011011001`, // birth month 13
      `${NEW_TWO};;Staf;DUK-NOPE;198809092011011001`, // no name, unknown unit
      `${who.staff};${staff.name};${staff.position};${staff.unitCode};${staff.supervisorNip}`, // as stored
      `${who.otherStaff};Nama Baru;Staf;DUK-PINDAH;${who.otherKasi}`, // a change
    );
    const before = await members();
    const res = await stack.call('POST', '/employees/import?dryRun=true', { token: adminOpd, body: file });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 5, created: 1, updated: 1, unchanged: 1, invalid: 2 });
    const lines = res.body.lines as {
      line: number;
      nip: string;
      outcome: string;
      problems: { field: string; code: string; message: string }[];
    }[];
    expect(lines.map((l) => [l.line, l.nip, l.outcome])).toEqual([
      [2, NEW_ONE, 'create'],
      [3, '199813022023031001', 'invalid'],
      [4, NEW_TWO, 'invalid'],
      [5, who.staff, 'unchanged'],
      [6, who.otherStaff, 'update'],
    ]);
    expect(lines[1]!.problems.map((p) => p.code)).toEqual(['invalid_nip']);
    expect(lines[2]!.problems.map((p) => [p.field, p.code])).toEqual([['name', 'validation_failed']]);
    // Every problem in words, in the caller's language.
    for (const p of lines.flatMap((l) => l.problems)) expect(p.message.length).toBeGreaterThan(10);

    // Nothing written: no new person, no changed one, no audit entry.
    expect(await members()).toEqual(before);
    expect(await new EmployeeRepository(scope()).get(NEW_ONE)).toBeUndefined();
    expect((await new EmployeeRepository(scope()).get(who.otherStaff))!.name).not.toBe('Nama Baru');
    await new Promise((r) => setTimeout(r, 300));
    expect((await new AuditRepository(scope()).concerning(NEW_ONE)).items).toHaveLength(0);

    // Without the dry run the same file is refused as a whole.
    const real = await stack.call('POST', '/employees/import', { token: adminOpd, body: file });
    expect(real.status).toBe(422);
    expect(real.body.error.code).toBe('import_invalid');
  });

  it('names a second problem of a row found by the rules (an unknown unit once the shape is right)', async () => {
    const res = await stack.call('POST', '/employees/import?dryRun=true', {
      token: adminOpd,
      body: excel(`${NEW_TWO};Siti Rahma;Staf;DUK-NOPE;198809092011011001`),
    });
    expect(res.body.lines[0]).toMatchObject({
      outcome: 'invalid',
      problems: [{ field: 'unitCode', code: 'unit_not_found' }],
    });
  });

  it("marks rows outside an Admin OPD's OPD as refused, in words, instead of answering 403", async () => {
    const file = excel(`199901012024031001;Orang BKPSDM;Analis;BKPSDM;`);
    const res = await stack.call('POST', '/employees/import?dryRun=true', {
      token: adminOpd,
      body: file,
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(200);
    expect(res.body.lines[0]).toMatchObject({
      outcome: 'invalid',
      problems: [{ field: 'unitCode', code: 'forbidden' }],
    });
    expect(res.body.lines[0].problems[0].message).toContain('OPD admin for their own OPD');
    // BKPSDM may: the same row would be created.
    const theirs = await stack.call('POST', '/employees/import?dryRun=true', { token: bkpsdm, body: file });
    expect(theirs.body).toMatchObject({ created: 1, invalid: 0 });
    expect(await new EmployeeRepository(scope()).get('199901012024031001')).toBeUndefined();
  });

  it('a clean preview, then the import writes exactly what it said', async () => {
    const file = excel(`${NEW_ONE};Ahmad Fauzi;Pranata Komputer;DUK-SIAK;198809092011011001`);
    const preview = await stack.call('POST', '/employees/import?dryRun=true', { token: adminOpd, body: file });
    expect(preview.body).toMatchObject({ created: 1, updated: 0, unchanged: 0, invalid: 0 });
    const done = await stack.call('POST', '/employees/import?dryRun=false', { token: adminOpd, body: file });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0 });
    expect(await members()).toContain(NEW_ONE);
  });

  it('still refuses a file that cannot be read, and an unknown dryRun value', async () => {
    const unreadable = await stack.call('POST', '/employees/import?dryRun=true', {
      token: adminOpd,
      body: 'nip,nama\n199901012024031001,X',
    });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.code).toBe('csv_missing_columns');
    const odd = await stack.call('POST', '/employees/import?dryRun=yes', { token: adminOpd, body: excel() });
    expect(odd.status).toBe(400);
    expect(odd.body.error.details[0].field).toBe('query.dryRun');
  });
});

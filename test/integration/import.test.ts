/** Bulk CSV import: all or nothing with a per-row report; the same file twice changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { AuditRepository } from '../../shared/store/audit.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { tokenFor, who } from '../support/demo.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let admin: string;
const scope = () => new OrgScope('kota-medan');
const unitCount = async (code: string) =>
  (await new EmployeeRepository(scope()).unitMembers(`/DISDUKCAPIL/DUK-PIAK/${code}/`, 100)).items.length;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  admin = await tokenFor(stack.issuer, who.adminOpd);
});
afterAll(() => stack.stop());

// A Kasi and two staff below them, the Kasi defined after the staff: order in the file must not matter.
const goodFile = [
  'NIP,Nama,Jabatan,Kode_Unit,NIP_Atasan,Jenis',
  '199603142021031002,Ahmad Fauzi,Pranata Komputer,DUK-SIAK,198409102009031003,PNS',
  '"199712012022032001","Siti Rahma, S.Kom",Pranata Komputer,duk-siak,198409102009031003,',
  '198409102009031003,Irwansyah Putra,Analis Sistem,DUK-SIAK,198809092011011001,PNS',
  '',
].join('\r\n');

describe('employee import', () => {
  it('imports a valid file, then importing it again changes nothing', async () => {
    const before = await unitCount('DUK-SIAK');
    const first = await stack.call('POST', '/employees/import', { token: admin, body: goodFile });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(await unitCount('DUK-SIAK')).toBe(before + 3);
    const fauzi = await new EmployeeRepository(scope()).get('199603142021031002');
    expect(fauzi).toMatchObject({
      supervisorNip: '198409102009031003',
      unitPath: '/DISDUKCAPIL/DUK-PIAK/DUK-SIAK/',
      version: 1,
    });

    const audit = new AuditRepository(scope());
    await eventually(async () => (await audit.concerning('199603142021031002')).items.length === 1);

    const second = await stack.call('POST', '/employees/import', { token: admin, body: goodFile });
    expect(second.body).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect((await new EmployeeRepository(scope()).get('199603142021031002'))!.version).toBe(1);
    // Give the stream time to deliver anything a re-import might have written; there must be nothing.
    await new Promise((r) => setTimeout(r, 500));
    expect((await audit.concerning('199603142021031002')).items).toHaveLength(1);
  });

  it('updates only the rows that changed', async () => {
    const changed = goodFile.replace('Ahmad Fauzi,Pranata Komputer', 'Ahmad Fauzi,Pranata Komputer Ahli Muda');
    const res = await stack.call('POST', '/employees/import', { token: admin, body: changed });
    expect(res.body).toEqual({ rows: 3, created: 0, updated: 1, unchanged: 2 });
    expect((await new EmployeeRepository(scope()).get('199603142021031002'))!).toMatchObject({
      position: 'Pranata Komputer Ahli Muda',
      version: 2,
    });
  });

  it('imports a file of more than one transaction (150 people, chained supervisors listed last) and re-imports it as unchanged', async () => {
    // 15 chains of 10: each person reports to the previous one in their chain. The file lists them bottom-up,
    // so supervisors come after their subordinates and the writes must reorder them.
    const nips = Array.from(
      { length: 150 },
      (_, i) =>
        `1991${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}2015031${String(i + 1).padStart(3, '0')}`,
    );
    const lines = nips
      .map((nip, i) => `${nip},Pegawai ${i},Staf,DUK-PINDAH,${i % 10 === 0 ? '198311052008012004' : nips[i - 1]}`)
      .reverse();
    const file = ['nip,nama,jabatan,kode_unit,nip_atasan', ...lines].join('\n');
    const first = await stack.call('POST', '/employees/import', { token: admin, body: file });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ rows: 150, created: 150, updated: 0, unchanged: 0 });
    const last = await new EmployeeRepository(scope()).get(nips[149]!);
    expect(last!.supervisorNip).toBe(nips[148]);
    const again = await stack.call('POST', '/employees/import', { token: admin, body: file });
    expect(again.body).toEqual({ rows: 150, created: 0, updated: 0, unchanged: 150 });
  });

  it('rejects the whole file when any row is wrong, reporting every problem by line, and writes nothing', async () => {
    const bad = [
      'nip,nama,jabatan,kode_unit,nip_atasan',
      '199802022023031001,Baris Baik,Staf,DUK-SIAK,198809092011011001', // fine on its own
      '199813022023031001,Tanggal Salah,Staf,DUK-SIAK,198809092011011001', // birth month 13
      '199802022023031002,,Staf,DUK-SIAK,198809092011011001', // no name
      '199802022023031003,Unit Salah,Staf,DUK-NOPE,198809092011011001', // unknown unit
      '199802022023031004,Atasan Hilang,Staf,DUK-SIAK,199912312024011999', // unknown supervisor
      '199802022023031001,Ganda,Staf,DUK-SIAK,198809092011011001', // duplicate NIP
    ].join('\n');
    const before = await unitCount('DUK-SIAK');
    const res = await stack.call('POST', '/employees/import', { token: admin, body: bad });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import_invalid');
    const byLine = res.body.error.details.map((d: { line: number; code: string }) => [d.line, d.code]);
    expect(byLine).toEqual([
      [3, 'invalid_nip'],
      [4, 'validation_failed'],
      [5, 'unit_not_found'],
      [6, 'supervisor_not_found'],
      [7, 'duplicate_nip'],
    ]);
    expect(res.body.error.message).toContain('5 baris');
    expect(await unitCount('DUK-SIAK')).toBe(before);
    expect(await new EmployeeRepository(scope()).get('199802022023031001')).toBeUndefined();
  });

  it('rejects a file whose rows would make a supervisor cycle', async () => {
    const cycle = [
      'nip,nama,jabatan,kode_unit,nip_atasan',
      `${who.kadis},Kadis,Kepala Dinas,DISDUKCAPIL,${who.staff}`,
    ].join('\n');
    const res = await stack.call('POST', '/employees/import', {
      token: await tokenFor(stack.issuer, who.bkpsdm),
      body: cycle,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].code).toBe('hierarchy_cycle');
  });

  it("refuses rows outside the OPD admin's OPD with 403 listing them", async () => {
    const file = ['nip,nama,jabatan,kode_unit,nip_atasan', '199901012024031001,Orang BKPSDM,Analis,BKPSDM,'].join('\n');
    const res = await stack.call('POST', '/employees/import', { token: admin, body: file });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toEqual([{ line: 2, nip: '199901012024031001', unitCode: 'BKPSDM' }]);
  });

  it('reads the same people from the file Excel saves in an Indonesian locale (BOM, semicolons, CRLF)', async () => {
    // The state after the previous test, as Excel in an Indonesian locale writes it: nothing to change.
    const excel = `\uFEFF${[
      'NIP;Nama;Jabatan;Kode_Unit;NIP_Atasan;Jenis',
      '199603142021031002;Ahmad Fauzi;Pranata Komputer Ahli Muda;DUK-SIAK;198409102009031003;PNS',
      '199712012022032001;Siti Rahma, S.Kom;Pranata Komputer;DUK-SIAK;198409102009031003;',
      '198409102009031003;Irwansyah Putra;Analis Sistem;DUK-SIAK;198809092011011001;PNS',
      '',
    ].join('\r\n')}`;
    const res = await stack.call('POST', '/employees/import', { token: admin, body: excel });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    // A line saved with commas under a semicolon header: refused, naming the line and both separators.
    const mixed = excel.replace(
      '199712012022032001;Siti Rahma, S.Kom;Pranata Komputer;DUK-SIAK;198409102009031003;',
      '199712012022032001,Siti Rahma,Pranata Komputer,DUK-SIAK,198409102009031003,',
    );
    const refused = await stack.call('POST', '/employees/import', { token: admin, body: mixed });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('csv_row_delimiter');
    expect(refused.body.error.message).toBe(
      'Baris 3 memakai pemisah ",", sedangkan baris judul memakai ";". Simpan ulang berkas agar semua baris memakai pemisah yang sama.',
    );
  });

  it.each([
    ['a header without required columns', 'nip,nama\n199901012024031001,X', 'csv_missing_columns'],
    ['an empty file', '', 'csv_empty'],
    ['an unterminated quote', 'nip,nama,jabatan,kode_unit\n"199901012024031001,X,Y,Z', 'csv_unreadable'],
  ])('refuses %s with a clear 422', async (_n, body, code) => {
    const res = await stack.call('POST', '/employees/import', { token: admin, body });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
  });

  it('refuses a JSON body on the CSV endpoint with 415', async () => {
    const res = await stack.call('POST', '/employees/import', { token: admin, body: { rows: [] } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('keeps stored values for optional columns the file does not have', async () => {
    const before = (await new EmployeeRepository(scope()).get(who.staff))!;
    const file = [
      'nip,nama,jabatan,kode_unit',
      `${who.staff},${before.name},${before.position},${before.unitCode}`,
    ].join('\n');
    const res = await stack.call('POST', '/employees/import', { token: admin, body: file });
    expect(res.body).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 1 });
    expect((await new EmployeeRepository(scope()).get(who.staff))!.supervisorNip).toBe(before.supervisorNip);
  });

  it('answers oversized cells with a 422 per row, not a server error', async () => {
    const file = [
      'nip,nama,jabatan,kode_unit,nip_atasan',
      `${'9'.repeat(3000)},Nama,Staf,DUK-SIAK,`,
      `199802022023031009,${'x'.repeat(5000)},Staf,DUK-SIAK,${'1'.repeat(3000)}`,
    ].join('\n');
    const res = await stack.call('POST', '/employees/import', { token: admin, body: file });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { line: number; field: string }) => [d.line, d.field])).toEqual([
      [2, 'nip'],
      [3, 'name'],
      [3, 'supervisorNip'],
    ]);
  });

  it("refuses moving someone out of another OPD into the admin's OPD", async () => {
    const file = [
      'nip,nama,jabatan,kode_unit,nip_atasan',
      `198705122010012002,Melati Kusuma Dewi,Analis,DUK-SIAK,198809092011011001`,
    ].join('\n');
    const res = await stack.call('POST', '/employees/import', { token: admin, body: file });
    expect(res.status).toBe(403);
    expect((await new EmployeeRepository(scope()).get('198705122010012002'))!.unitCode).toBe('BKPSDM');
  });
});

import { describe, expect, it } from 'vitest';
import {
  completeRow,
  detectDelimiter,
  type ImportCandidate,
  type ImportRow,
  importProblems,
  parseImport,
} from '../../shared/domain/employee-import.ts';
import { supervisorsFirst } from '../../shared/domain/employee-records.ts';
import { render } from '../../shared/messages/catalogue.ts';

const A = '199003152015031001';
const B = '198512302010122002';
const C = '197001011995031003';
const D = '199505102019032004';
const STORED_HEAD = '197505052000032005';
const STORED_STAFF = '198001012005011006';
const STRANGER = '196501011990031007';
const PPPK = '199505102021211008';

const HEADER_ID = 'nip,nama,jabatan,kode_unit,nip_atasan';
const HEADER_EN = 'nip,name,position,unit_code,supervisor_nip';

/** A row as parsed from a file (optional columns as the file gives them). */
const read = (over: Partial<ImportRow> = {}): ImportRow => ({
  nip: A,
  name: 'Budi Siregar',
  position: 'Pengadministrasi Umum',
  unitCode: 'PELAYANAN',
  supervisorNip: null,
  ...over,
});

/** A row completed with stored data, as the rules see it. */
const row = (over: Partial<ImportCandidate> = {}): ImportCandidate => ({
  nip: A,
  name: 'Budi Siregar',
  position: 'Pengadministrasi Umum',
  unitCode: 'PELAYANAN',
  supervisorNip: null,
  employmentType: 'PNS',
  ...over,
});

// ---- parseImport ----------------------------------------------------------------------------------------

const parsed: [label: string, csv: string, rows: ImportRow[]][] = [
  [
    'Indonesian headers',
    `${HEADER_ID}\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,${B}\n`,
    [read({ supervisorNip: B })],
  ],
  [
    'English headers',
    `${HEADER_EN}\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,${B}`,
    [read({ supervisorNip: B })],
  ],
  [
    'headers in any case and with spaces (HR export style)',
    `NIP,Nama,Jabatan,Kode Unit,NIP Atasan\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,${B}`,
    [read({ supervisorNip: B })],
  ],
  [
    'a UTF-8 byte order mark before the header',
    `\uFEFF${HEADER_ID}\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,`,
    [read()],
  ],
  [
    'CRLF line endings',
    `${HEADER_ID}\r\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,${B}\r\n${B},Sri Lubis,Kepala Seksi,PELAYANAN,\r\n`,
    [read({ supervisorNip: B }), read({ nip: B, name: 'Sri Lubis', position: 'Kepala Seksi' })],
  ],
  [
    'quoted fields with commas and doubled quotes',
    `${HEADER_ID}\n${A},"Siregar, S.Kom","Kepala Seksi ""KTP"", Pelayanan",PELAYANAN,`,
    [read({ name: 'Siregar, S.Kom', position: 'Kepala Seksi "KTP", Pelayanan' })],
  ],
  ['unit codes are upper-cased', `${HEADER_ID}\n${A},Budi Siregar,Pengadministrasi Umum,pelayanan,`, [read()]],
  [
    'blank and whitespace-only nip_atasan become null',
    `${HEADER_ID}\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,\n${B},Sri Lubis,Kepala Seksi,PELAYANAN,   `,
    [read(), read({ nip: B, name: 'Sri Lubis', position: 'Kepala Seksi' })],
  ],
  [
    'a row without the optional nip_atasan cell',
    `${HEADER_ID}\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN`,
    [read()],
  ],
  [
    'jenis PPPK (any case); a blank jenis is left out (stored type kept, PNS for new people)',
    `${HEADER_ID},jenis\n${PPPK},Rina,Operator,PELAYANAN,,pppk\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,,`,
    [read({ nip: PPPK, name: 'Rina', position: 'Operator', employmentType: 'PPPK' }), read()],
  ],
  [
    'email kept when given, left out when blank',
    `${HEADER_EN},email\n${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,,budi@medan.go.id\n${B},Sri Lubis,Kepala Seksi,PELAYANAN,,`,
    [read({ email: 'budi@medan.go.id' }), read({ nip: B, name: 'Sri Lubis', position: 'Kepala Seksi' })],
  ],
  [
    'unknown columns are ignored',
    `no_urut,${HEADER_ID},golongan\n1,${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,,III/a`,
    [read()],
  ],
  ['a header and no rows', `${HEADER_ID}\n`, []],
  [
    'semicolons, as Excel saves CSV in an Indonesian locale, with commas inside names',
    `nip;nama;jabatan;kode_unit;nip_atasan\r\n${A};Budi Siregar, S.Sos;Pengadministrasi Umum;PELAYANAN;${B}\r\n`,
    [read({ name: 'Budi Siregar, S.Sos', supervisorNip: B })],
  ],
  [
    'semicolons with a byte order mark and a quoted cell holding a semicolon',
    `\uFEFFNIP;Nama;Jabatan;Kode Unit\r\n${A};"Budi; Siregar";Staf;PELAYANAN\r\n`,
    [{ nip: A, name: 'Budi; Siregar', position: 'Staf', unitCode: 'PELAYANAN' }],
  ],
  [
    'tabs, as pasted from a sheet',
    `nip\tnama\tjabatan\tkode_unit\n${A}\tBudi Siregar\tPengadministrasi Umum\tPELAYANAN`,
    [{ nip: A, name: 'Budi Siregar', position: 'Pengadministrasi Umum', unitCode: 'PELAYANAN' }],
  ],
];

const fileProblems: [label: string, csv: string, code: string, detail?: string][] = [
  ['empty file', '', 'csv_empty'],
  ['only a byte order mark', '\uFEFF', 'csv_empty'],
  ['only blank lines', '\n\r\n\n', 'csv_empty'],
  ['no unit column', `nip,nama,jabatan\n${A},Budi,Staf`, 'csv_missing_columns', 'unitCode'],
  ['no nip column', 'nama,jabatan,kode_unit\nBudi,Staf,PELAYANAN', 'csv_missing_columns', 'nip'],
  ['no name and no position', `nip,kode_unit\n${A},PELAYANAN`, 'csv_missing_columns', 'name, position'],
  ['data without a header row', `${A},Budi Siregar,Pengadministrasi Umum,PELAYANAN,`, 'csv_no_header', A],
  ['data without a header row, semicolons', `${A};Budi Siregar;Staf;PELAYANAN`, 'csv_no_header', A],
  ['columns separated by a pipe', `nip|nama|jabatan|kode_unit\n${A}|Budi|Staf|PELAYANAN`, 'csv_wrong_delimiter'],
  [
    'a row saved with commas under a semicolon header',
    `nip;nama;jabatan;kode_unit\n${A};Budi;Staf;PELAYANAN\n${B},Sri,Staf,PELAYANAN`,
    'csv_row_delimiter',
    'line 3',
  ],
  ['an unclosed quote', `${HEADER_ID}\n${A},"Budi,Staf,PELAYANAN,`, 'csv_unreadable', 'CSV_QUOTE_NOT_CLOSED'],
  ['a quote inside a cell', `${HEADER_ID}\n${A},Bu"di,Staf,PELAYANAN,`, 'csv_unreadable', 'INVALID_OPENING_QUOTE'],
];

/** Each refusal in the sentence the person reads: what is wrong and where. */
const refusalMessages: [label: string, csv: string, message: string][] = [
  [
    'a quote inside a cell names its line and column',
    `${HEADER_ID}\n${A},Budi,Sta"f,PELAYANAN,`,
    'Berkas CSV tidak bisa dibaca di baris 2, kolom 3: ada tanda kutip (") di tengah isi sel; apit seluruh isi sel dengan kutip dan gandakan kutip di dalamnya (""), atau hapus kutipnya. Belum ada yang tersimpan.',
  ],
  [
    'a row with another separator names the line and both separators',
    `nip;nama;jabatan;kode_unit\n${A};Budi;Staf;PELAYANAN\n${B},Sri,Staf,PELAYANAN`,
    'Baris 3 memakai pemisah ",", sedangkan baris judul memakai ";". Simpan ulang berkas agar semua baris memakai pemisah yang sama.',
  ],
  [
    'a missing header names the NIP found instead',
    `${A};Budi Siregar;Staf;PELAYANAN`,
    `Baris pertama berkas berisi data (NIP ${A}), bukan judul kolom. Tambahkan baris judul di atasnya, mis. nip;nama;jabatan;kode_unit;nip_atasan.`,
  ],
  [
    'missing columns are named as the header spells them',
    `nip;nama\n${A};Budi`,
    'Kolom wajib tidak ada di baris judul: jabatan/position, kode_unit/unit_code. Kolom yang diterima: nip, nama, jabatan, kode_unit, nip_atasan (opsional: jenis, email).',
  ],
];

describe('parseImport says what is wrong with a file, and where', () => {
  it.each(refusalMessages)('%s', (_label, csv, message) => {
    const result = parseImport(csv);
    if (result.ok) throw new Error('expected a refusal');
    expect(render(result.fileProblem.code, 'id', result.fileProblem.params)).toBe(message);
    expect(render(result.fileProblem.code, 'en', result.fileProblem.params)).not.toMatch(/\{\w+\}/);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['commas', 'nip,nama,jabatan,kode_unit', ','],
    ['semicolons', 'nip;nama;jabatan;kode_unit', ';'],
    ['semicolons, a comma inside a header', 'nip;nama, gelar;jabatan;kode_unit', ';'],
    ['tabs', 'nip\tnama\tjabatan\tkode_unit', '\t'],
    ['one column', 'nip', ','],
  ])('%s', (_label, header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });
});

describe('parseImport reads HR exports', () => {
  it.each(parsed)('%s', (_label, csv, rows) => {
    // Rows also carry the line they start on (checked below); compare the fields.
    expect(parseImport(csv)).toMatchObject({ ok: true, rows });
  });
});

describe('optional columns the file does not have keep what is stored', () => {
  const storedPerson = { supervisorNip: B, employmentType: 'PPPK' as const, email: 'lama@medan.go.id' };
  it('leaves supervisor, type and email undefined when their columns are absent', () => {
    const result = parseImport(`nip,nama,jabatan,kode_unit\n${A},Budi,Staf,PELAYANAN`);
    if (!result.ok) throw new Error('parse failed');
    expect(result.rows[0]).not.toHaveProperty('supervisorNip');
    expect(result.rows[0]).not.toHaveProperty('employmentType');
    expect(completeRow(result.rows[0]!, storedPerson)).toMatchObject(storedPerson);
    expect(completeRow(result.rows[0]!, undefined)).toMatchObject({ supervisorNip: null, employmentType: 'PNS' });
  });

  it('clears the supervisor when the column is there and the cell blank', () => {
    const result = parseImport(`${HEADER_ID}\n${A},Budi,Staf,PELAYANAN,`);
    if (!result.ok) throw new Error('parse failed');
    expect(completeRow(result.rows[0]!, storedPerson).supervisorNip).toBeNull();
  });
});

describe('parseImport refuses unusable files', () => {
  it.each(fileProblems)('%s', (_label, csv, code, detail) => {
    const result = parseImport(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fileProblem.code).toBe(code);
    if (detail !== undefined) expect(result.fileProblem.detail).toBe(detail);
  });
});

// ---- importProblems -------------------------------------------------------------------------------------

const units: Record<string, string> = { DISDUKCAPIL: '/DISDUKCAPIL/', PELAYANAN: '/DISDUKCAPIL/PELAYANAN/' };
const unitPath = (code: string) => units[code];
// Already registered: STORED_HEAD at the top, STORED_STAFF under STORED_HEAD.
const storedSupervisors: Record<string, string | null> = { [STORED_HEAD]: null, [STORED_STAFF]: STORED_HEAD };
const stored = (nip: string) => (nip in storedSupervisors ? storedSupervisors[nip] : undefined);

type Found = { line: number; nip: string; field: string; code: string };

const problemCases: [label: string, rows: ImportCandidate[], expected: Found[]][] = [
  ['a clean file', [row({ nip: A, supervisorNip: STORED_HEAD }), row({ nip: B, supervisorNip: A })], []],
  [
    'a supervisor defined later in the same file',
    [row({ nip: A, supervisorNip: B }), row({ nip: B, supervisorNip: C }), row({ nip: C })],
    [],
  ],
  ['a supervisor already stored', [row({ nip: A, supervisorNip: STORED_STAFF })], []],
  [
    'a duplicate NIP is reported on its second line',
    [row({ nip: A }), row({ nip: B }), row({ nip: A, name: 'Someone Else' })],
    [{ line: 4, nip: A, field: 'nip', code: 'duplicate_nip' }],
  ],
  [
    'a supervisor neither in the file nor stored',
    [row({ nip: A }), row({ nip: B, supervisorNip: STRANGER })],
    [{ line: 3, nip: B, field: 'supervisorNip', code: 'supervisor_not_found' }],
  ],
  [
    'a cycle inside the file (A under B, B under A)',
    [row({ nip: A, supervisorNip: B }), row({ nip: B, supervisorNip: A })],
    [
      { line: 2, nip: A, field: 'supervisorNip', code: 'hierarchy_cycle' },
      { line: 3, nip: B, field: 'supervisorNip', code: 'hierarchy_cycle' },
    ],
  ],
  [
    'a three-person cycle inside the file',
    [
      row({ nip: D }),
      row({ nip: A, supervisorNip: B }),
      row({ nip: B, supervisorNip: C }),
      row({ nip: C, supervisorNip: A }),
    ],
    [
      { line: 3, nip: A, field: 'supervisorNip', code: 'hierarchy_cycle' },
      { line: 4, nip: B, field: 'supervisorNip', code: 'hierarchy_cycle' },
      { line: 5, nip: C, field: 'supervisorNip', code: 'hierarchy_cycle' },
    ],
  ],
  [
    'a cycle through a stored person: the file puts the stored head under their own stored staff',
    [row({ nip: STORED_HEAD, supervisorNip: STORED_STAFF })],
    [{ line: 2, nip: STORED_HEAD, field: 'supervisorNip', code: 'hierarchy_cycle' }],
  ],
  [
    'the file moves the stored head, so the stored staff under them may become their supervisor',
    [row({ nip: STORED_STAFF, supervisorNip: null }), row({ nip: STORED_HEAD, supervisorNip: STORED_STAFF })],
    [],
  ],
  [
    'own supervisor',
    [row({ nip: A, supervisorNip: A })],
    [{ line: 2, nip: A, field: 'supervisorNip', code: 'self_supervisor' }],
  ],
  [
    'unknown unit and invalid NIP on separate lines',
    [row({ nip: A }), row({ nip: B, unitCode: 'NOPE' }), row({ nip: '1990031520150310' })],
    [
      { line: 3, nip: B, field: 'unitCode', code: 'unit_not_found' },
      { line: 4, nip: '1990031520150310', field: 'nip', code: 'invalid_nip' },
    ],
  ],
  [
    'a PPPK number checked by the PPPK rules',
    [row({ nip: PPPK, employmentType: 'PPPK' }), row({ nip: B, employmentType: 'PPPK' })],
    [{ line: 3, nip: B, field: 'nip', code: 'invalid_nip' }],
  ],
  [
    'problems come back ordered by line',
    [row({ nip: A, supervisorNip: STRANGER }), row({ nip: B, unitCode: 'NOPE' }), row({ nip: A })],
    [
      { line: 2, nip: A, field: 'supervisorNip', code: 'supervisor_not_found' },
      { line: 3, nip: B, field: 'unitCode', code: 'unit_not_found' },
      { line: 4, nip: A, field: 'nip', code: 'duplicate_nip' },
    ],
  ],
];

/** Whole files and the line of each problem, counted in the file as the user sees it (header = line 1). */
const fileLines: [label: string, csv: string, lines: number[]][] = [
  ['one bad row right after the header', `${HEADER_ID}\n${A},Budi,Staf,NOPE,`, [2]],
  [
    'the third data row',
    `${HEADER_ID}\n${A},Budi,Staf,PELAYANAN,\n${B},Sri,Staf,PELAYANAN,\n${C},Cici,Staf,NOPE,`,
    [4],
  ],
  [
    'CRLF and a BOM do not shift lines',
    `\uFEFF${HEADER_ID}\r\n${A},Budi,Staf,PELAYANAN,\r\n${B},Sri,Staf,NOPE,\r\n`,
    [3],
  ],
  // A blank line (common when someone deletes a row in a spreadsheet and exports) is still a line of the file.
  ['a blank line between the header and the bad row', `${HEADER_ID}\n\n${A},Budi,Staf,NOPE,`, [3]],
  [
    'a quoted value spanning two lines before the bad row',
    `${HEADER_ID}\n${A},Budi,"Kepala Seksi\nKTP",PELAYANAN,\n${B},Sri,Staf,NOPE,`,
    [4],
  ],
];

describe('importProblems', () => {
  it.each(problemCases)('%s', (_label, rows, expected) => {
    const found = importProblems(rows, unitPath, stored).map(({ line, nip, field, code }) => ({
      line,
      nip,
      field,
      code,
    }));
    expect(found).toEqual(expected);
  });
});

describe('line numbers point at the line in the uploaded file (header = line 1)', () => {
  const lines = (csv: string) => {
    const result = parseImport(csv);
    if (!result.ok) throw new Error(result.fileProblem.code);
    return importProblems(
      result.rows.map((r) => completeRow(r, undefined) as ImportCandidate),
      unitPath,
      stored,
    ).map((p) => p.line);
  };

  it.each(fileLines)('%s', (_label, csv, expected) => {
    expect(lines(csv)).toEqual(expected);
  });
});

// ---- supervisorsFirst -----------------------------------------------------------------------------------

describe('supervisorsFirst orders people so each comes after their supervisor', () => {
  const p = (nip: string, supervisorNip: string | null = null) => ({ nip, supervisorNip });
  it.each([
    ['already ordered', [p('a'), p('b', 'a'), p('c', 'b')], ['a', 'b', 'c']],
    ['reversed chain', [p('c', 'b'), p('b', 'a'), p('a')], ['a', 'b', 'c']],
    ['supervisor outside the list counts as stored', [p('b', 'x'), p('a')], ['b', 'a']],
    ['siblings keep file order', [p('s2', 'h'), p('s1', 'h'), p('h')], ['h', 's2', 's1']],
    ['two trees interleaved', [p('b1', 'b'), p('a1', 'a'), p('b'), p('a')], ['b', 'a', 'b1', 'a1']],
  ])('%s', (_n, people, expected) => {
    const ordered = supervisorsFirst(people).map((x) => x.nip);
    expect(ordered).toEqual(expected);
    for (const person of people) {
      if (person.supervisorNip && ordered.includes(person.supervisorNip)) {
        expect(ordered.indexOf(person.supervisorNip)).toBeLessThan(ordered.indexOf(person.nip));
      }
    }
  });
});

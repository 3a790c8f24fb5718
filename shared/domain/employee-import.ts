/**
 * CSV import of employees, in the shape an HR export has: comma-, semicolon- (Excel in an Indonesian locale) or
 * tab-separated, with or without a byte order mark. Pure: parsing, header mapping and per-row checks; the handler
 * supplies what is already stored and writes the result. A file it cannot use is refused with what is wrong and
 * where (line, column, separator, header).
 */
import { parse } from 'csv-parse/sync';
import type { MessageCode } from '../messages/catalogue.ts';
import { employeeProblems, type Lookups } from './employee-rules.ts';
import type { EmploymentType } from './nip.ts';

export const MAX_IMPORT_ROWS = 2000;

/** Accepted header names (Indonesian HR exports and English), mapped to our fields. */
const headerAliases: Record<string, keyof ImportRow> = {
  nip: 'nip',
  nama: 'name',
  name: 'name',
  jabatan: 'position',
  position: 'position',
  kode_unit: 'unitCode',
  unit_code: 'unitCode',
  unit: 'unitCode',
  nip_atasan: 'supervisorNip',
  supervisor_nip: 'supervisorNip',
  jenis: 'employmentType',
  jenis_pegawai: 'employmentType',
  employment_type: 'employmentType',
  email: 'email',
};

const requiredColumns: (keyof ImportRow)[] = ['nip', 'name', 'position', 'unitCode'];
/** How a message names a required column: the Indonesian header, then the English one. */
const headerNames: Partial<Record<keyof ImportRow, string>> = {
  nip: 'nip',
  name: 'nama/name',
  position: 'jabatan/position',
  unitCode: 'kode_unit/unit_code',
};

/**
 * A row as read from the file. An optional column the file does not have is `undefined` (keep what is stored);
 * a blank `nip_atasan` cell is `null` (no supervisor).
 */
export interface ImportRow {
  /** Where the row starts in the file (header = line 1), for the error report. */
  line?: number;
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  supervisorNip?: string | null;
  employmentType?: string;
  email?: string;
}

/** A row completed with what is stored, ready for the rules: every field known. */
export interface ImportCandidate {
  line?: number;
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  supervisorNip: string | null;
  employmentType: EmploymentType;
  email?: string;
}

export interface RowProblem {
  /** Line number in the file, counting the header as line 1. */
  line: number;
  nip: string;
  field: string;
  code: MessageCode;
  params: Record<string, unknown>;
  /** Set when the text comes from schema validation rather than from a message code. */
  message?: string;
}

export type ParsedImport =
  | { ok: true; rows: ImportRow[]; delimiter: Delimiter }
  | {
      ok: false;
      /** `params` fill the code's message; `detail` is the gist, for logs and tests. */
      fileProblem: { code: FileProblemCode; detail: string; params: Record<string, unknown> };
    };

export type FileProblemCode =
  | 'csv_empty'
  | 'csv_unreadable'
  | 'csv_missing_columns'
  | 'csv_no_header'
  | 'csv_wrong_delimiter'
  | 'csv_row_delimiter';

/**
 * The separators a spreadsheet writes: a comma, a semicolon (Excel where the decimal mark is a comma, as in an
 * Indonesian locale) or a tab (copied from a sheet).
 */
const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
const delimiterName = (d: string) => (d === '\t' ? 'tab' : d);

const columnOf = (header: string) =>
  headerAliases[
    header
      .trim()
      .replace(/^"|"$/g, '')
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
  ];

/**
 * The separator of a file, read from its header line: the one that splits it into the most known column names,
 * and among equals the one it holds most of (a comma inside "Nama, gelar" does not outvote the semicolons).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const score = (d: Delimiter) => {
    const cells = headerLine.split(d);
    return cells.filter((c) => columnOf(c) !== undefined).length * 1000 + cells.length;
  };
  return DELIMITERS.reduce((best, d) => (score(d) > score(best) ? d : best));
}

/** What went wrong where csv-parse stopped, in words a person can act on. */
function unreadable(err: unknown): ParsedImport {
  const e = err as { code?: string; lines?: number; index?: number; message?: string };
  const reasons: Record<string, { id: string; en: string }> = {
    CSV_QUOTE_NOT_CLOSED: {
      id: 'tanda kutip (") yang dibuka tidak pernah ditutup; tutup atau hapus kutip itu',
      en: 'a quote (") opened there is never closed; close it or remove it',
    },
    INVALID_OPENING_QUOTE: {
      id: 'ada tanda kutip (") di tengah isi sel; apit seluruh isi sel dengan kutip dan gandakan kutip di dalamnya (""), atau hapus kutipnya',
      en: 'a quote (") stands inside a cell; wrap the whole cell in quotes and double the quotes inside (""), or remove it',
    },
    CSV_INVALID_CLOSING_QUOTE: {
      id: 'sesudah kutip penutup (") ada teks lain sebelum pemisah; pindahkan teks itu ke dalam kutip',
      en: 'text follows a closing quote (") before the separator; move that text inside the quotes',
    },
  };
  const reason = reasons[e.code ?? ''] ?? {
    id: `isi baris ini tidak bisa diurai (${e.message ?? 'tidak diketahui'})`,
    en: `this line cannot be parsed (${e.message ?? 'unknown'})`,
  };
  const line = e.lines ?? 1;
  const column = (e.index ?? 0) + 1;
  return {
    ok: false,
    fileProblem: { code: 'csv_unreadable', detail: e.code ?? 'unknown', params: { line, column, reason } },
  };
}

export function parseImport(csv: string): ParsedImport {
  const text = csv.replace(/^\uFEFF/, '');
  const headerLine = text.split(/\r?\n/).find((l) => l.trim() !== '');
  if (headerLine === undefined)
    return { ok: false, fileProblem: { code: 'csv_empty', detail: 'no header row', params: {} } };
  const delimiter = detectDelimiter(headerLine);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (err) {
    return unreadable(err);
  }
  // csv-parse reports the line a record ends on; a quoted value may span lines, so count back to its start.
  const startLine = (r: (typeof parsed)[number]) => r.info.lines - r.record.join('').split('\n').length + 1;
  const header = parsed[0]?.record;
  const body = parsed.slice(1);
  if (!header) return { ok: false, fileProblem: { code: 'csv_empty', detail: 'no header row', params: {} } };
  const columns = header.map(columnOf);
  if (columns.every((c) => c === undefined)) {
    // Nothing in the first line names a column: say what it is instead.
    if (/^\d{18}$/.test(header[0] ?? ''))
      return { ok: false, fileProblem: { code: 'csv_no_header', detail: header[0]!, params: { nip: header[0] } } };
    if (/\bnip\b/i.test(headerLine) && header.length === 1)
      return {
        ok: false,
        fileProblem: { code: 'csv_wrong_delimiter', detail: headerLine, params: { header: headerLine.slice(0, 60) } },
      };
  }
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      fileProblem: {
        code: 'csv_missing_columns',
        detail: missing.join(', '),
        params: { detail: missing.map((c) => headerNames[c]).join(', ') },
      },
    };
  // A row of one cell holding another separator was saved with a different one than the header.
  const mixed = body.find(
    (r) => r.record.length === 1 && DELIMITERS.some((d) => d !== delimiter && r.record[0]!.includes(d)),
  );
  if (mixed) {
    const found = DELIMITERS.find((d) => d !== delimiter && mixed.record[0]!.includes(d))!;
    const line = startLine(mixed);
    return {
      ok: false,
      fileProblem: {
        code: 'csv_row_delimiter',
        detail: `line ${line}`,
        params: { line, found: delimiterName(found), expected: delimiterName(delimiter) },
      },
    };
  }
  const has = (c: keyof ImportRow) => columns.includes(c);
  const rows = body.map((entry) => {
    const row: Record<string, string> = {};
    columns.forEach((col, i) => {
      if (col) row[col] = entry.record[i] ?? '';
    });
    return {
      line: startLine(entry),
      nip: row.nip ?? '',
      name: row.name ?? '',
      position: row.position ?? '',
      unitCode: (row.unitCode ?? '').toUpperCase(),
      ...(has('supervisorNip') ? { supervisorNip: row.supervisorNip ? row.supervisorNip : null } : {}),
      ...(row.employmentType ? { employmentType: row.employmentType.toUpperCase() } : {}),
      ...(row.email ? { email: row.email } : {}),
    };
  });
  return { ok: true, rows, delimiter };
}

/** Fills what the file leaves out from the stored record (or the defaults for a new person). */
export function completeRow(
  row: ImportRow,
  stored: { supervisorNip?: string | null; employmentType: EmploymentType; email?: string } | undefined,
): Omit<ImportCandidate, 'employmentType'> & { employmentType: string } {
  return {
    ...row,
    supervisorNip: row.supervisorNip !== undefined ? row.supervisorNip : (stored?.supervisorNip ?? null),
    employmentType: row.employmentType ?? stored?.employmentType ?? 'PNS',
    ...(row.email !== undefined || stored?.email !== undefined ? { email: row.email ?? stored?.email } : {}),
  };
}

/**
 * The rules across rows: duplicates, and every employee rule (NIP, unit, supervisor, cycles). `stored` gives the
 * supervisor of people already registered (undefined if unknown); people in the file count with the supervisor
 * the file gives them. Field shapes are checked before, by the same schemas the API uses.
 */
export function importProblems(
  rows: ImportCandidate[],
  unitPath: (code: string) => string | undefined,
  stored: (nip: string) => string | null | undefined,
): RowProblem[] {
  const inFile = new Map<string, ImportCandidate>();
  const problems: RowProblem[] = [];
  rows.forEach((row, i) => {
    if (inFile.has(row.nip))
      problems.push({
        line: row.line ?? i + 2,
        nip: row.nip,
        field: 'nip',
        code: 'duplicate_nip',
        params: { nip: row.nip },
      });
    else inFile.set(row.nip, row);
  });
  const lookups: Lookups = {
    unitPath,
    supervisorOf: (nip) => (inFile.has(nip) ? inFile.get(nip)!.supervisorNip : stored(nip)),
  };
  rows.forEach((row, i) => {
    for (const p of employeeProblems(row, lookups))
      problems.push({ line: row.line ?? i + 2, nip: row.nip, field: p.field, code: p.code, params: p.params });
  });
  return problems.sort((a, b) => a.line - b.line);
}

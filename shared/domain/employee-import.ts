/**
 * CSV import of employees, in the shape an HR export has. Pure: parsing, header mapping and per-row checks;
 * the handler supplies what is already stored and writes the result.
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
  | { ok: true; rows: ImportRow[] }
  | { ok: false; fileProblem: { code: string; detail: string } };

export function parseImport(csv: string): ParsedImport {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(csv.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (err) {
    return { ok: false, fileProblem: { code: 'csv_unreadable', detail: (err as Error).message } };
  }
  // csv-parse reports the line a record ends on; a quoted value may span lines, so count back to its start.
  const startLine = (r: (typeof parsed)[number]) => r.info.lines - r.record.join('').split('\n').length + 1;
  const header = parsed[0]?.record;
  const body = parsed.slice(1);
  if (!header) return { ok: false, fileProblem: { code: 'csv_empty', detail: 'no header row' } };
  const columns = header.map((h) => headerAliases[h.toLowerCase().replace(/[\s-]+/g, '_')]);
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { ok: false, fileProblem: { code: 'csv_missing_columns', detail: missing.join(', ') } };
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
  return { ok: true, rows };
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

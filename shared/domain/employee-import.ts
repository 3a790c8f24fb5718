/**
 * CSV import of employees, in the shape an HR export has. Pure: parsing, header mapping and per-row checks;
 * the handler supplies what is already stored and writes the result.
 */
import { parse } from 'csv-parse/sync';
import type { MessageCode } from '../http/messages.ts';
import { type Lookups, employeeProblems } from './employee-rules.ts';
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

export interface ImportRow {
  /** Where the row starts in the file (header = line 1), for the error report. */
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
}

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; fileProblem: { code: string; detail: string } };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseImport(csv: string): ParsedImport {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof parsed;
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
  if (missing.length > 0) return { ok: false, fileProblem: { code: 'csv_missing_columns', detail: missing.join(', ') } };
  const rows = body.map((entry) => {
    const cells = entry.record;
    const row: Record<string, string> = {};
    columns.forEach((col, i) => { if (col) row[col] = cells[i] ?? ''; });
    const type = (row.employmentType ?? '').toUpperCase();
    return {
      line: startLine(entry),
      nip: row.nip ?? '',
      name: row.name ?? '',
      position: row.position ?? '',
      unitCode: (row.unitCode ?? '').toUpperCase(),
      supervisorNip: row.supervisorNip ? row.supervisorNip : null,
      employmentType: (type === '' ? 'PNS' : type) as EmploymentType,
      ...(row.email ? { email: row.email } : {}),
    };
  });
  return { ok: true, rows };
}

/**
 * Every problem of every row. `stored` gives the supervisor of people already registered (undefined if unknown);
 * people in the file count as known, with the supervisor the file gives them.
 */
export function importProblems(rows: ImportRow[], unitPath: (code: string) => string | undefined, stored: (nip: string) => string | null | undefined): RowProblem[] {
  const inFile = new Map<string, ImportRow>();
  const problems: RowProblem[] = [];
  rows.forEach((row, i) => {
    const line = row.line ?? i + 2;
    const push = (field: string, code: RowProblem['code'], params: Record<string, unknown> = {}) => problems.push({ line, nip: row.nip, field, code, params });
    for (const field of ['nip', 'name', 'position', 'unitCode'] as const) if (!row[field]) push(field, 'missing_value', { field });
    if (row.employmentType !== 'PNS' && row.employmentType !== 'PPPK') push('employmentType', 'invalid_employment_type', { value: row.employmentType });
    if (row.email && !EMAIL.test(row.email)) push('email', 'invalid_email', { value: row.email });
    if (inFile.has(row.nip)) push('nip', 'duplicate_nip', { nip: row.nip });
    else inFile.set(row.nip, row);
  });
  const lookups: Lookups = {
    unitPath,
    supervisorOf: (nip) => (inFile.has(nip) ? inFile.get(nip)!.supervisorNip : stored(nip)),
  };
  rows.forEach((row, i) => {
    if (!row.nip || (row.employmentType !== 'PNS' && row.employmentType !== 'PPPK')) return;
    for (const p of employeeProblems(row, lookups)) problems.push({ line: row.line ?? i + 2, nip: row.nip, field: p.field, code: p.code, params: p.params });
  });
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * Orders people so that everyone comes after their supervisor when both are in the list. Writes that must be
 * split into several transactions then never leave a stored person pointing at a supervisor not yet stored.
 * Expects no cycles (importProblems has refused them).
 */
export function supervisorsFirst<T extends { nip: string; supervisorNip?: string | null }>(people: T[]): T[] {
  const byNip = new Map(people.map((p) => [p.nip, p]));
  const depth = new Map<string, number>();
  const depthOf = (p: T): number => {
    const known = depth.get(p.nip);
    if (known !== undefined) return known;
    const sup = p.supervisorNip ? byNip.get(p.supervisorNip) : undefined;
    const d = sup ? depthOf(sup) + 1 : 0;
    depth.set(p.nip, d);
    return d;
  };
  return people.map((p, i) => ({ p, i, d: depthOf(p) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.p);
}

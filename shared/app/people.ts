/**
 * People: registering and changing employees (one at a time or by CSV import), acting assignments (Plt/Plh),
 * and the views of the hierarchy (subordinates, supervisors, oneself).
 */
import { importRow } from '../api/schemas.ts';
import { canManagePeopleIn, isSelfServing, reasons } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import {
  completeRow,
  type ImportCandidate,
  type ImportRow,
  importProblems,
  MAX_IMPORT_ROWS,
  parseImport,
  type RowProblem,
} from '../domain/employee-import.ts';
import { sameEmployee } from '../domain/employee-records.ts';
import { employeeProblems, type Lookups } from '../domain/employee-rules.ts';
import type { EmploymentType } from '../domain/nip.ts';
import { wibDate } from '../domain/time.ts';
import { type Lang, type MessageCode, render } from '../messages/catalogue.ts';
import { DomainError, type FieldProblem, forbidden, notFound, problemsError } from '../messages/errors.ts';
import { validationMessage } from '../messages/validation.ts';
import { type ActingAssignment, ActingRepository } from '../store/acting.ts';
import { type Employee, type EmployeeChange, type EmployeeFields, EmployeeRepository } from '../store/employees.ts';
import type { OrgScope, Page } from '../store/org-scope.ts';
import { summary } from '../store/summaries.ts';
import { UnitRepository } from '../store/units.ts';
import { readableEmployee, resolveNip } from './access.ts';
import { type PageRequest, type UseCaseContext, writeContextOf } from './context.ts';
import { withSupervisorNames } from './names.ts';

/** Bound on the whole-tree walk; a city's deepest trees are a few thousand people. */
const MAX_TREE = 10_000;

export interface NewEmployee {
  nip: string;
  name: string;
  position: string;
  employmentType: EmploymentType;
  unitCode: string;
  supervisorNip?: string | null;
  email?: string;
}

/** The employee rules name a record's fields (`nip`); a request names them as its body's (`body.nip`). */
const inBody = (problems: FieldProblem[]): FieldProblem[] => problems.map((p) => ({ ...p, field: `body.${p.field}` }));

/** Registers a person (BKPSDM, or the Admin OPD within their OPD); a retry of the same registration is `replayed`. */
export async function createEmployee(
  ctx: UseCaseContext,
  fields: NewEmployee,
): Promise<{ employee: Employee; replayed: boolean }> {
  const { principal, scope, actor } = ctx;
  const lookups = await lookupsFor(scope, fields.unitCode, fields.supervisorNip);
  const problems = employeeProblems(fields, lookups);
  if (problems.length > 0) throw problemsError(inBody(problems));
  const unitPath = lookups.unitPath(fields.unitCode)!;
  if (!canManagePeopleIn(principal, actor.unitPath, unitPath)) throw forbidden(reasons.notAdminHere);
  if (
    isSelfServing(principal, {
      targetNip: fields.nip,
      placeChanged: false,
      supervisorChanged: true,
      newSupervisorNip: fields.supervisorNip,
    })
  ) {
    throw forbidden(reasons.selfServing);
  }
  return new EmployeeRepository(scope).create(
    { ...fields, unitPath, supervisorNip: fields.supervisorNip ?? null, status: 'active' },
    writeContextOf(ctx),
  );
}

export type EmployeeUpdate = Partial<Omit<EmployeeFields, 'nip' | 'unitPath'>> & { version: number };

/** Changes a person under optimistic locking; an update that changes nothing answers with the stored record. */
export async function updateEmployee(
  ctx: UseCaseContext,
  nipParam: string,
  { version, ...changes }: EmployeeUpdate,
): Promise<Employee> {
  const { principal, scope, actor } = ctx;
  const employees = new EmployeeRepository(scope);
  // Read before any chain: the write must move this version, so a concurrent supervisor change cannot slip in.
  const [current, hierarchyRead] = await Promise.all([
    employees.get(resolveNip(principal, nipParam)),
    employees.hierarchyVersion(),
  ]);
  if (!current) throw notFound('employee');
  if (!canManagePeopleIn(principal, actor.unitPath, current.unitPath)) throw forbidden(reasons.notAdminHere);

  const draft = { ...current, ...changes };
  const lookups = await lookupsFor(scope, draft.unitCode, draft.supervisorNip);
  const problems = employeeProblems(draft, lookups);
  if (problems.length > 0) throw problemsError(inBody(problems));
  const next: EmployeeFields = { ...draft, unitPath: lookups.unitPath(draft.unitCode)! };
  // Moving someone into another OPD needs rights there too.
  if (!canManagePeopleIn(principal, actor.unitPath, next.unitPath)) throw forbidden(reasons.notAdminHere);
  const supervisorChanged = (current.supervisorNip ?? null) !== (next.supervisorNip ?? null);
  const placeChanged =
    supervisorChanged ||
    current.unitCode !== next.unitCode ||
    current.status !== next.status ||
    current.employmentType !== next.employmentType;
  if (
    isSelfServing(principal, {
      targetNip: current.nip,
      placeChanged,
      supervisorChanged,
      newSupervisorNip: next.supervisorNip,
    })
  ) {
    throw forbidden(reasons.selfServing);
  }
  if (sameEmployee(current, next) && version === current.version) return current;
  return employees.replace(current, next, version, writeContextOf(ctx), hierarchyRead);
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** One row of a dry run: what importing it would do, or why it cannot be imported. */
export interface ImportPreviewLine {
  line: number;
  nip: string;
  name: string;
  outcome: 'create' | 'update' | 'unchanged' | 'invalid';
  problems: { field: string; code: string; message: string }[];
}

/** A dry run: the counts an import would make, and every row with its outcome and problems. Nothing is written. */
export interface ImportPreview extends ImportResult {
  dryRun: true;
  /** Rows with at least one problem; 0 means the file can be imported as it is. */
  invalid: number;
  lines: ImportPreviewLine[];
}

/**
 * Imports a CSV of employees, all or nothing: every row is checked (shape, then the rules against what is
 * stored, then the caller's rights) before anything is written. With `dryRun`, nothing is written: the answer
 * is every row's outcome and problems, so a file can be fixed before it is imported.
 */
export async function importEmployees(
  ctx: UseCaseContext,
  csv: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult | ImportPreview> {
  const { principal, scope, lang, actor } = ctx;
  const parsed = parseImport(csv);
  if (!parsed.ok) throw new DomainError(parsed.fileProblem.code, parsed.fileProblem.params);
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    throw new DomainError('import_too_large', { rows: parsed.rows.length, max: MAX_IMPORT_ROWS });

  // 1. Shapes, with the API's own schemas, before any row is used as a key.
  const problems: RowProblem[] = [];
  const shaped = parsed.rows.filter((row) => hasImportShape(row, lang, problems));

  // 2. Rules, against what is stored. The hierarchy version is read before any chain (see hierarchyGuard).
  const employees = new EmployeeRepository(scope);
  const [tree, hierarchyRead] = await Promise.all([new UnitRepository(scope).tree(), employees.hierarchyVersion()]);
  const paths = new Map(tree.map((u) => [u.code, u.path]));
  const stored = await employees.getWithChains(
    shaped.flatMap((r) => [r.nip, ...(r.supervisorNip ? [r.supervisorNip] : [])]),
  );
  const candidates = shaped.map((row) => completeRow(row, stored.get(row.nip)) as ImportCandidate);
  problems.push(
    ...importProblems(
      candidates,
      (code) => paths.get(code),
      (nip) => (stored.has(nip) ? (stored.get(nip)!.supervisorNip ?? null) : undefined),
    ),
  );
  problems.sort((a, b) => a.line - b.line);
  const rendered = problems.map((p) => ({
    line: p.line,
    nip: p.nip,
    field: p.field,
    code: p.code,
    message: p.message ?? render(p.code, lang, p.params),
  }));
  if (rendered.length > 0 && !options.dryRun) {
    throw new DomainError('import_invalid', { count: new Set(problems.map((p) => p.line)).size }, rendered);
  }

  // 3. What changes, and whether the caller may make each change.
  const badLines = new Set(problems.map((p) => p.line));
  const changes: EmployeeChange[] = [];
  const denied: { line: number; nip: string; unitCode: string }[] = [];
  for (const row of candidates) {
    if (badLines.has(row.line!)) continue;
    const current = stored.get(row.nip);
    const { line, ...fields } = row;
    const next: EmployeeFields = { ...fields, unitPath: paths.get(row.unitCode)!, status: current?.status ?? 'active' };
    if (current && sameEmployee(current, next)) continue;
    const supervisorChanged = (current?.supervisorNip ?? null) !== next.supervisorNip;
    const placeChanged =
      !current ||
      supervisorChanged ||
      current.unitCode !== next.unitCode ||
      current.employmentType !== next.employmentType;
    const allowed =
      [next.unitPath, current?.unitPath].every((p) => !p || canManagePeopleIn(principal, actor.unitPath, p)) &&
      !isSelfServing(principal, {
        targetNip: row.nip,
        placeChanged,
        supervisorChanged,
        newSupervisorNip: next.supervisorNip,
      });
    if (!allowed) denied.push({ line: line!, nip: row.nip, unitCode: row.unitCode });
    changes.push({ line: line!, next, current });
  }
  if (options.dryRun) return previewOf(parsed.rows, rendered, changes, denied, lang);
  if (denied.length > 0) throw new DomainError('forbidden', { reason: reasons.notAdminHere }, denied);

  // 4. Write: supervisors first, in transactions, undone as a whole if one fails.
  await employees.applyAll(changes, writeContextOf(ctx), hierarchyRead);

  const created = changes.filter((c) => !c.current).length;
  return {
    rows: parsed.rows.length,
    created,
    updated: changes.length - created,
    unchanged: parsed.rows.length - changes.length,
  };
}

/** Every row of the file with what importing it would do; a row the caller may not change is a problem too. */
function previewOf(
  rows: ImportRow[],
  problems: { line: number; field: string; code: string; message: string }[],
  changes: EmployeeChange[],
  denied: { line: number }[],
  lang: Lang,
): ImportPreview {
  const byLine = new Map<number, ImportPreviewLine['problems']>();
  const add = (line: number, problem: ImportPreviewLine['problems'][number]) =>
    byLine.set(line, [...(byLine.get(line) ?? []), problem]);
  for (const { line, field, code, message } of problems) add(line, { field, code, message });
  const refusal = render('forbidden', lang, { reason: reasons.notAdminHere });
  for (const { line } of denied) add(line, { field: 'unitCode', code: 'forbidden', message: refusal });
  const changeOf = new Map(changes.map((c) => [c.line, c]));
  const lines = rows.map((row): ImportPreviewLine => {
    const rowProblems = byLine.get(row.line!) ?? [];
    const change = changeOf.get(row.line!);
    const outcome = rowProblems.length > 0 ? 'invalid' : !change ? 'unchanged' : change.current ? 'update' : 'create';
    return { line: row.line!, nip: row.nip, name: row.name, outcome, problems: rowProblems };
  });
  const count = (o: ImportPreviewLine['outcome']) => lines.filter((l) => l.outcome === o).length;
  return {
    dryRun: true,
    rows: rows.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    invalid: count('invalid'),
    lines,
  };
}

/** Whether a row has the API's shape; its issues, in the caller's language, are added to `problems`. */
function hasImportShape(row: ImportRow, lang: Lang, problems: RowProblem[]): boolean {
  const result = importRow.safeParse(row, { error: (issue) => validationMessage(issue, lang) });
  for (const issue of result.error?.issues ?? []) {
    problems.push({
      line: row.line!,
      nip: row.nip,
      field: issue.path.map(String).join('.'),
      code: 'validation_failed',
      params: {},
      message: issue.message,
    });
  }
  return result.success;
}

/**
 * Lookups for the employee rules around one candidate: its unit, and the proposed supervisor with that
 * supervisor's whole chain (enough to detect a cycle), read from the table.
 */
async function lookupsFor(
  scope: OrgScope,
  unitCode: string,
  supervisorNip: string | null | undefined,
): Promise<Lookups> {
  const employees = new EmployeeRepository(scope);
  const [unit, supervisor] = await Promise.all([
    new UnitRepository(scope).get(unitCode),
    supervisorNip ? employees.get(supervisorNip) : undefined,
  ]);
  const known = new Map<string, Employee>();
  if (supervisor) {
    known.set(supervisor.nip, supervisor);
    for (const e of await employees.supervisorChain(supervisor)) known.set(e.nip, e);
  }
  return {
    unitPath: (code) => (unit && code === unit.code ? unit.path : undefined),
    supervisorOf: (nip) => (known.has(nip) ? (known.get(nip)!.supervisorNip ?? null) : undefined),
  };
}

export interface ActingAppointment {
  forNip: string;
  kind: 'PLT' | 'PLH';
  startDate: string;
  endDate: string;
  decreeNumber?: string;
}

/**
 * Appoints the person in the path Plt/Plh for `forNip`'s position; a retry of the same appointment is `replayed`,
 * an overlapping one a conflict naming it.
 */
export async function createActingAssignment(
  ctx: UseCaseContext,
  nipParam: string,
  appointment: ActingAppointment,
): Promise<{ assignment: ActingAssignment; replayed: boolean }> {
  const { principal, scope, actor } = ctx;
  const { forNip, kind, startDate, endDate, decreeNumber } = appointment;
  const actingNip = resolveNip(principal, nipParam);
  // Refusals name the field they are about, so a form shows each under it.
  const at = (field: string, code: MessageCode, params: Record<string, unknown> = {}) =>
    new DomainError(code, params, undefined, [{ field: `body.${field}`, code, params }]);
  if (actingNip === forNip) throw at('forNip', 'acting_for_self');
  if (actingNip === principal.nip) throw forbidden(reasons.selfAppointment);
  if (endDate < startDate) throw at('endDate', 'invalid_date_range', { startDate, endDate });

  const people = await new EmployeeRepository(scope).getMany([actingNip, forNip]);
  const acting = people.get(actingNip);
  const holder = people.get(forNip);
  if (acting?.status !== 'active') throw notFound('employee');
  if (!holder) throw at('forNip', 'supervisor_not_found', { nip: forNip });
  // The admin must manage both the position and the person appointed to it.
  if (
    !canManagePeopleIn(principal, actor.unitPath, holder.unitPath) ||
    !canManagePeopleIn(principal, actor.unitPath, acting.unitPath)
  ) {
    throw forbidden(reasons.notAdminHere);
  }

  const repo = new ActingRepository(scope);
  const clash = (await repo.covering(forNip)).find((a) => a.startDate <= endDate && a.endDate >= startDate);
  // A retry of the same appointment finds itself: answer with it rather than a conflict.
  const same =
    clash &&
    clash.actingNip === actingNip &&
    clash.kind === kind &&
    clash.startDate === startDate &&
    clash.endDate === endDate &&
    (clash.decreeNumber ?? null) === (decreeNumber ?? null);
  if (same) return { assignment: clash, replayed: true };
  if (clash)
    throw new DomainError(
      'acting_overlap',
      { forNip, startDate: clash.startDate, endDate: clash.endDate },
      { existing: clash },
    );
  return { assignment: await repo.create({ actingNip, ...appointment }, writeContextOf(ctx)), replayed: false };
}

/** The acting assignments a readable person holds, newest first, with the names of both people. */
export async function listActingAssignments(
  ctx: UseCaseContext,
  nipParam: string,
  { limit, cursor }: PageRequest,
): Promise<Page<ActingAssignment & { actingName: string; forName: string | null }>> {
  const { target } = await readableEmployee(ctx, nipParam);
  const page = await new ActingRepository(ctx.scope).heldBy(target.nip, limit ?? 25, cursor);
  const holders = await new EmployeeRepository(ctx.scope).namesOf(page.items.map((a) => a.forNip));
  return {
    items: page.items.map((a) => ({ ...a, actingName: target.name, forName: holders.get(a.forNip) ?? null })),
    nextCursor: page.nextCursor,
  };
}

/** A readable person's direct subordinates (a page of the index), or the whole tree below, breadth first. */
export async function listSubordinates(
  ctx: UseCaseContext,
  nipParam: string,
  request: PageRequest & { scope?: 'direct' | 'all' },
) {
  const { target } = await readableEmployee(ctx, nipParam);
  const employees = new EmployeeRepository(ctx.scope);
  const limit = request.limit ?? 25;

  if ((request.scope ?? 'direct') === 'direct') {
    const page = await employees.directSubordinates(target.nip, limit, request.cursor);
    return {
      items: page.items.map((i) => ({ ...summary(i), supervisorName: target.name, depth: 1 })),
      nextCursor: page.nextCursor,
    };
  }

  // Whole tree, breadth first; the page is cut from the ordered result.
  const offset = request.cursor ? Number(request.cursor.replace(/^o/, '')) : 0;
  if (!/^o\d+$/.test(request.cursor ?? 'o0') || !Number.isSafeInteger(offset)) throw new DomainError('invalid_cursor');
  const all = await employees.allSubordinates(target.nip, MAX_TREE);
  // Everyone's supervisor is the target or someone of the tree above them.
  const names = new Map([[target.nip, target.name], ...all.map((i) => [i.nip as string, i.name as string] as const)]);
  const items = all.slice(offset, offset + limit).map((i) => ({
    ...summary(i),
    supervisorName: names.get(i.supervisorNip as string) ?? null,
    depth: i.depth,
  }));
  return { items, ...(offset + limit < all.length ? { nextCursor: `o${offset + limit}` } : {}) };
}

/** A readable person's supervisors up to the top, nearest first; the chain is bounded by the hierarchy's depth. */
export async function listSupervisors(ctx: UseCaseContext, nipParam: string) {
  const { target } = await readableEmployee(ctx, nipParam);
  const chain = await new EmployeeRepository(ctx.scope).supervisorChain(target);
  const items = chain.map((e, i) => ({ ...summary(e as unknown as Record<string, unknown>), level: i + 1 }));
  // Each supervisor's own supervisor is the next in the chain (read already, unless the chain stopped there).
  return { items: await withSupervisorNames(ctx.scope, items, new Map(chain.map((e) => [e.nip, e.name]))) };
}

/**
 * Who is asking: a machine client's identity, or a person's record with the size of their team and the acting
 * assignments they hold today.
 */
export async function whoAmI({
  principal,
  scope,
  actor,
  now,
}: {
  principal: Principal;
  scope: OrgScope;
  actor?: Employee;
  now: Date;
}) {
  if (principal.kind === 'machine') {
    return {
      kind: 'machine',
      orgId: principal.orgId,
      clientId: principal.clientId,
      scopes: principal.scopes,
      groups: [],
    };
  }
  // The HTTP layer has loaded the caller's record (and refused unregistered or inactive people).
  if (!actor) throw new Error('user principal without actor record');
  const today = wibDate(now);
  const [directSubordinates, held] = await Promise.all([
    new EmployeeRepository(scope).countDirectSubordinates(actor.nip),
    new ActingRepository(scope).heldBy(actor.nip, 20),
  ]);
  return {
    kind: 'user',
    orgId: principal.orgId,
    groups: principal.groups,
    employee: actor,
    directSubordinates,
    actingAssignments: held.items.filter((a) => a.startDate <= today && a.endDate >= today),
  };
}

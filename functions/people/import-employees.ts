import { importEmployees } from '#shared/api/people';
import { importRow } from '#shared/api/schemas';
import { canManagePeopleIn, isSelfServing, reasons } from '#shared/auth/policy';
import { type ImportCandidate, MAX_IMPORT_ROWS, type RowProblem, completeRow, importProblems, parseImport } from '#shared/domain/employee-import';
import { DomainError } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { type MessageCode, render } from '#shared/messages/catalogue';
import { type EmployeeChange, type EmployeeFields, EmployeeRepository, sameEmployee } from '#shared/store/employees';
import { UnitRepository } from '#shared/store/units';
import en from 'zod/v4/locales/en.js';
import id from 'zod/v4/locales/id.js';

export const handler = userHandler(importEmployees, async (req) => {
  const { principal, scope, lang, actor } = req;
  const parsed = parseImport(req.rawBody);
  if (!parsed.ok) throw new DomainError(parsed.fileProblem.code as MessageCode, { detail: parsed.fileProblem.detail });
  if (parsed.rows.length > MAX_IMPORT_ROWS) throw new DomainError('import_too_large', { rows: parsed.rows.length, max: MAX_IMPORT_ROWS });

  // 1. Shapes, with the API's own schemas, before any row is used as a key.
  const problems: RowProblem[] = [];
  const shaped = parsed.rows.filter((row) => {
    const result = importRow.safeParse(row, { error: (lang === 'en' ? en : id)().localeError });
    for (const issue of result.error?.issues ?? []) {
      problems.push({ line: row.line!, nip: row.nip, field: issue.path.map(String).join('.'), code: 'validation_failed', params: {}, message: issue.message });
    }
    return result.success;
  });

  // 2. Rules, against what is stored. The hierarchy version is read before any chain (see hierarchyGuard).
  const employees = new EmployeeRepository(scope);
  const [tree, hierarchyRead] = await Promise.all([new UnitRepository(scope).tree(), employees.hierarchyVersion()]);
  const paths = new Map(tree.map((u) => [u.code, u.path]));
  const stored = await employees.getWithChains(shaped.flatMap((r) => [r.nip, ...(r.supervisorNip ? [r.supervisorNip] : [])]));
  const candidates = shaped.map((row) => completeRow(row, stored.get(row.nip)) as ImportCandidate);
  problems.push(...importProblems(candidates, (code) => paths.get(code), (nip) => (stored.has(nip) ? (stored.get(nip)!.supervisorNip ?? null) : undefined)));
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new DomainError('import_invalid',
      { count: new Set(problems.map((p) => p.line)).size },
      problems.map((p) => ({ line: p.line, nip: p.nip, field: p.field, code: p.code, message: p.message ?? render(p.code, lang, p.params) })),
    );
  }

  // 3. What changes, and whether the caller may make each change.
  const changes: EmployeeChange[] = [];
  const denied: { line: number; nip: string; unitCode: string }[] = [];
  for (const row of candidates) {
    const current = stored.get(row.nip);
    const { line, ...fields } = row;
    const next: EmployeeFields = { ...fields, unitPath: paths.get(row.unitCode)!, status: current?.status ?? 'active' };
    if (current && sameEmployee(current, next)) continue;
    const supervisorChanged = (current?.supervisorNip ?? null) !== next.supervisorNip;
    const placeChanged = !current || supervisorChanged || current.unitCode !== next.unitCode || current.employmentType !== next.employmentType;
    const allowed =
      [next.unitPath, current?.unitPath].every((p) => !p || canManagePeopleIn(principal, actor.unitPath, p)) &&
      !isSelfServing(principal, { targetNip: row.nip, placeChanged, supervisorChanged, newSupervisorNip: next.supervisorNip });
    if (!allowed) denied.push({ line: line!, nip: row.nip, unitCode: row.unitCode });
    changes.push({ line: line!, next, current });
  }
  if (denied.length > 0) throw new DomainError('forbidden', { reason: reasons.notAdminHere }, denied);

  // 4. Write: supervisors first, in transactions, undone as a whole if one fails.
  await employees.applyAll(changes, writeContext(req), hierarchyRead);

  const created = changes.filter((c) => !c.current).length;
  return json({ rows: parsed.rows.length, created, updated: changes.length - created, unchanged: parsed.rows.length - changes.length });
});

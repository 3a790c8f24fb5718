import { importEmployees } from '#shared/api/people';
import { actorRecord } from '#shared/auth/access';
import { canManagePeopleIn, reasons } from '#shared/auth/policy';
import { actorId } from '#shared/auth/principal';
import { MAX_IMPORT_ROWS, importProblems, parseImport, supervisorsFirst } from '#shared/domain/employee-import';
import { AppError } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { type MessageCode, render } from '#shared/http/messages';
import { type Employee, type EmployeeFields, EmployeeRepository, sameEmployee } from '#shared/store/employees';
import { isConditionalFailure } from '#shared/store/org-scope';
import { UnitRepository } from '#shared/store/units';

/** DynamoDB's transaction limit: each chunk of changes is all-or-nothing. */
const CHUNK = 100;

export const handler = userHandler(importEmployees, async (req) => {
  const { principal, scope, lang } = req;
  const parsed = parseImport(req.rawBody);
  if (!parsed.ok) throw new AppError(422, parsed.fileProblem.code as MessageCode, { detail: parsed.fileProblem.detail });
  const { rows } = parsed;
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError(422, 'import_too_large', { rows: rows.length, max: MAX_IMPORT_ROWS });

  const employees = new EmployeeRepository(scope);
  const [tree, actor] = await Promise.all([new UnitRepository(scope).tree(), actorRecord(req)]);
  const paths = new Map(tree.map((u) => [u.code, u.path]));
  const referenced = rows.flatMap((r) => (r.supervisorNip ? [r.nip, r.supervisorNip] : [r.nip])).filter(Boolean);
  const stored = await employees.getWithChains(referenced);

  const problems = importProblems(rows, (code) => paths.get(code), (nip) => (stored.has(nip) ? (stored.get(nip)!.supervisorNip ?? null) : undefined));
  if (problems.length > 0) {
    throw new AppError(
      422,
      'import_invalid',
      { count: new Set(problems.map((p) => p.line)).size },
      problems.map((p) => ({ line: p.line, nip: p.nip, field: p.field, code: p.code, message: render(p.code, lang, p.params) })),
    );
  }

  // Rights: every row's unit, and the current unit of anyone being moved, must be the caller's to manage.
  const denied = rows.flatMap((row, i) => {
    const targets = [paths.get(row.unitCode)!, stored.get(row.nip)?.unitPath].filter((p): p is string => !!p);
    return targets.every((p) => canManagePeopleIn(principal, actor?.unitPath, p)) ? [] : [{ line: row.line ?? i + 2, nip: row.nip, unitCode: row.unitCode }];
  });
  if (denied.length > 0) throw new AppError(403, 'forbidden', { reason: reasons.notAdminHere }, denied);

  const ctx = { actor: actorId(principal), now: req.now.toISOString(), requestId: req.requestId };
  const changes: { next: EmployeeFields; current?: Employee }[] = [];
  for (const row of rows) {
    const current = stored.get(row.nip);
    const { line: _line, ...fields } = row;
    const next: EmployeeFields = { ...fields, unitPath: paths.get(row.unitCode)!, status: current?.status ?? 'active' };
    if (!current || !sameEmployee(current, next)) changes.push({ next, current });
  }

  // More than CHUNK changes take several transactions: supervisors go first, so whatever is stored if a later
  // transaction fails is consistent, and uploading the same file again completes it.
  const ordered = supervisorsFirst(changes.map((c) => ({ ...c, nip: c.next.nip, supervisorNip: c.next.supervisorNip })));
  try {
    for (let i = 0; i < ordered.length; i += CHUNK) {
      await scope.transact(
        ordered.slice(i, i + CHUNK).map(({ next, current }) => ({
          put: {
            table: 'main' as const,
            item: employees.toItem(next, ctx, current),
            // Optimistic: nobody may have created or changed these people since we read them.
            ...(current ? { condition: 'version = :v', values: { ':v': current.version } } : { condition: 'attribute_not_exists(pk)' }),
          },
        })),
      );
    }
  } catch (err) {
    if (isConditionalFailure(err)) throw new AppError(409, 'import_conflict');
    throw err;
  }

  const created = changes.filter((c) => !c.current).length;
  return json({ rows: rows.length, created, updated: changes.length - created, unchanged: rows.length - changes.length });
});

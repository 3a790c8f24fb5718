import { updateEmployee } from '#shared/api/people';
import { actorRecord, resolveNip } from '#shared/auth/access';
import { canManagePeopleIn, reasons } from '#shared/auth/policy';
import { actorId } from '#shared/auth/principal';
import { employeeProblems } from '#shared/domain/employee-rules';
import { forbidden, notFound } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { problemsError } from '#shared/http/problems';
import { type EmployeeFields, EmployeeRepository, sameEmployee } from '#shared/store/employees';
import { lookupsFor } from '#shared/store/hierarchy-lookups';

export const handler = userHandler(updateEmployee, async (req) => {
  const { body, principal, scope, lang } = req;
  const employees = new EmployeeRepository(scope);
  const [current, actor] = await Promise.all([employees.get(resolveNip(principal, req.params.nip)), actorRecord(req)]);
  if (!current) throw notFound('employee');
  if (!canManagePeopleIn(principal, actor?.unitPath, current.unitPath)) throw forbidden(reasons.notAdminHere);

  const { version, ...changes } = body;
  const draft = { ...current, ...changes };
  const lookups = await lookupsFor(scope, draft.unitCode, draft.supervisorNip);
  const problems = employeeProblems(draft, lookups);
  if (problems.length > 0) throw problemsError(problems, lang);
  const next: EmployeeFields = { ...draft, unitPath: lookups.unitPath(draft.unitCode)! };
  // Moving someone into another OPD needs rights there too.
  if (!canManagePeopleIn(principal, actor?.unitPath, next.unitPath)) throw forbidden(reasons.notAdminHere);
  if (sameEmployee(current, next) && version === current.version) return json(current);
  return json(await employees.replace(current, next, version, { actor: actorId(principal), now: req.now.toISOString(), requestId: req.requestId }));
});

import { updateEmployee } from '#shared/api/people';
import { resolveNip } from '#shared/app/access';
import { canManagePeopleIn, isSelfServing, reasons } from '#shared/auth/policy';
import { employeeProblems } from '#shared/domain/employee-rules';
import { forbidden, notFound } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { problemsError } from '#shared/messages/errors';
import { type EmployeeFields, EmployeeRepository, sameEmployee } from '#shared/store/employees';
import { lookupsFor } from '#shared/app/hierarchy-lookups';

export const handler = userHandler(updateEmployee, async (req) => {
  const { body, principal, scope, lang, actor } = req;
  const employees = new EmployeeRepository(scope);
  // Read before any chain: the write must move this version, so a concurrent supervisor change cannot slip in.
  const [current, hierarchyRead] = await Promise.all([employees.get(resolveNip(principal, req.params.nip)), employees.hierarchyVersion()]);
  if (!current) throw notFound('employee');
  if (!canManagePeopleIn(principal, actor.unitPath, current.unitPath)) throw forbidden(reasons.notAdminHere);

  const { version, ...changes } = body;
  const draft = { ...current, ...changes };
  const lookups = await lookupsFor(scope, draft.unitCode, draft.supervisorNip);
  const problems = employeeProblems(draft, lookups);
  if (problems.length > 0) throw problemsError(problems);
  const next: EmployeeFields = { ...draft, unitPath: lookups.unitPath(draft.unitCode)! };
  // Moving someone into another OPD needs rights there too.
  if (!canManagePeopleIn(principal, actor.unitPath, next.unitPath)) throw forbidden(reasons.notAdminHere);
  const supervisorChanged = (current.supervisorNip ?? null) !== (next.supervisorNip ?? null);
  const placeChanged = supervisorChanged || current.unitCode !== next.unitCode || current.status !== next.status || current.employmentType !== next.employmentType;
  if (isSelfServing(principal, { targetNip: current.nip, placeChanged, supervisorChanged, newSupervisorNip: next.supervisorNip })) {
    throw forbidden(reasons.selfServing);
  }
  if (sameEmployee(current, next) && version === current.version) return json(current);
  return json(await employees.replace(current, next, version, writeContext(req), hierarchyRead));
});

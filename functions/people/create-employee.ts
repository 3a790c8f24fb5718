import { createEmployee } from '#shared/api/people';
import { canManagePeopleIn, isSelfServing, reasons } from '#shared/auth/policy';
import { employeeProblems } from '#shared/domain/employee-rules';
import { forbidden } from '#shared/messages/errors';
import { createdOrReplayed, userHandler, writeContext } from '#shared/http/handler';
import { problemsError } from '#shared/messages/errors';
import { EmployeeRepository } from '#shared/store/employees';
import { lookupsFor } from '#shared/app/hierarchy-lookups';

export const handler = userHandler(createEmployee, async (req) => {
  const { body, principal, scope, lang, actor } = req;
  const lookups = await lookupsFor(scope, body.unitCode, body.supervisorNip);
  const problems = employeeProblems(body, lookups);
  if (problems.length > 0) throw problemsError(problems);
  const unitPath = lookups.unitPath(body.unitCode)!;
  if (!canManagePeopleIn(principal, actor.unitPath, unitPath)) throw forbidden(reasons.notAdminHere);
  if (isSelfServing(principal, { targetNip: body.nip, placeChanged: false, supervisorChanged: true, newSupervisorNip: body.supervisorNip })) {
    throw forbidden(reasons.selfServing);
  }
  const { employee, replayed } = await new EmployeeRepository(scope).create(
    { ...body, unitPath, supervisorNip: body.supervisorNip ?? null, status: 'active' },
    writeContext(req),
  );
  return createdOrReplayed(employee, replayed);
});

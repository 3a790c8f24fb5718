import { getMe } from '#shared/api/people';
import { wibDate } from '#shared/domain/time';
import { httpHandler, json } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { EmployeeRepository } from '#shared/store/employees';

export const handler = httpHandler(getMe, async ({ principal, scope, actor: employee, now }) => {
  if (principal.kind === 'machine') {
    return json({ kind: 'machine', orgId: principal.orgId, clientId: principal.clientId, scopes: principal.scopes, groups: [] });
  }
  // The HTTP layer has loaded the caller's record (and refused unregistered or inactive people).
  if (!employee) throw new Error('user principal without actor record');
  const today = wibDate(now);
  const [directSubordinates, held] = await Promise.all([
    new EmployeeRepository(scope).countDirectSubordinates(employee.nip),
    new ActingRepository(scope).heldBy(employee.nip, 20),
  ]);
  return json({
    kind: 'user',
    orgId: principal.orgId,
    groups: principal.groups,
    employee,
    directSubordinates,
    actingAssignments: held.items.filter((a) => a.startDate <= today && a.endDate >= today),
  });
}, { auth: 'any' });

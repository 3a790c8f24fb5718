import { getMe } from '#shared/api/people';
import { actorRecord } from '#shared/auth/access';
import { wibDate } from '#shared/domain/time';
import { notFound } from '#shared/http/errors';
import { httpHandler, json } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';

export const handler = httpHandler(getMe, async ({ principal, scope, now }) => {
  if (principal.kind === 'machine') {
    return json({ kind: 'machine', orgId: principal.orgId, clientId: principal.clientId, scopes: principal.scopes, groups: [] });
  }
  const employee = await actorRecord({ principal, scope, now });
  if (!employee) throw notFound('employee');
  const today = wibDate(now);
  const [subordinates, held] = await Promise.all([
    scope.queryAll('main', { index: 'gsi2', pk: scope.key('SUBORDINATES', employee.nip) }),
    new ActingRepository(scope).heldBy(employee.nip, 20),
  ]);
  return json({
    kind: 'user',
    orgId: principal.orgId,
    groups: principal.groups,
    employee,
    directSubordinates: subordinates.length,
    actingAssignments: held.items.filter((a) => a.startDate <= today && a.endDate >= today),
  });
});


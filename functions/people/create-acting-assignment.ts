import { createActingAssignment } from '#shared/api/people';
import { resolveNip } from '#shared/app/access';
import { canManagePeopleIn, reasons } from '#shared/auth/policy';
import { DomainError, forbidden, notFound } from '#shared/messages/errors';
import { createdOrReplayed, userHandler, writeContext } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { EmployeeRepository } from '#shared/store/employees';

export const handler = userHandler(createActingAssignment, async (req) => {
  const { body, principal, scope, actor } = req;
  const actingNip = resolveNip(principal, req.params.nip);
  if (actingNip === body.forNip) throw new DomainError('acting_for_self');
  if (actingNip === principal.nip) throw forbidden(reasons.selfAppointment);
  if (body.endDate < body.startDate) throw new DomainError('invalid_date_range', { startDate: body.startDate, endDate: body.endDate });

  const people = await new EmployeeRepository(scope).getMany([actingNip, body.forNip]);
  const acting = people.get(actingNip);
  const holder = people.get(body.forNip);
  if (!acting || acting.status !== 'active') throw notFound('employee');
  if (!holder) throw new DomainError('supervisor_not_found', { nip: body.forNip });
  // The admin must manage both the position and the person appointed to it.
  if (!canManagePeopleIn(principal, actor.unitPath, holder.unitPath) || !canManagePeopleIn(principal, actor.unitPath, acting.unitPath)) {
    throw forbidden(reasons.notAdminHere);
  }

  const repo = new ActingRepository(scope);
  const clash = (await repo.covering(body.forNip)).find((a) => a.startDate <= body.endDate && a.endDate >= body.startDate);
  // A retry of the same appointment finds itself: answer with it rather than a conflict.
  const same =
    clash &&
    clash.actingNip === actingNip &&
    clash.kind === body.kind &&
    clash.startDate === body.startDate &&
    clash.endDate === body.endDate &&
    (clash.decreeNumber ?? null) === (body.decreeNumber ?? null);
  if (same) return createdOrReplayed(clash, true);
  if (clash) throw new DomainError('acting_overlap', { forNip: body.forNip, startDate: clash.startDate, endDate: clash.endDate }, { existing: clash });

  const assignment = await repo.create({ actingNip, ...body }, writeContext(req));
  return createdOrReplayed(assignment, false);
});

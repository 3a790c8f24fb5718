import { createActingAssignment } from '#shared/api/people';
import { actorRecord, resolveNip } from '#shared/auth/access';
import { canManagePeopleIn, reasons } from '#shared/auth/policy';
import { actorId } from '#shared/auth/principal';
import { AppError, forbidden, notFound } from '#shared/http/errors';
import { createdOrReplayed, userHandler } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { EmployeeRepository } from '#shared/store/employees';

export const handler = userHandler(createActingAssignment, async (req) => {
  const { body, principal, scope } = req;
  const actingNip = resolveNip(principal, req.params.nip);
  if (actingNip === body.forNip) throw new AppError(422, 'acting_for_self');
  if (body.endDate < body.startDate) throw new AppError(422, 'invalid_date_range', { startDate: body.startDate, endDate: body.endDate });

  const employees = new EmployeeRepository(scope);
  const people = await employees.getMany([actingNip, body.forNip, principal.nip]);
  const acting = people.get(actingNip);
  const holder = people.get(body.forNip);
  if (!acting) throw notFound('employee');
  if (!holder) throw new AppError(422, 'supervisor_not_found', { nip: body.forNip });
  const actorUnit = people.get(principal.nip)?.unitPath ?? (await actorRecord(req))?.unitPath;
  if (!canManagePeopleIn(principal, actorUnit, holder.unitPath)) throw forbidden(reasons.notAdminHere);

  const repo = new ActingRepository(scope);
  const clash = (await repo.covering(body.forNip)).find((a) => a.startDate <= body.endDate && a.endDate >= body.startDate);
  // A retry of the same appointment finds itself: answer with it rather than a conflict.
  const same = clash && clash.actingNip === actingNip && clash.kind === body.kind && clash.startDate === body.startDate && clash.endDate === body.endDate && (clash.decreeNumber ?? null) === (body.decreeNumber ?? null);
  if (same) return createdOrReplayed(clash, true);
  if (clash) throw new AppError(409, 'acting_overlap', { forNip: body.forNip, startDate: clash.startDate, endDate: clash.endDate }, { existing: clash });

  const assignment = await repo.create(
    { actingNip, ...body },
    { actor: actorId(principal), now: req.now.toISOString(), requestId: req.requestId },
  );
  return createdOrReplayed(assignment, false);
});

import { createUnit } from '#shared/api/units';
import { canCreateUnitUnder, reasons } from '#shared/auth/policy';
import { parentProblem, unitPath } from '#shared/domain/units';
import { DomainError, forbidden } from '#shared/messages/errors';
import { createdOrReplayed, userHandler, writeContext } from '#shared/http/handler';
import { UnitRepository } from '#shared/store/units';

export const handler = userHandler(createUnit, async (req) => {
  const { body, principal, scope, actor } = req;
  const units = new UnitRepository(scope);
  const parent = body.parentCode ? await units.get(body.parentCode) : undefined;
  if (body.parentCode && !parent) throw new DomainError('unit_not_found', { code: body.parentCode });
  const problem = parentProblem(body.kind, parent?.kind);
  if (problem) throw new DomainError(problem, { kind: body.kind, parentKind: parent?.kind ?? '-' });
  if (!canCreateUnitUnder(principal, actor.unitPath, parent?.path)) throw forbidden(reasons.notAdminHere);
  const { unit, replayed } = await units.create(
    { code: body.code, name: body.name, kind: body.kind, ...(parent ? { parentCode: parent.code } : {}), path: unitPath(parent?.path, body.code) },
    writeContext(req),
  );
  return createdOrReplayed(unit, replayed);
});

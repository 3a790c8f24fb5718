import { addServiceHours } from '#shared/api/services';
import { managedUnit } from '#shared/app/access';
import { hoursProblems } from '#shared/domain/service-hours';
import { DomainError } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { ServiceCatalogueRepository } from '#shared/store/service-catalogue';

export const handler = userHandler(addServiceHours, async (req) => {
  const unit = await managedUnit(req, req.params.code);
  const { effectiveFrom, weekly, reason, expectedVersion } = req.body;
  const problems = hoursProblems(weekly);
  if (problems.length) throw new DomainError('service_hours_invalid', { problems: problems.map((p) => `${p.day}: ${p.problem}`).join(', ') }, problems);
  const saved = await new ServiceCatalogueRepository(req.scope).saveHours(unit.code, { effectiveFrom, weekly }, reason, expectedVersion, writeContext(req));
  return json(saved, expectedVersion === undefined ? 201 : 200);
});

import { openYear } from '#shared/api/plans';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { created, userHandler, writeContext } from '#shared/http/handler';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(openYear, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const { year, rules } = await new YearRepository(req.scope).open(req.body.year, req.body.cadence, writeContext(req));
  return created({ ...year, rules });
});

import { getEmployeeServiceIndicators } from '#shared/api/services';
import { readableEmployee } from '#shared/app/access';
import { indicatorsOf } from '#shared/domain/service-indicators';
import { json, userHandler } from '#shared/http/handler';
import { ServiceTotalsRepository } from '#shared/store/service-totals';
import { YearRepository } from '#shared/store/years';

/** An officer's service indicators in a period: combined over the units served, and per unit. */
export const handler = userHandler(getEmployeeServiceIndicators, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const [period, totals] = await Promise.all([
    new YearRepository(req.scope).findPeriod(req.params.periodId),
    new ServiceTotalsRepository(req.scope).officer(target.nip, req.params.periodId),
  ]);
  return json({
    nip: target.nip,
    periodId: period.id,
    combined: indicatorsOf(totals.combined),
    units: [...totals.byUnit].map(([unitCode, t]) => ({ unitCode, ...indicatorsOf(t) })),
  });
});

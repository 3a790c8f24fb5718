import { getDistribution } from '#shared/api/evaluations';
import { isOrgWideReader, reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { distributionReport } from '#shared/app/distribution';
import { YearRepository } from '#shared/store/years';

/** BKPSDM and auditors: the distribution check of a period, before (and after) finalisation. */
export const handler = userHandler(getDistribution, async (req) => {
  if (!isOrgWideReader(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  const { report } = await distributionReport(req.scope, period.id);
  return json({ ...report, periodState: period.state });
});

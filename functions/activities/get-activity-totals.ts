import { getActivityTotals } from '#shared/api/activities';
import { readableEmployee } from '#shared/app/access';
import { versionInForce } from '#shared/domain/plans';
import { indicatorsOf, realisasiOf } from '#shared/domain/service-indicators';
import { ServiceTotalsRepository } from '#shared/store/service-totals';
import { json, userHandler } from '#shared/http/handler';
import { ActivityRepository } from '#shared/store/activities';
import { PlanRepository } from '#shared/store/plans';
import { YearRepository } from '#shared/store/years';

/**
 * A plan's progress in a period: the running totals beside the targets of the plan in force at its end. IKI measured
 * from service data take the officer's service indicator named by their `serviceMetric`.
 */
export const handler = userHandler(getActivityTotals, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  const year = Number(period.id.slice(0, 4));
  const [totals, versions, service] = await Promise.all([
    new ActivityRepository(req.scope).totals(target.nip, period.id),
    new PlanRepository(req.scope).versions(target.nip, year),
    new ServiceTotalsRepository(req.scope).officer(target.nip, period.id),
  ]);
  const serviceIndicators = indicatorsOf(service.combined);
  const plan = versionInForce(versions, period.end) ?? versions.findLast((v) => v.state === 'approved' || v.state === 'superseded');
  const byIki = new Map(totals.iki.map((t) => [t.ikiId, t]));
  return json({
    ...totals.period,
    iki: (plan?.rhk ?? []).flatMap((r) =>
      r.iki.map((k) => ({
        rhkId: r.id,
        ikiId: k.id,
        name: k.name,
        target: k.target,
        unit: k.unit,
        source: k.source ?? 'manual',
        // Measured from service data: the officer's indicator in the period (null until there is data).
        realisasi: k.source === 'service' ? (k.serviceMetric ? realisasiOf(k.serviceMetric, serviceIndicators) : null) : (byIki.get(k.id)?.approvedQuantity ?? 0),
        approvedCount: byIki.get(k.id)?.approvedCount ?? 0,
      })),
    ),
  });
});

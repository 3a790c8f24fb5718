import { getActivityTotals } from '#shared/api/activities';
import { readableEmployee } from '#shared/auth/access';
import { versionInForce } from '#shared/domain/plans';
import { notFound } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { ActivityRepository } from '#shared/store/activities';
import { PlanRepository } from '#shared/store/plans';
import { YearRepository } from '#shared/store/years';

/** A plan's progress in a period: the running totals beside the targets of the plan in force at its end. */
export const handler = userHandler(getActivityTotals, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const year = Number(req.params.periodId.slice(0, 4));
  const performanceYear = await new YearRepository(req.scope).get(year);
  const period = performanceYear?.periods.find((p) => p.id === req.params.periodId);
  if (!period) throw notFound('period');
  const [totals, versions] = await Promise.all([new ActivityRepository(req.scope).totals(target.nip, period.id), new PlanRepository(req.scope).versions(target.nip, year)]);
  const plan = versionInForce(versions, period.end) ?? versions.findLast((v) => v.state === 'approved' || v.state === 'superseded');
  const byIki = new Map(totals.iki.map((t) => [t.ikiId, t]));
  return json({
    ...totals.period,
    iki: (plan?.rhk ?? []).flatMap((r) =>
      r.iki.map((k) => ({ rhkId: r.id, ikiId: k.id, name: k.name, target: k.target, unit: k.unit, realisasi: byIki.get(k.id)?.approvedQuantity ?? 0, approvedCount: byIki.get(k.id)?.approvedCount ?? 0 })),
    ),
  });
});

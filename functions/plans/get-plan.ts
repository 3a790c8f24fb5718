import { getPlan } from '#shared/api/plans';
import { readableEmployee } from '#shared/app/access';
import { versionInForce } from '#shared/domain/plans';
import { dayWithinYear } from '#shared/domain/time';
import { notFound } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(getPlan, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const versions = await new PlanRepository(req.scope).versions(target.nip, req.params.year);
  const latest = versions.at(-1);
  if (!latest) throw notFound('plan');
  return json({
    latest,
    // In force today, or — for a year not begun or already past — on its nearest day.
    inForce: versionInForce(versions, dayWithinYear(req.now, req.params.year)),
    versions: versions.map(({ planVersion, state, effectiveFrom, effectiveTo, reason }) => ({ planVersion, state, effectiveFrom, effectiveTo, reason })),
  });
});

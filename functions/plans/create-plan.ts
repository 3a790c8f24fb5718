import { createPlan } from '#shared/api/plans';
import { copyForNewYear, structureProblems, versionInForce } from '#shared/domain/plans';
import { dayWithinYear } from '#shared/domain/time';
import { DomainError } from '#shared/messages/errors';
import { created, userHandler, writeContext } from '#shared/http/handler';
import { ownPlanNip, planError, requireOpenYear } from '#shared/app/plans';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(createPlan, async (req) => {
  const nip = ownPlanNip(req.principal, req.params.nip);
  const { year } = req.params;
  await requireOpenYear(req.scope, year);
  const plans = new PlanRepository(req.scope);

  let rhk = req.body.rhk;
  if (req.body.copyFrom !== undefined) {
    const source = await plans.versions(nip, req.body.copyFrom);
    const from = versionInForce(source, dayWithinYear(req.now, req.body.copyFrom)) ?? source.at(-1);
    if (!from) throw new DomainError('copy_source_missing', { year: req.body.copyFrom });
    rhk = copyForNewYear(from.rhk);
  }
  const problems = structureProblems(rhk!);
  if (problems.length > 0) throw planError(problems);

  const plan = await plans.add(
    { nip, year, planVersion: 1, state: 'draft', rhk: rhk! },
    writeContext(req),
  );
  return created(plan);
});

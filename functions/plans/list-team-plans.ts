import { listTeamPlans } from '#shared/api/plans';
import { readableEmployee, teamOf } from '#shared/app/access';
import { versionInForce } from '#shared/domain/plans';
import { dayWithinYear } from '#shared/domain/time';
import { json, userHandler } from '#shared/http/handler';
import { PlanRepository } from '#shared/store/plans';
import { summary } from '#shared/store/summaries';

/** A supervisor's team, with where each plan stands: who has not written one, whose plan waits for a decision. */
export const handler = userHandler(listTeamPlans, async (req) => {
  const { target, relation } = await readableEmployee(req, req.params.nip);
  const visible = await teamOf(req, target, relation);

  const plans = new PlanRepository(req.scope);
  const onDay = dayWithinYear(req.now, req.params.year);
  const items = await Promise.all(
    visible.map(async (member) => {
      const versions = await plans.versions(member.nip as string, req.params.year);
      const latest = versions.at(-1);
      return {
        ...summary(member),
        state: latest?.state ?? 'none',
        ...(latest ? { planVersion: latest.planVersion } : {}),
        ...(versionInForce(versions, onDay) ? { inForceVersion: versionInForce(versions, onDay)!.planVersion } : {}),
        // Every member reports to a position held here, so a submitted plan waits for this supervisor.
        waitingForMe: latest?.state === 'submitted',
      };
    }),
  );
  items.sort((a, b) => Number(b.waitingForMe) - Number(a.waitingForMe) || a.nip.localeCompare(b.nip));
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
  return json({ items, counts });
});

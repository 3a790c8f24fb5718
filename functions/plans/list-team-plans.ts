import { listTeamPlans } from '#shared/api/plans';
import { readableEmployee } from '#shared/auth/access';
import { wibDate } from '#shared/domain/time';
import { json, userHandler } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { EmployeeRepository } from '#shared/store/employees';
import { PlanRepository } from '#shared/store/plans';
import { summary } from '#shared/store/summaries';

/** A supervisor's team, with where each plan stands: who has not written one, who waits for a decision. */
export const handler = userHandler(listTeamPlans, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const employees = new EmployeeRepository(req.scope);
  const plans = new PlanRepository(req.scope);
  // The positions held today: one's own, and those held as Plt/Plh.
  const holders = [target.nip, ...(await new ActingRepository(req.scope).actingForOn(target.nip, wibDate(req.now)))];
  const team = new Map((await Promise.all(holders.map((h) => employees.allDirectSubordinates(h)))).flat().map((e) => [e.nip as string, e]));
  team.delete(target.nip);

  const items = await Promise.all(
    [...team.values()].map(async (member) => {
      const plan = await plans.latest(member.nip as string, req.params.year);
      return {
        ...summary(member),
        state: plan?.state ?? 'none',
        ...(plan ? { planVersion: plan.planVersion } : {}),
        waitingForMe: plan?.state === 'submitted' && holders.includes(plan.supervisorNip ?? ''),
      };
    }),
  );
  items.sort((a, b) => Number(b.waitingForMe) - Number(a.waitingForMe) || a.nip.localeCompare(b.nip));
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
  return json({ items, counts });
});

import { listTeamPlans } from '#shared/api/plans';
import { readableEmployee } from '#shared/auth/access';
import { canReadEmployee } from '#shared/auth/policy';
import { versionInForce } from '#shared/domain/plans';
import { dayWithinYear, wibDate } from '#shared/domain/time';
import { json, userHandler } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { EmployeeRepository } from '#shared/store/employees';
import { PlanRepository } from '#shared/store/plans';
import { summary } from '#shared/store/summaries';

/** A supervisor's team, with where each plan stands: who has not written one, whose plan waits for a decision. */
export const handler = userHandler(listTeamPlans, async (req) => {
  const { target, relation } = await readableEmployee(req, req.params.nip);
  const self = target.nip === req.principal.nip;
  // The positions held today: one's own and, for oneself, those held as Plt/Plh.
  const holders = [target.nip, ...(self ? await new ActingRepository(req.scope).actingForOn(target.nip, wibDate(req.now)) : [])];
  const employees = new EmployeeRepository(req.scope);
  const members = new Map((await Promise.all(holders.map((h) => employees.allDirectSubordinates(h)))).flat().map((e) => [e.nip as string, e]));
  members.delete(target.nip);
  // Someone looking at another person's team sees only the members they may read themselves.
  const asCaller = relation === 'self' || relation === 'none' ? 'none' : 'indirect_supervisor';
  const visible = [...members.values()].filter(
    (m) => self || canReadEmployee(req.principal, { relation: asCaller, targetUnitPath: m.unitPath as string, actorUnitPath: req.actor.unitPath }),
  );

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

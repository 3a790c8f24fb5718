import { getTeamActivity } from '#shared/api/activities';
import { readableEmployee } from '#shared/auth/access';
import { canReadEmployee } from '#shared/auth/policy';
import { wibDate } from '#shared/domain/time';
import { json, userHandler } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { ActivityRepository } from '#shared/store/activities';
import { summary } from '#shared/store/summaries';
import { monitoringRow, periodForReading } from '#shared/store/activity-context';
import { EmployeeRepository } from '#shared/store/employees';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(getTeamActivity, async (req) => {
  const { target, relation } = await readableEmployee(req, req.params.nip);
  const period = await periodForReading(new YearRepository(req.scope), req.params.periodId);
  const self = target.nip === req.principal.nip;
  const holders = [target.nip, ...(self ? await new ActingRepository(req.scope).actingForOn(target.nip, wibDate(req.now)) : [])];
  const employees = new EmployeeRepository(req.scope);
  const members = new Map((await Promise.all(holders.map((h) => employees.allDirectSubordinates(h)))).flat().map((e) => [e.nip as string, e]));
  members.delete(target.nip);
  const asCaller = relation === 'self' || relation === 'none' ? 'none' : 'indirect_supervisor';
  const visible = [...members.values()].filter(
    (m) => self || canReadEmployee(req.principal, { relation: asCaller, targetUnitPath: m.unitPath as string, actorUnitPath: req.actor.unitPath }),
  );
  const repo = new ActivityRepository(req.scope);
  const rows = await Promise.all(visible.map((m) => monitoringRow(repo, summary(m), period, req.now)));
  rows.sort((a, b) => a.nip.localeCompare(b.nip));
  return json({ periodId: period.id, members: rows, loggedNothingThisWeek: rows.filter((r) => !r.loggedThisWeek).map((r) => r.nip) });
});

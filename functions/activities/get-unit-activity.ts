import { getUnitActivity } from '#shared/api/activities';
import { canMonitorUnit, reasons } from '#shared/auth/policy';
import { forbidden, notFound } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { ActivityRepository } from '#shared/store/activities';
import { summary } from '#shared/store/summaries';
import { monitoringRow, periodForReading } from '#shared/store/activity-context';
import { EmployeeRepository } from '#shared/store/employees';
import { UnitRepository } from '#shared/store/units';
import { YearRepository } from '#shared/store/years';

/** A unit subtree's monitoring rows and roll-up (the same audience as the unit's plans). */
export const handler = userHandler(getUnitActivity, async (req) => {
  const unit = await new UnitRepository(req.scope).get(req.params.code);
  if (!unit) throw notFound('unit');
  const members = await new EmployeeRepository(req.scope).allUnitMembers(unit.path);
  // The unit's heads are the members whose supervisor is outside it.
  const inUnit = new Set(members.map((m) => m.nip as string));
  const heads = members.filter((m) => !m.supervisorNip || !inUnit.has(m.supervisorNip as string)).map((m) => m.nip as string);
  if (!canMonitorUnit(req.principal, req.actor.unitPath, unit.path, heads.includes(req.principal.nip))) throw forbidden(reasons.notYourUnit);
  const period = await periodForReading(new YearRepository(req.scope), req.params.periodId);
  const repo = new ActivityRepository(req.scope);
  const rows = await Promise.all(members.map((m) => monitoringRow(repo, summary(m), period, req.now)));
  const sum = (k: 'pending' | 'approved' | 'rejected' | 'countedMinutes') => rows.reduce((s, r) => s + r[k], 0);
  return json({
    periodId: period.id,
    members: rows,
    totals: { pending: sum('pending'), approved: sum('approved'), rejected: sum('rejected'), countedMinutes: sum('countedMinutes') },
    loggedNothingThisWeek: rows.filter((r) => !r.loggedThisWeek).map((r) => r.nip),
  });
});

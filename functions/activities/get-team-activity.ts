import { getTeamActivity } from '#shared/api/activities';
import { readableEmployee, teamOf } from '#shared/app/access';
import { json, userHandler } from '#shared/http/handler';
import { ActivityRepository } from '#shared/store/activities';
import { summary } from '#shared/store/summaries';
import { monitoringRow } from '#shared/app/activities';
import { HolidayRepository } from '#shared/store/holidays';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(getTeamActivity, async (req) => {
  const { target, relation } = await readableEmployee(req, req.params.nip);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  const visible = await teamOf(req, target, relation);
  const repo = new ActivityRepository(req.scope);
  const holidays = await new HolidayRepository(req.scope).dates([Number(period.id.slice(0, 4))]);
  const rows = await Promise.all(visible.map((m) => monitoringRow(repo, summary(m), period, req.now, holidays)));
  rows.sort((a, b) => a.nip.localeCompare(b.nip));
  return json({ periodId: period.id, members: rows, loggedNothingThisWeek: rows.filter((r) => !r.loggedThisWeek).map((r) => r.nip) });
});

import { getUnitActivity } from '#shared/api/activities';
import { monitoredUnit } from '#shared/app/access';
import { json, userHandler } from '#shared/http/handler';
import { ActivityRepository } from '#shared/store/activities';
import { summary } from '#shared/store/summaries';
import { monitoringRow } from '#shared/app/activities';
import { HolidayRepository } from '#shared/store/holidays';
import { YearRepository } from '#shared/store/years';

/** A unit subtree's monitoring rows and roll-up (the same audience as the unit's plans). */
export const handler = userHandler(getUnitActivity, async (req) => {
  const { members } = await monitoredUnit(req, req.params.code);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  const repo = new ActivityRepository(req.scope);
  const holidays = await new HolidayRepository(req.scope).dates([Number(period.id.slice(0, 4))]);
  const rows = await Promise.all(members.map((m) => monitoringRow(repo, summary(m), period, req.now, holidays)));
  const sum = (k: 'pending' | 'approved' | 'rejected' | 'countedMinutes') => rows.reduce((s, r) => s + r[k], 0);
  return json({
    periodId: period.id,
    members: rows,
    totals: { pending: sum('pending'), approved: sum('approved'), rejected: sum('rejected'), countedMinutes: sum('countedMinutes') },
    loggedNothingThisWeek: rows.filter((r) => !r.loggedThisWeek).map((r) => r.nip),
  });
});

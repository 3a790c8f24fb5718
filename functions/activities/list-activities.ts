import { listActivities } from '#shared/api/activities';
import { readableEmployee } from '#shared/app/access';
import { defaultRules } from '#shared/domain/rules';
import { DomainError } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { ActivityRepository } from '#shared/store/activities';
import { YearRepository } from '#shared/store/years';

/** Up to about a quarter at once: a day, a week or a period is one key range of the person's partition. */
const MAX_DAYS = 93;

export const handler = userHandler(listActivities, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const { from, to } = req.query;
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (span < 0 || span >= MAX_DAYS) throw new DomainError('invalid_date_range', { startDate: from, endDate: to }, { maxDays: MAX_DAYS });
  const repo = new ActivityRepository(req.scope);
  const [items, days, rules] = await Promise.all([repo.range(target.nip, from, to), repo.days(target.nip, from, to), new YearRepository(req.scope).rules(Number(from.slice(0, 4)))]);
  return json({
    items,
    // Counted minutes as the running totals hold them (each day capped when it last changed).
    days: days.map(({ date, loggedMinutes, approvedMinutes, countedMinutes }) => ({ date, loggedMinutes, approvedMinutes, countedMinutes })),
    dailyMinuteCap: rules?.current.dailyMinuteCap ?? defaultRules.dailyMinuteCap,
  });
});

import { updateActivity } from '#shared/api/activities';
import { notFound } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { ActivityRepository, unverified } from '#shared/store/activities';
import { capNotice, checkTimes, dateRules, dayWithoutOverlap, ownActivityNip, planVersionFor, requireStatus } from '#shared/app/activities';
import { PlanRepository } from '#shared/store/plans';
import { YearRepository } from '#shared/store/years';
import { allInOrder } from '#shared/concurrency';

/** The owner fixes an entry not yet verified, or one that was rejected; it goes back to the queue as pending. */
export const handler = userHandler(updateActivity, async (req) => {
  const nip = ownActivityNip(req.principal, req.params.nip);
  const repo = new ActivityRepository(req.scope);
  const current = await repo.find(nip, req.params.id, req.params.date);
  if (!current) throw notFound('activity');
  requireStatus(current, 'edit', ['pending', 'rejected']);
  const { version, ...changes } = req.body;
  const next = { ...current, ...changes };

  const years = new YearRepository(req.scope);
  const minutes = checkTimes(next, req.now);
  // The old date must still be editable, and so must the new one; the reads are independent, and a request
  // breaking several rules always gets the first in this order.
  const [, { period, cap }, planVersion, day] = await allInOrder([
    current.date === next.date ? Promise.resolve(undefined) : dateRules(years, current.date, req.now),
    dateRules(years, next.date, req.now),
    planVersionFor(new PlanRepository(req.scope), nip, next),
    dayWithoutOverlap(repo, nip, next),
  ]);

  const rest = unverified(next);
  const updated = await repo.apply(
    {
      before: current,
      after: { ...rest, minutes, periodId: period.id, year: Number(next.date.slice(0, 4)), planVersion, status: 'pending', supervisorNip: req.actor.supervisorNip ?? null },
      expectedVersion: version,
    },
    cap,
    writeContext(req),
    new Map([[next.date, day]]),
  );
  const logged = day.loggedMinutes + minutes - (current.date === next.date && current.status !== 'rejected' ? current.minutes : 0);
  const notice = capNotice(next.date, logged, cap, req.lang);
  return json({ activity: updated, ...(notice ? { notice } : {}) });
});

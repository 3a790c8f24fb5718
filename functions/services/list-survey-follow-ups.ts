import { listSurveyFollowUps } from '#shared/api/services';
import { monitoredUnit } from '#shared/app/access';
import { json, userHandler } from '#shared/http/handler';
import { SurveyRepository } from '#shared/store/surveys';

/** Complaints and low ratings of a unit, newest first, with whether the 2×24-hour follow-up is overdue. */
export const handler = userHandler(listSurveyFollowUps, async (req) => {
  const { unit } = await monitoredUnit(req, req.params.code);
  const page = await new SurveyRepository(req.scope).followUps(unit.code, req.query.limit ?? 25, req.query.cursor);
  const now = req.now.toISOString();
  const items = page.items
    .filter((f) => !req.query.status || f.status === req.query.status)
    .map((f) => ({ ...f, overdue: f.status === 'open' && f.dueAt < now }));
  return json({ items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
});

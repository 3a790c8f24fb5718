import { deleteActivity } from '#shared/api/activities';
import { notFound } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { ActivityRepository } from '#shared/store/activities';
import { dateRules, ownActivityNip, requireStatus } from '#shared/app/activities';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(deleteActivity, async (req) => {
  const nip = ownActivityNip(req.principal, req.params.nip);
  const repo = new ActivityRepository(req.scope);
  const current = await repo.find(nip, req.params.id, req.params.date);
  if (!current) throw notFound('activity');
  requireStatus(current, 'delete', ['pending', 'rejected']);
  const { cap } = await dateRules(new YearRepository(req.scope), current.date, req.now);
  await repo.apply({ before: current, expectedVersion: req.query.version }, cap, writeContext(req));
  return json({ deleted: true });
});

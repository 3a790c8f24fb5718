import { getVerificationQueue } from '#shared/api/activities';
import { resolveNip } from '#shared/auth/access';
import { wibDate } from '#shared/domain/time';
import { forbidden } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { ActivityRepository } from '#shared/store/activities';
import { reasonsActivity } from '#shared/store/activity-context';

/** One key range of the verification index: the position's pending entries, oldest first. */
export const handler = userHandler(getVerificationQueue, async (req) => {
  if (resolveNip(req.principal, req.params.nip) !== req.principal.nip) throw forbidden(reasonsActivity.queueOwnOnly);
  const position = req.query.as ?? req.principal.nip;
  if (position !== req.principal.nip && !(await new ActingRepository(req.scope).actingForOn(req.principal.nip, wibDate(req.now))).has(position)) {
    throw forbidden(reasonsActivity.notActing);
  }
  const page = await new ActivityRepository(req.scope).queue(position, req.query.limit ?? 25, req.query.cursor);
  return json({ items: page.items.map(ActivityRepository.fromItem), nextCursor: page.nextCursor });
});

import { getVerificationQueue } from '#shared/api/activities';
import { ownNip } from '#shared/app/access';
import { isBkpsdm, reasons } from '#shared/auth/policy';
import { wibDate } from '#shared/domain/time';
import { forbidden } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';
import { ActivityRepository } from '#shared/store/activities';
import { EmployeeRepository } from '#shared/store/employees';

/** One key range of the verification index: the position's pending entries, oldest first. */
export const handler = userHandler(getVerificationQueue, async (req) => {
  ownNip(req.principal, req.params.nip, reasons.ownQueueOnly);
  const as = req.query.as ?? req.principal.nip;
  if (as === 'none' && !isBkpsdm(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  if (as !== 'none' && as !== req.principal.nip && !(await new ActingRepository(req.scope).actingForOn(req.principal.nip, wibDate(req.now))).has(as)) {
    throw forbidden(reasons.notActing);
  }
  const position = as === 'none' ? null : as;
  const page = await new ActivityRepository(req.scope).queue(position, req.query.limit ?? 25, req.query.cursor);
  const entries = page.items.map(ActivityRepository.fromItem);
  // Someone who has since moved to another supervisor is no longer this queue's (a stream consumer moves their
  // entries); never show their entries here meanwhile.
  const owners = await new EmployeeRepository(req.scope).getMany(entries.map((e) => e.nip));
  const stillHere = entries.filter((e) => (owners.get(e.nip)?.supervisorNip ?? null) === position);
  return json({ items: stillHere, nextCursor: page.nextCursor });
});

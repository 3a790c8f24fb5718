import { listActingAssignments } from '#shared/api/people';
import { readableEmployee } from '#shared/app/access';
import { json, userHandler } from '#shared/http/handler';
import { ActingRepository } from '#shared/store/acting';

export const handler = userHandler(listActingAssignments, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  return json(await new ActingRepository(req.scope).heldBy(target.nip, req.query.limit ?? 25, req.query.cursor));
});

import { createActingAssignment } from '#shared/api/people';
import * as people from '#shared/app/people';
import { createdOrReplayed, userHandler } from '#shared/http/handler';

export const handler = userHandler(createActingAssignment, async (req) => {
  const { assignment, replayed } = await people.createActingAssignment(req, req.params.nip, req.body);
  return createdOrReplayed(assignment, replayed);
});

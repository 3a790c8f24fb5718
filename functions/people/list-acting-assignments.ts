import { listActingAssignments } from '#shared/api/people';
import * as people from '#shared/app/people';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listActingAssignments, async (req) =>
  json(await people.listActingAssignments(req, req.params.nip, req.query)),
);

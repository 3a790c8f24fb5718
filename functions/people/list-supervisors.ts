import { listSupervisors } from '#shared/api/people';
import * as people from '#shared/app/people';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listSupervisors, async (req) =>
  json(await people.listSupervisors(req, req.params.nip)),
);

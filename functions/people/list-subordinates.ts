import { listSubordinates } from '#shared/api/people';
import * as people from '#shared/app/people';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listSubordinates, async (req) =>
  json(await people.listSubordinates(req, req.params.nip, req.query)),
);

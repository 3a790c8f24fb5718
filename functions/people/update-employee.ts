import { updateEmployee } from '#shared/api/people';
import * as people from '#shared/app/people';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(updateEmployee, async (req) =>
  json(await people.updateEmployee(req, req.params.nip, req.body)),
);

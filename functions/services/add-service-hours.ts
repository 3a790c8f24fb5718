import { addServiceHours } from '#shared/api/services';
import { addUnitServiceHours } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(addServiceHours, async (req) =>
  json(await addUnitServiceHours(req, req.params.code, req.body), req.body.expectedVersion === undefined ? 201 : 200),
);

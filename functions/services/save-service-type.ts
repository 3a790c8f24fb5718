import { saveServiceType } from '#shared/api/services';
import { saveUnitServiceType } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(saveServiceType, async (req) =>
  json(
    await saveUnitServiceType(req, req.params.code, req.params.type, req.body),
    req.body.expectedVersion === undefined ? 201 : 200,
  ),
);

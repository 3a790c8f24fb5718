import { updateRules } from '#shared/api/plans';
import * as periods from '#shared/app/periods';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(updateRules, async (req) =>
  json(await periods.updateRules(req, req.params.year, req.body)),
);

import { importEmployees } from '#shared/api/people';
import * as people from '#shared/app/people';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(importEmployees, async (req) =>
  json(await people.importEmployees(req, req.rawBody, { dryRun: req.query.dryRun === 'true' })),
);

import { listAudit } from '#shared/api/audit';
import { organisationAudit } from '#shared/app/audit';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listAudit, async (req) =>
  json(await organisationAudit(req, req.query.month, req.query)),
);

import { listRecordAudit } from '#shared/api/audit';
import { recordAudit } from '#shared/app/audit';
import { json, userHandler } from '#shared/http/handler';

/** The history of one record, newest first: auditors only. */
export const handler = userHandler(listRecordAudit, async (req) =>
  json(await recordAudit(req, req.query.entity, req.query.entityId, req.query)),
);

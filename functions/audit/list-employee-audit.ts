import { listEmployeeAudit } from '#shared/api/audit';
import { employeeAudit } from '#shared/app/audit';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listEmployeeAudit, async (req) =>
  json(await employeeAudit(req, req.params.nip, req.query)),
);

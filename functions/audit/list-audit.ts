import { listAudit } from '#shared/api/audit';
import { canReadOrgAudit, reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { AuditRepository } from '#shared/store/audit';

export const handler = userHandler(listAudit, async ({ principal, scope, query }) => {
  if (!canReadOrgAudit(principal)) throw forbidden(reasons.auditorsOnly);
  return json(await new AuditRepository(scope).inMonth(query.month, query.limit ?? 25, query.cursor));
});

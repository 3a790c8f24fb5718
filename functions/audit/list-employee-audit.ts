import { listEmployeeAudit } from '#shared/api/audit';
import { resolveNip } from '#shared/app/access';
import { canReadAuditOf, reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { AuditRepository } from '#shared/store/audit';

export const handler = userHandler(listEmployeeAudit, async ({ principal, scope, params, query }) => {
  const nip = resolveNip(principal, params.nip);
  if (!canReadAuditOf(principal, nip)) throw forbidden(reasons.auditOfOthers);
  return json(await new AuditRepository(scope).concerning(nip, query.limit ?? 25, query.cursor));
});

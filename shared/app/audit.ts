/** The audit trail: recorded from the table's stream, read by auditors and by the employee it concerns. */

import { canReadAuditOf, canReadOrgAudit, reasons } from '../auth/policy.ts';
import { type AuditEntry, auditEntryFrom, type StreamChange } from '../domain/audit.ts';
import { forbidden } from '../messages/errors.ts';
import { AuditRepository } from '../store/audit.ts';
import { OrgScope, type Page } from '../store/org-scope.ts';
import { resolveNip } from './access.ts';
import type { UseCaseContext } from './context.ts';

interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** The organisation's log of one month (WIB), newest first: auditors only. */
export async function organisationAudit(
  ctx: UseCaseContext,
  month: string,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  if (!canReadOrgAudit(ctx.principal)) throw forbidden(reasons.auditorsOnly);
  return new AuditRepository(ctx.scope).inMonth(month, page.limit ?? 25, page.cursor);
}

/** Every change concerning one employee, newest first: auditors and the employee themself. */
export async function employeeAudit(
  ctx: UseCaseContext,
  nipParam: string,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  const nip = resolveNip(ctx.principal, nipParam);
  if (!canReadAuditOf(ctx.principal, nip)) throw forbidden(reasons.auditOfOthers);
  return new AuditRepository(ctx.scope).concerning(nip, page.limit ?? 25, page.cursor);
}

/** One stream record → one audit entry, stored once however often the record is delivered. */
export async function recordAuditEntry(change: StreamChange): Promise<'stored' | 'duplicate' | 'ignored'> {
  const entry = auditEntryFrom(change);
  if (!entry) return 'ignored';
  return new AuditRepository(new OrgScope(entry.orgId)).append(entry);
}

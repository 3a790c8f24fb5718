/** The audit trail: recorded from the table's stream, read by auditors and by the employee it concerns. */

import { randomUUID } from 'node:crypto';
import { canReadAuditOf, canReadOrgAudit, reasons } from '../auth/policy.ts';
import { type AuditEntry, auditEntryFrom, type StreamChange, wibSpan } from '../domain/audit.ts';
import { forbidden } from '../messages/errors.ts';
import { AuditRepository } from '../store/audit.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { OrgScope, type Page } from '../store/org-scope.ts';
import { resolveNip } from './access.ts';
import { type PageRequest, type UseCaseContext, writeContextOf } from './context.ts';

/** A person's actor id (`nip:…`) gives their NIP; systems and agency clients have none. */
const actorNip = (actor: string) => (actor.startsWith('nip:') ? actor.slice(4) : undefined);

/** Names beside the acting person and the employee concerned, read in one batch; null for systems and clients. */
async function withNames(scope: OrgScope, page: Page<AuditEntry>) {
  const names = await new EmployeeRepository(scope).namesOf(
    page.items.flatMap((e) => [actorNip(e.actor), e.subjectNip].filter((n): n is string => n !== undefined)),
  );
  const nameOf = (nip: string | undefined) => (nip ? (names.get(nip) ?? null) : null);
  return {
    ...page,
    items: page.items.map((e) => ({ ...e, actorName: nameOf(actorNip(e.actor)), subjectName: nameOf(e.subjectNip) })),
  };
}

/** When: a WIB month, optionally one day of it (both served by the sort key's time range). */
export interface AuditWhen {
  month?: string;
  day?: number;
}

const empty: Page<AuditEntry> = { items: [] };

/** The organisation's log of one month (WIB), or one day of it, newest first: auditors only. */
export async function organisationAudit(ctx: UseCaseContext, month: string, page: PageRequest & { day?: number }) {
  if (!canReadOrgAudit(ctx.principal)) throw forbidden(reasons.auditorsOnly);
  const span = wibSpan(month, page.day);
  if (!span) return withNames(ctx.scope, empty);
  const repo = new AuditRepository(ctx.scope);
  return withNames(ctx.scope, await repo.inMonth(month, page.limit ?? 25, page.cursor, page.day ? span : undefined));
}

/** Every change concerning one employee, newest first (in a WIB month or one day of it, when asked): auditors and the employee themself. */
export async function employeeAudit(ctx: UseCaseContext, nipParam: string, page: PageRequest & AuditWhen) {
  const nip = resolveNip(ctx.principal, nipParam);
  if (!canReadAuditOf(ctx.principal, nip)) throw forbidden(reasons.auditOfOthers);
  const span = page.month ? wibSpan(page.month, page.day) : undefined;
  if (page.month && !span) return withNames(ctx.scope, empty);
  return withNames(
    ctx.scope,
    await new AuditRepository(ctx.scope).concerning(nip, page.limit ?? 25, page.cursor, span),
  );
}

/** The history of one record (an entity and its id, as entries name them), newest first: auditors only. */
export async function recordAudit(ctx: UseCaseContext, entity: string, entityId: string, page: PageRequest) {
  if (!canReadOrgAudit(ctx.principal)) throw forbidden(reasons.auditorsOnly);
  return withNames(
    ctx.scope,
    await new AuditRepository(ctx.scope).ofRecord(entity, entityId, page.limit ?? 25, page.cursor),
  );
}

/** One stream record → one audit entry, stored once however often the record is delivered. */
export async function recordAuditEntry(change: StreamChange): Promise<'stored' | 'duplicate' | 'ignored'> {
  const entry = auditEntryFrom(change);
  if (!entry) return 'ignored';
  return new AuditRepository(new OrgScope(entry.orgId)).append(entry);
}

/** A document served: which (`document`, e.g. `recap:DISDUKCAPIL:2026-11`), whom it concerns, what it held. */
export interface Download {
  document: string;
  subjectNip?: string;
  details: Record<string, unknown>;
}

/**
 * A read worth the trail (a document served, another person's signals seen) leaves no record in the main table, so
 * no stream record: the serving use case appends the entry itself, before the answer goes out, in the stream's shape
 * (`after` = what was shown), so the audit pages and their schema read it as any other entry.
 */
export async function recordRead(
  ctx: UseCaseContext,
  read: {
    entity: string;
    entityId: string;
    action: 'created' | 'viewed';
    subjectNip?: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  const { actor, now, requestId } = writeContextOf(ctx);
  await new AuditRepository(ctx.scope).append({
    id: `${read.entity === 'Download' ? 'download' : 'view'}-${randomUUID()}`,
    orgId: ctx.scope.orgId,
    at: now,
    entity: read.entity,
    entityId: read.entityId,
    action: read.action,
    actor,
    requestId,
    ...(read.subjectNip ? { subjectNip: read.subjectNip } : {}),
    changedFields: Object.keys(read.details).sort(),
    after: read.details,
  });
}

/** A download: a `Download` record created, named by the document. */
export const recordDownload = (ctx: UseCaseContext, download: Download): Promise<void> =>
  recordRead(ctx, { entity: 'Download', entityId: download.document, action: 'created', ...download });

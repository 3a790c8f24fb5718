import type { AuditEntry } from '../domain/audit.ts';
import { wibMonth } from '../domain/time.ts';
import { type Item, isConditionalFailure, type OrgScope, type Page, withoutKeys } from './org-scope.ts';

/**
 * The append-only audit log (its own table, written only by the stream consumer). Keys:
 *   pk ORG#o#AUDIT#<entity>#<entityId> / <at>#<eventId>      history of one record
 *   gsi1 ORG#o#AUDITPERSON#<nip> / <at>#<eventId>            everything concerning a person
 *   gsi2 ORG#o#AUDITMONTH#<yyyy-mm WIB> / <at>#<eventId>     the organisation's log by month (auditors)
 */
export class AuditRepository {
  constructor(private readonly scope: OrgScope) {}

  /** Idempotent: a stream record delivered twice is stored once (its event id is part of the key). */
  async append(entry: AuditEntry): Promise<'stored' | 'duplicate'> {
    const sk = `${entry.at}#${entry.id}`;
    const item: Item = {
      pk: this.scope.key('AUDIT', entry.entity, entry.entityId),
      sk,
      ...(entry.subjectNip ? { gsi1pk: this.scope.key('AUDITPERSON', entry.subjectNip), gsi1sk: sk } : {}),
      gsi2pk: this.scope.key('AUDITMONTH', wibMonth(new Date(entry.at))),
      gsi2sk: sk,
      ...entry,
    };
    try {
      await this.scope.put('audit', item, { expression: 'attribute_not_exists(pk)' });
      return 'stored';
    } catch (err) {
      if (isConditionalFailure(err)) return 'duplicate';
      throw err;
    }
  }

  private static page(p: Page<Item>): Page<AuditEntry> {
    return {
      items: p.items.map((i) => {
        const { orgId: _o, ...rest } = withoutKeys(i);
        return rest as unknown as AuditEntry;
      }),
      nextCursor: p.nextCursor,
    };
  }

  /** `span`: only the entries of that time range (UTC ISO, see wibSpan), from the sort key. */
  async concerning(nip: string, limit = 25, cursor?: string, span?: [string, string]): Promise<Page<AuditEntry>> {
    return AuditRepository.page(
      await this.scope.query('audit', {
        index: 'gsi1',
        pk: this.scope.key('AUDITPERSON', nip),
        ...(span ? { between: span } : {}),
        limit,
        cursor,
        newestFirst: true,
      }),
    );
  }

  async inMonth(month: string, limit = 25, cursor?: string, span?: [string, string]): Promise<Page<AuditEntry>> {
    return AuditRepository.page(
      await this.scope.query('audit', {
        index: 'gsi2',
        pk: this.scope.key('AUDITMONTH', month),
        ...(span ? { between: span } : {}),
        limit,
        cursor,
        newestFirst: true,
      }),
    );
  }

  async ofRecord(entity: string, entityId: string, limit = 25, cursor?: string): Promise<Page<AuditEntry>> {
    return AuditRepository.page(
      await this.scope.query('audit', {
        pk: this.scope.key('AUDIT', entity, entityId),
        limit,
        cursor,
        newestFirst: true,
      }),
    );
  }
}

/**
 * The audit page's reads. Each filter goes to the API where a key serves it — the organisation's month (and day),
 * a person's trail (by month and day), one record's history — a page at a time; the actor, and the record kind
 * without an id, are filtered here among the entries loaded (no key serves them).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type AuditEntry = components['schemas']['AuditEntry'];

/** What the person asked for, as applied. */
export interface AuditFilter {
  month: string;
  /** YYYY-MM-DD (WIB), or '' for the whole month. */
  date: string;
  nip: string;
  entity: string;
  entityId: string;
  actor: string;
}

/** Which API read serves the filter: a record's history, a person's trail, or the organisation's month. */
export const sourceOf = (f: AuditFilter) =>
  f.entity && f.entityId ? 'record' : f.nip ? 'person' : ('org' as 'record' | 'person' | 'org');

export function useAuditEntries(f: AuditFilter) {
  const api = useApi();
  const { lang } = useI18n();
  const month = f.date ? f.date.slice(0, 7) : f.month;
  const day = f.date ? Number(f.date.slice(8)) : undefined;
  const source = sourceOf(f);
  return useInfiniteQuery({
    queryKey: ['audit', source, month, day, f.nip, f.entity, f.entityId, lang],
    queryFn: ({ pageParam }) => {
      const cursor = pageParam ? { cursor: pageParam } : {};
      if (source === 'record')
        return unwrap(
          api.GET('/audit/record', { params: { query: { entity: f.entity, entityId: f.entityId, ...cursor } } }),
        );
      if (source === 'person')
        return unwrap(
          api.GET('/employees/{nip}/audit', {
            params: {
              path: { nip: f.nip },
              query: { ...(month ? { month } : {}), ...(month && day ? { day } : {}), ...cursor },
            },
          }),
        );
      return unwrap(api.GET('/audit', { params: { query: { month, ...(day ? { day } : {}), ...cursor } } }));
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The entries loaded that match what no key serves: the actor (NIP or name) and a record kind without an id. */
export function locallyFiltered(entries: AuditEntry[], f: AuditFilter): AuditEntry[] {
  const actor = f.actor.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (!f.entity || e.entity === f.entity) &&
      (!actor || e.actor.toLowerCase().includes(actor) || (e.actorName ?? '').toLowerCase().includes(actor)),
  );
}

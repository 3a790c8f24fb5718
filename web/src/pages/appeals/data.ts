/**
 * The appeals page's reads and writes: the queue (GET /appeals, oldest first, a page at a time), and the decision
 * (POST …/appeal/decision), which refreshes the queue and the evaluation it changed. Query keys carry the language.
 */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { type Translate, useI18n } from '../../i18n';
import type { Rating } from '../evaluation/data';
import { useRefreshEvaluations } from '../evaluation/data';

export type PendingAppeal = components['schemas']['PendingAppeal'];
const QUEUE = 'appeals';

export function useAppealQueue() {
  const api = useApi();
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: [QUEUE, lang],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/appeals', { params: { query: pageParam ? { cursor: pageParam } : {} } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
  });
}

export interface Decision {
  outcome: 'upheld' | 'revised';
  reason: string;
  hasilKerja?: Rating;
  perilaku?: Rating;
}

export function useDecideAppeal(nip: string, periodId: string) {
  const api = useApi();
  const queries = useQueryClient();
  const refresh = useRefreshEvaluations();
  return useMutation({
    mutationFn: (body: Decision) =>
      unwrap(
        api.POST('/employees/{nip}/evaluations/{periodId}/appeal/decision', {
          params: { path: { nip, periodId } },
          body,
        }),
      ),
    onSuccess: () => Promise.all([refresh(), queries.invalidateQueries({ queryKey: [QUEUE] })]),
  });
}

/** "November 2026", "Triwulan 4 2026", "Tahunan 2026" from a period id (2026-11, 2026-Q4, 2026). */
export function periodLabel(periodId: string, t: Translate, locale: string): string {
  const year = periodId.slice(0, 4);
  const quarter = /^\d{4}-Q([1-4])$/.exec(periodId);
  if (quarter) return t('evaluation.periodQuarter', { quarter: quarter[1]!, year });
  if (/^\d{4}-\d{2}$/.test(periodId))
    return new Date(`${periodId}-01T00:00:00Z`).toLocaleDateString(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return t('evaluation.periodYear', { year });
}

/** Where one appeal opens: the queue's page with the employee and period in the address. */
export const appealHref = (nip: string, periodId: string) =>
  `/keberatan?${new URLSearchParams({ pegawai: nip, periode: periodId })}`;

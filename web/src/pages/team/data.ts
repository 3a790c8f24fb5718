/**
 * The Tim page's reads of the API, for `me` as supervisor: the verification queue (page by page, and in full for
 * the home page's count) and the direct subordinates' plans of a year. Kept apart from the page components so
 * the home page, in the first-load chunk, can ask the same questions without carrying the pages.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type TeamPlanEntry = components['schemas']['TeamPlanEntry'];

export const QUEUE = 'verification-queue';
/** The API's largest page: the full count takes as few calls as it can. */
const FULL_PAGE = 100;

/** The pending entries of one's direct subordinates, oldest first, a page (the API's default size) at a time. */
export function useVerificationQueue() {
  const api = useApi();
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: [QUEUE, lang],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/employees/{nip}/verification-queue', {
          params: { path: { nip: 'me' }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** How many entries wait in the queue, every page followed, and the date of the oldest (undefined when none). */
export function useQueueSummary(enabled = true) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: [QUEUE, 'summary', lang],
    queryFn: async () => {
      let count = 0;
      let oldest: string | undefined;
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/employees/{nip}/verification-queue', {
            params: { path: { nip: 'me' }, query: { limit: FULL_PAGE, ...(cursor ? { cursor } : {}) } },
          }),
        );
        count += page.items.length;
        for (const e of page.items) if (oldest === undefined || e.date < oldest) oldest = e.date;
        cursor = page.nextCursor;
      } while (cursor);
      return { count, oldest };
    },
    enabled,
  });
}

/** Each direct subordinate's plan of `year` with where it stands; `waitingForMe` when submitted to me. */
export function useTeamPlans(year: number, enabled = true) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['team-plans', year, lang],
    queryFn: () => unwrap(api.GET('/employees/{nip}/team-plans/{year}', { params: { path: { nip: 'me', year } } })),
    enabled,
  });
}

/**
 * The inbox's read of the API: the unread count (for the menu's badge: asked every minute and whenever the window
 * gets the focus back) and the notifications, newest first, page by page. Marking read refreshes both.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type Notification = components['schemas']['Notification'];

const INBOX = 'notifications';
const PAGE_SIZE = 20;
const BADGE_EVERY_MS = 60_000;

/** How many notifications wait unread; undefined until known. */
export function useUnreadCount(): number | undefined {
  const api = useApi();
  const count = useQuery({
    queryKey: [INBOX, 'unread'],
    queryFn: async () =>
      (await unwrap(api.GET('/me/notifications', { params: { query: { unread: 'true', limit: 1 } } }))).unreadCount,
    refetchInterval: BADGE_EVERY_MS,
    refetchOnWindowFocus: 'always',
  });
  return count.data;
}

/** The notifications, newest first, PAGE_SIZE at a time ("more" fetches the next page). */
export function useInbox() {
  const api = useApi();
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: [INBOX, 'list', lang],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/me/notifications', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: BADGE_EVERY_MS,
    refetchOnWindowFocus: 'always',
  });
}

/** Marks the ids given, or all, read; then the list and the badge are asked again. */
export function useMarkRead() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      unwrap(api.POST('/me/notifications/read', { body: which })),
    onSuccess: (result) => {
      queries.setQueryData([INBOX, 'unread'], result.unreadCount);
      return queries.invalidateQueries({ queryKey: [INBOX] });
    },
  });
}

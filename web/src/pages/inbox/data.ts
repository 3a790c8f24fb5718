/**
 * The inbox's read of the API: the unread count (for the menu's badge: asked every minute and whenever the window
 * gets the focus back) and the notifications, newest first, page by page. Marking read refreshes both.
 */
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

type Which = { ids: string[] } | { all: true };
type InboxPages = InfiniteData<{ items: Notification[]; nextCursor?: string; unreadCount: number }>;

/**
 * Marks the ids given, or all, read. The list held and the badge change at once (so the two never disagree, even
 * in a list opened again before it is refetched); then both are asked again.
 */
export function useMarkRead() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (which: Which) => unwrap(api.POST('/me/notifications/read', { body: which })),
    onSuccess: (result, which) => {
      const marked = (n: Notification) => 'all' in which || which.ids.includes(n.id);
      queries.setQueryData([INBOX, 'unread'], result.unreadCount);
      queries.setQueriesData<InboxPages>({ queryKey: [INBOX, 'list'] }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                unreadCount: result.unreadCount,
                items: page.items.map((n) => (!n.read && marked(n) ? { ...n, read: true } : n)),
              })),
            }
          : data,
      );
      return queries.invalidateQueries({ queryKey: [INBOX] });
    },
  });
}

/**
 * The feedback page's read and writes of the API: the threads and dialogs of one employee ('me' or a team member,
 * newest first, page by page), the direct team by name, the RHK a feedback may be about, and the writes (give,
 * reply, acknowledge, record a dialog), each refreshing what it changed.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import type { DialogInput } from './dialog-input';

export type Feedback = components['schemas']['Feedback'];
export type Dialog = components['schemas']['Dialog'];
export type TeamMember = components['schemas']['Subordinate'];
export type FeedbackAbout =
  | { kind: 'general' }
  | { kind: 'period'; periodId: string }
  | { kind: 'rhk'; year: number; rhkId: string }
  | { kind: 'activity'; date: string; activityId: string };

const PAGE_SIZE = 10;

/** Feedback received by `nip` ('me' for one's own), newest first. */
export function useThreads(nip: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['feedback', nip, lang],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/employees/{nip}/feedback', {
          params: { path: { nip }, query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Performance dialogs of `nip`, newest first. */
export function useDialogs(nip: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['dialogs', nip, lang],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/employees/{nip}/dialogs', {
          params: { path: { nip }, query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The caller's direct subordinates, by name (a team larger than 100 is picked from its first 100). */
export function useTeam(enabled: boolean) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['team-members', lang],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/employees/{nip}/subordinates', {
            params: { path: { nip: 'me' }, query: { scope: 'direct', limit: 100 } },
          }),
        )
      ).items.sort((a, b) => a.name.localeCompare(b.name)),
    enabled,
  });
}

/** The RHK of a member's plan for `year` (the version in force, else the latest); none without a plan. */
export function useRhkOf(nip: string | undefined, year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['feedback-rhk', nip, year, lang],
    queryFn: async () => {
      try {
        const plan = await unwrap(api.GET('/employees/{nip}/plans/{year}', { params: { path: { nip: nip!, year } } }));
        return (plan.inForce ?? plan.latest).rhk.map((r) => ({ id: r.id, title: r.title }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return [];
        throw err;
      }
    },
    enabled: !!nip,
  });
}

function useRefresh() {
  const queries = useQueryClient();
  return (key: string, nip: string) => queries.invalidateQueries({ queryKey: [key, nip] });
}

export function useGiveFeedback(nip: string) {
  const api = useApi();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { about: FeedbackAbout; text: string }) =>
      unwrap(api.POST('/employees/{nip}/feedback', { params: { path: { nip } }, body })),
    onSuccess: () => refresh('feedback', nip),
  });
}

/** `nip` is the thread's owner as the page asked for it ('me' for one's own). */
export function useReply(nip: string, id: string) {
  const api = useApi();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { text: string; version: number }) =>
      unwrap(api.POST('/employees/{nip}/feedback/{id}/replies', { params: { path: { nip, id } }, body })),
    onSuccess: () => refresh('feedback', nip),
  });
}

export function useAcknowledge(id: string) {
  const api = useApi();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(
        api.POST('/employees/{nip}/feedback/{id}/acknowledge', {
          params: { path: { nip: 'me', id } },
          body: { version },
        }),
      ),
    onSuccess: () => refresh('feedback', 'me'),
  });
}

export function useRecordDialog(nip: string) {
  const api = useApi();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: DialogInput) =>
      unwrap(api.POST('/employees/{nip}/dialogs', { params: { path: { nip } }, body })),
    onSuccess: () => refresh('dialogs', nip),
  });
}

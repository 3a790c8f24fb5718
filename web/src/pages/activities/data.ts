/**
 * The activity page's reads and writes of the API (always for `me`). Query keys carry the language, as the
 * app's other hooks do; every write refreshes the entries and the period's totals.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Api, ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { enqueue, getSnapshot } from '../../offline/activityQueue';
import { useQueueOwner } from '../../offline/hooks';
import { type ActivityInput, isUnreachable, waiting } from '../../offline/queue';
import { yearOf } from './dates';

export type Activity = components['schemas']['Activity'];
export type PlanVersion = components['schemas']['PlanVersion'];
export type Rhk = PlanVersion['rhk'][number];
export type Notice = components['schemas']['ActivityWithNotice']['notice'];

/** What the form sends: the create body (as the API documents it), also the fields of an edit. */
export type { ActivityInput };

const me = { nip: 'me' } as const;

/** The plan in force for the year (undefined when there is none); 404 (no plan yet) is not an error here. */
export function usePlanInForce(year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['plan', 'me', year, lang],
    queryFn: async () => {
      try {
        return (await unwrap(api.GET('/employees/{nip}/plans/{year}', { params: { path: { ...me, year } } }))).inForce;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return undefined;
        throw err;
      }
    },
    placeholderData: keepPreviousData,
  });
}

/** Every entry from `from` to `to`, all pages (nextCursor followed). */
export function useActivities(from: string, to: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['activities', 'me', from, to, lang],
    queryFn: async () => {
      const items: Activity[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/employees/{nip}/activities', {
            params: { path: me, query: { from, to, limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    placeholderData: keepPreviousData,
  });
}

/** The period of the year's cadence that `date` falls in, then its running totals. */
export function useTotals(date: string) {
  const api = useApi();
  const { lang } = useI18n();
  const year = useQuery({
    queryKey: ['year', yearOf(date), lang],
    queryFn: () => unwrap(api.GET('/years/{year}', { params: { path: { year: yearOf(date) } } })),
  });
  const kind = year.data?.cadence === 'quarterly' ? 'quarter' : 'month';
  const periodId = year.data?.periods.find((p) => p.kind === kind && p.start <= date && date <= p.end)?.id;
  const totals = useQuery({
    queryKey: ['activity-totals', 'me', periodId, lang],
    queryFn: () =>
      unwrap(
        api.GET('/employees/{nip}/activity-totals/{periodId}', { params: { path: { ...me, periodId: periodId! } } }),
      ),
    enabled: periodId !== undefined,
  });
  return { year, totals };
}

function useRefreshAfterWrite() {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['activities'] }),
      queries.invalidateQueries({ queryKey: ['activity-totals'] }),
    ]);
}

/** POST one entry with its Idempotency-Key: the same key on every attempt makes the API store it once. */
export function postActivity(api: Api, body: ActivityInput, idempotencyKey: string) {
  return unwrap(
    api.POST('/employees/{nip}/activities', {
      params: { path: me, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

/** Sent (the API's answer), or kept on the device to be sent when the API can be reached (offline/). */
export type CreateResult =
  | ({ queued: false } & components['schemas']['ActivityWithNotice'])
  | { queued: true; body: ActivityInput };

export function useCreateActivity() {
  const api = useApi();
  const owner = useQueueOwner();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    // The key is made per submission by the caller; a queued entry keeps it for every later attempt.
    mutationFn: async ({ body, idempotencyKey }: { body: ActivityInput; idempotencyKey: string }) => {
      const queue = async (who: string): Promise<CreateResult> => {
        await enqueue({ key: idempotencyKey, owner: who, body, queuedAt: new Date().toISOString() });
        return { queued: true, body };
      };
      // No connection, or entries already waiting: this one goes behind them, so they are sent in order.
      if (owner && (!navigator.onLine || waiting(getSnapshot(), owner).length > 0)) return queue(owner);
      try {
        return { queued: false, ...(await postActivity(api, body, idempotencyKey)) } as CreateResult;
      } catch (err) {
        // A 4xx is the person's to fix now; no answer or a 5xx waits on the device and is sent again later.
        if (owner && isUnreachable(err)) return queue(owner);
        throw err;
      }
    },
    // Run offline too (TanStack pauses mutations offline by default): offline is when the entry is queued.
    networkMode: 'always',
    onSuccess: (result) => (result.queued ? undefined : refresh()),
  });
}

export function useUpdateActivity() {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ activity, body }: { activity: Activity; body: ActivityInput }) =>
      unwrap(
        api.PATCH('/employees/{nip}/activities/{date}/{id}', {
          params: { path: { ...me, date: activity.date, id: activity.id } },
          body: { ...body, version: activity.version },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDeleteActivity() {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (activity: Activity) =>
      unwrap(
        api.DELETE('/employees/{nip}/activities/{date}/{id}', {
          params: { path: { ...me, date: activity.date, id: activity.id }, query: { version: activity.version } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** RHK and IKI names of a plan, by id (entries show names, not ids). */
export function namesOf(plan: PlanVersion | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of plan?.rhk ?? []) {
    names.set(`rhk:${r.id}`, r.title);
    for (const k of r.iki) names.set(`iki:${r.id}/${k.id}`, k.name);
  }
  return names;
}

/**
 * The BKPSDM period page's reads and writes of the API: a year and its periods, the rules and their versions,
 * scoring runs (polled while they run), the distribution check, finalisation per OPD and the reward list with
 * its CSV. Query keys carry the language (the API's texts come in it); every write refreshes what it changed.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type FieldError, unwrap } from '../../api/client';
import { useDownload } from '../../api/download';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type Period = components['schemas']['Period'];
export type PerformanceYear = components['schemas']['PerformanceYear'];
export type RulesVersion = components['schemas']['RulesVersion'];
export type ScoringRun = components['schemas']['ScoringRun'];
export type Distribution = components['schemas']['Distribution'];
export type UnitDistribution = components['schemas']['UnitDistribution'];
export type CurveBound = components['schemas']['CurveBound'];
export type OpdState = components['schemas']['OpdFinalisationState'];
export type EvaluatedPerson = components['schemas']['EvaluatedPerson'];
export type Reward = components['schemas']['Reward'];
export type Unit = components['schemas']['Unit'];

/**
 * An API refusal with the parts of `details` that are not a list of field problems: a 409's `current` record, a
 * finalisation refusal's `people` and `count`. ApiError keeps only the field list; these pages need the rest.
 */
export class Refusal extends ApiError {
  constructor(
    base: ApiError,
    readonly raw: { current?: unknown; people?: EvaluatedPerson[]; count?: number },
  ) {
    super(base.status, base.code, base.message, base.details);
  }
}

/** Like `unwrap`, but a failure keeps the API's object-shaped `details` (see Refusal). */
async function unwrapRefusal<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const data = await unwrap(call).catch(async (err: unknown) => {
    if (!(err instanceof ApiError) || err.status === 0) throw err;
    const { error } = await call;
    const raw = (error as { error?: { details?: unknown } } | undefined)?.error?.details;
    throw new Refusal(err, raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Refusal['raw']) : {});
  });
  return data;
}

const notFoundAsNull = async <T>(read: Promise<T>): Promise<T | null> => {
  try {
    return await read;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
};

/** The year and its periods; null when the year is not opened yet (404). */
export function useYear(year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['periods-year', year, lang],
    queryFn: () => notFoundAsNull(unwrap(api.GET('/years/{year}', { params: { path: { year } } }))),
    placeholderData: keepPreviousData,
  });
}

/** After a write to a year: this page's read, and the other pages' (the same year under the key they share). */
function useRefreshYear() {
  const queries = useQueryClient();
  return () =>
    Promise.all(
      ['periods-year', 'year', 'evaluation-periods'].map((key) => queries.invalidateQueries({ queryKey: [key] })),
    );
}

export function useOpenYear() {
  const api = useApi();
  const refresh = useRefreshYear();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; cadence: 'monthly' | 'quarterly' }) => unwrap(api.POST('/years', { body })),
    onSuccess: () => Promise.all([refresh(), queries.invalidateQueries({ queryKey: ['periods-rules'] })]),
  });
}

export type PeriodChange = { version: number; state?: 'open' | 'closed' | 'scored'; inputDeadline?: string };

export function useUpdatePeriod(year: number, periodId: string) {
  const api = useApi();
  const refresh = useRefreshYear();
  return useMutation({
    mutationFn: (body: PeriodChange) =>
      unwrapRefusal(api.PATCH('/years/{year}/periods/{periodId}', { params: { path: { year, periodId } }, body })),
    onSuccess: refresh,
    // Someone changed it meanwhile: read it again now, so the next save goes against the version in force.
    onError: (err) => (err instanceof ApiError && err.status === 409 ? refresh() : undefined),
  });
}

/** The year's rules in force and every stored version, newest first; null when the year is not opened. */
export function useRules(year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['periods-rules', year, lang],
    queryFn: () => notFoundAsNull(unwrap(api.GET('/years/{year}/rules', { params: { path: { year } } }))),
  });
}

export type RulesInput = Pick<
  RulesVersion,
  | 'capaianCap'
  | 'aboveThreshold'
  | 'meetsThreshold'
  | 'dailyMinuteCap'
  | 'appealWindowDays'
  | 'inputDeadlineDay'
  | 'scoringDelayDays'
  | 'reminderAfterDays'
  | 'duplicateSimilarityPct'
  | 'duplicateMinDays'
  | 'capStreakDays'
  | 'lateWindowDays'
  | 'lateSharePct'
  | 'lateMinEntries'
  | 'overclaimRatioPct'
  | 'overclaimMinGap'
  | 'sharedOutputMinPeople'
  | 'bulkSeconds'
  | 'bulkMinEntries'
  | 'raterMinRated'
  | 'leniencyThresholdPct'
  | 'centralTendencyPct'
  | 'idleWorkingDays'
  | 'queueDeadlineDays'
  | 'adoptionMinPct'
>;

export function useUpdateRules(year: number) {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: RulesInput & { expectedRulesVersion: number; reason: string }) =>
      unwrap(api.PUT('/years/{year}/rules', { params: { path: { year } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['periods-rules', year] }),
    // Another version was set meanwhile: read the versions again; the form keeps what was typed.
    onError: (err) =>
      err instanceof ApiError && err.status === 409
        ? queries.invalidateQueries({ queryKey: ['periods-rules', year] })
        : undefined,
  });
}

/** The organisation's unit tree, in path order. */
export function useUnits() {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['units', lang],
    queryFn: () => unwrap(api.GET('/units')),
    staleTime: 5 * 60_000,
  });
}

export function useStartRun() {
  const api = useApi();
  return useMutation({
    mutationFn: (body: { periodId: string; unitCode?: string }) => unwrap(api.POST('/scoring-runs', { body })),
  });
}

/** How often a running run is asked again: often enough to look live, rarely enough for a phone. */
export const RUN_POLL_MS = 1_000;

/** A scoring run, asked again every RUN_POLL_MS until it is done; refreshes the period and its check then. */
export function useRun(periodId: string, runId: string | undefined) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['scoring-run', periodId, runId, lang],
    queryFn: () =>
      unwrap(
        api.GET('/scoring-runs/{periodId}/{runId}', {
          params: { path: { periodId, runId: runId as string } },
        }),
      ),
    enabled: !!runId,
    refetchInterval: (query) => (query.state.data?.state === 'done' ? false : RUN_POLL_MS),
  });
}

export const unitPredikats = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type UnitPredikat = (typeof unitPredikats)[number];

/** The leadership's rating of a unit, recorded by BKPSDM; once the period is scored the unit is scored again. */
export function useSetUnitPredikat(periodId: string) {
  const api = useApi();
  const refresh = useRefreshPeriodWork();
  return useMutation({
    mutationFn: ({ code, ...body }: { code: string; predikat: UnitPredikat; reason: string }) =>
      unwrap(api.PUT('/units/{code}/predikat/{periodId}', { params: { path: { code, periodId } }, body })),
    onSuccess: refresh,
  });
}

/** The distribution check of a period: the whole organisation, or one OPD. */
export function useDistribution(year: number, periodId: string, opd?: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['distribution', year, periodId, opd ?? '', lang],
    queryFn: () =>
      unwrap(
        api.GET('/years/{year}/periods/{periodId}/distribution', {
          params: { path: { year, periodId }, query: opd ? { opd } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** After a run or a finalisation: the period, its check and its reward list. */
export function useRefreshPeriodWork() {
  const queries = useQueryClient();
  const refreshYear = useRefreshYear();
  return () =>
    Promise.all([
      refreshYear(),
      ...['distribution', 'rewards'].map((key) => queries.invalidateQueries({ queryKey: [key] })),
    ]);
}

export type FinaliseBody = {
  version: number;
  opd: string;
  acceptRecommendations?: boolean;
  acknowledgement?: { reason: string };
};

/**
 * `onFinalised` is told before the refresh: the refreshed check shows the OPD final, which closes the confirm
 * step that made the call (a callback given to `mutate` would then never run).
 */
export function useFinalise(year: number, periodId: string, onFinalised: (opd: string) => void) {
  const api = useApi();
  const refresh = useRefreshPeriodWork();
  return useMutation({
    mutationFn: (body: FinaliseBody) =>
      unwrapRefusal(
        api.POST('/years/{year}/periods/{periodId}/finalise', { params: { path: { year, periodId } }, body }),
      ),
    onSuccess: (_data, body) => {
      onFinalised(body.opd);
      return refresh();
    },
    // A refusal may rest on a stale period or check: read both again (the form keeps its choices).
    onError: refresh,
  });
}

/** A unit subtree's reward list, all pages (ranks count over the whole list). */
export function useRewards(code: string | undefined, periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['rewards', code, periodId, lang],
    queryFn: async () => {
      const items: Reward[] = [];
      let cursor: string | undefined;
      let periodState = '';
      do {
        // JSON here (the CSV is the download below); the operation's answer type carries both.
        const page = (await unwrap(
          api.GET('/units/{code}/rewards/{periodId}', {
            params: {
              path: { code: code as string, periodId },
              query: { limit: 100, ...(cursor ? { cursor } : {}) },
            },
          }),
        )) as components['schemas']['RewardPage'];
        items.push(...page.items);
        periodState = page.periodState;
        cursor = page.nextCursor;
      } while (cursor);
      return { periodState, items };
    },
    enabled: !!code,
  });
}

/**
 * The reward list as the API's CSV, saved as a file: fetched with the bearer token (a plain link could not send
 * it), then handed to the browser as a download through an object URL, named as the API names it.
 */
/** The reward list's CSV, saved as the API names it. */
export const useDownloadRewards = () =>
  useDownload(
    (api, { code, periodId }: { code: string; periodId: string }) =>
      api.GET('/units/{code}/rewards/{periodId}', {
        params: { path: { code, periodId }, query: { format: 'csv' } },
        parseAs: 'blob',
      }),
    ({ code, periodId }) => `penghargaan-${code}-${periodId}.csv`,
  );

/** The unit's recap workbook (evaluations, activity adoption, services, rewards), saved as the API names it. */
export const useDownloadRecap = () =>
  useDownload(
    (api, { code, periodId }: { code: string; periodId: string }) =>
      api.GET('/units/{code}/recap/{periodId}', {
        params: { path: { code, periodId }, query: { format: 'xlsx' } },
        parseAs: 'blob',
      }),
    ({ code, periodId }) => `rekap-${code}-${periodId}.xlsx`,
  );

/** Problems by field for a form (`body.capaianCap` → `capaianCap`). */
export const fieldErrorsOf = (error: unknown): Record<string, string> =>
  error instanceof ApiError ? error.fieldErrors() : {};

export type { FieldError };

/**
 * The evaluation page's reads and writes of the API: the periods to choose from, one's own evaluation and its
 * explanation, the appeal; for supervisors, the team's evaluations, behaviour ratings and reviews. Query keys carry
 * the language (the API's texts come in it); every write refreshes what it changed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components, operations } from '../../api/schema';
import { useI18n } from '../../i18n';
import { todayWib, yearOf } from '../activities/dates';

export type Period = components['schemas']['Period'];
export type EvaluationInForce = components['schemas']['EvaluationInForce'];
export type Explanation = components['schemas']['EvaluationExplanation'];
export type TeamEvaluation = components['schemas']['TeamEvaluation'];
/** The seven BerAKHLAK values and their ratings, as the rate-behaviour body documents them. */
type BehaviourValues = operations['rate-behaviour']['requestBody']['content']['application/json']['values'];
export type BerakhlakValue = keyof BehaviourValues;
export type Rating = BehaviourValues[BerakhlakValue];
export type Predikat = NonNullable<components['schemas']['EvaluationOutcome']['predikat']>;

export const ratings: readonly Rating[] = ['di_atas', 'sesuai', 'di_bawah'];
/** In the regulation's order; the type makes the list complete and exact against the API document. */
const berakhlakOrder = {
  berorientasi_pelayanan: true,
  akuntabel: true,
  kompeten: true,
  harmonis: true,
  loyal: true,
  adaptif: true,
  kolaboratif: true,
} satisfies Record<BerakhlakValue, true>;
export const berakhlak = Object.keys(berakhlakOrder) as BerakhlakValue[];

/** A period has figures to show once scored (and keeps them when finalised). */
export const isScored = (state: string) => state === 'scored' || state === 'finalised';

/**
 * The periods that have begun, of this year and the last (January still reviews December), newest first with each
 * year's own period after its months or quarters. A year not set up yet (404) has none.
 */
export function usePeriods() {
  const api = useApi();
  const { lang } = useI18n();
  const queries = useQueryClient();
  const today = todayWib();
  const year = yearOf(today);
  return useQuery({
    queryKey: ['evaluation-periods', year, lang],
    queryFn: async (): Promise<Period[]> => {
      const periodsOf = async (y: number) => {
        try {
          // Under the key the activities and Tim pages read the year by: one answer serves all.
          const read = await queries.fetchQuery({
            queryKey: ['year', y, lang],
            queryFn: () => unwrap(api.GET('/years/{year}', { params: { path: { year: y } } })),
          });
          return read.periods;
        } catch (err) {
          if (err instanceof ApiError && err.status === 404) return [];
          throw err;
        }
      };
      const [current, last] = await Promise.all([periodsOf(year), periodsOf(year - 1)]);
      return [current, last].flatMap((periods) =>
        periods
          .filter((p) => p.start <= today)
          .sort((a, b) => Number(a.kind === 'year') - Number(b.kind === 'year') || b.start.localeCompare(a.start)),
      );
    },
  });
}

/** The evaluation of `nip` ('me' or a team member's) in a period; null when there is none (404). */
export function useEvaluation(nip: string, periodId: string, enabled = true) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['evaluation', nip, periodId, lang],
    queryFn: async (): Promise<EvaluationInForce | null> => {
      try {
        return await unwrap(
          api.GET('/employees/{nip}/evaluations/{periodId}', { params: { path: { nip, periodId } } }),
        );
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled,
  });
}

/** How every number of the evaluation was computed, as the API words it. */
export function useExplanation(nip: string, periodId: string, enabled = true) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['evaluation-explanation', nip, periodId, lang],
    queryFn: () =>
      unwrap(api.GET('/employees/{nip}/evaluations/{periodId}/explanation', { params: { path: { nip, periodId } } })),
    enabled,
  });
}

/** Everything a write changes: the evaluations, their explanations and the team list. */
export function useRefreshEvaluations() {
  const queries = useQueryClient();
  return () =>
    Promise.all(
      ['evaluation', 'evaluation-explanation', 'team-evaluations'].map((key) =>
        queries.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function useFileAppeal(periodId: string) {
  const api = useApi();
  const refresh = useRefreshEvaluations();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/employees/{nip}/evaluations/{periodId}/appeal', {
          params: { path: { nip: 'me', periodId } },
          body: { reason },
        }),
      ),
    onSuccess: refresh,
  });
}

/** The caller's team (and the teams they stand in for today) with an evaluation in the period, all pages. */
export function useTeamEvaluations(periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['team-evaluations', periodId, lang],
    queryFn: async () => {
      const items: TeamEvaluation[] = [];
      let cursor: string | undefined;
      let periodState = '';
      do {
        const page = await unwrap(
          api.GET('/employees/{nip}/team-evaluations/{periodId}', {
            params: { path: { nip: 'me', periodId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...page.items);
        periodState = page.periodState;
        cursor = page.nextCursor;
      } while (cursor);
      return { periodState, items };
    },
  });
}

export function useRateBehaviour(nip: string, periodId: string) {
  const api = useApi();
  const refresh = useRefreshEvaluations();
  return useMutation({
    mutationFn: (body: { values: Record<BerakhlakValue, Rating>; note?: string; version: number }) =>
      unwrap(
        api.PUT('/employees/{nip}/evaluations/{periodId}/behaviour', { params: { path: { nip, periodId } }, body }),
      ),
    onSuccess: refresh,
  });
}

type ReviewPart = { rating: Rating; reason?: string };

export function useReview(nip: string, periodId: string) {
  const api = useApi();
  const refresh = useRefreshEvaluations();
  return useMutation({
    mutationFn: (body: { hasilKerja: ReviewPart; perilaku: ReviewPart; version: number }) =>
      unwrap(api.POST('/employees/{nip}/evaluations/{periodId}/review', { params: { path: { nip, periodId } }, body })),
    onSuccess: refresh,
  });
}

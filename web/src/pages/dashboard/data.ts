/**
 * The dashboard's reads: one request per panel for the chosen unit and period (activity, service indicators, the
 * year's trend, follow-ups), never one per person or per month. Query keys carry the language (the API's texts
 * and errors come in it). The year and the unit tree are read under the keys the other pages use, so one answer
 * serves all.
 */
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type UnitActivity = components['schemas']['UnitActivity'];
export type UnitServiceIndicators = components['schemas']['UnitServiceIndicators'];
export type UnitServiceTrend = components['schemas']['UnitServiceTrend'];
export type FollowUp = components['schemas']['SurveyFollowUpPage']['items'][number];

/** A refusal (403) or a missing year (404) is an answer to show at once, not a failure to retry. */
const noRetry = { retry: false } as const;

export function useYear(year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['year', year, lang],
    queryFn: () => unwrap(api.GET('/years/{year}', { params: { path: { year } } })),
    retry: false,
  });
}

export function useUnitTree() {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['units', lang],
    queryFn: () => unwrap(api.GET('/units')),
    staleTime: 5 * 60_000,
  });
}

/** Adoption, backlog and the first 100 people of the subtree (more on request, by cursor). */
export function useUnitActivity(code: string, periodId: string | undefined, cursor?: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['unit-activity', code, periodId, cursor ?? '', lang],
    queryFn: () =>
      unwrap(
        api.GET('/units/{code}/activity/{periodId}', {
          params: { path: { code, periodId: periodId! }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    enabled: !!periodId,
    ...noRetry,
  });
}

export function useServiceIndicators(code: string, periodId: string | undefined) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['unit-service-indicators', code, periodId, lang],
    queryFn: () =>
      unwrap(
        api.GET('/units/{code}/service-indicators/{periodId}', { params: { path: { code, periodId: periodId! } } }),
      ),
    enabled: !!periodId,
    ...noRetry,
  });
}

/** The year's months (or quarters) in one request: GET …/service-trend/{year}. */
export function useServiceTrend(code: string, year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['unit-service-trend', code, year, lang],
    queryFn: () => unwrap(api.GET('/units/{code}/service-trend/{year}', { params: { path: { code, year } } })),
    ...noRetry,
  });
}

/** The unit's open follow-ups, newest first (its own: the counts per child unit lead to theirs). */
export function useOpenFollowUps(code: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['survey-follow-ups', code, 'open', lang],
    queryFn: () =>
      unwrap(
        api.GET('/units/{code}/survey-follow-ups', {
          params: { path: { code }, query: { status: 'open', limit: 50 } },
        }),
      ),
    ...noRetry,
  });
}

/**
 * The SKP page's reads and writes of the API, always for `me`: the plan of a year (latest version, version in
 * force, history), the supervisor's plan to link RHK to, and the workflow steps. Every write refreshes the plan.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useI18n } from '../../i18n';
import type { Rhk } from './types';

export type { Iki, Plan, PlanVersion, Rhk, SupervisorPlan } from './types';

const me = 'me';

/** 404 is an answer here (no plan yet), not an error. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** The year's plan, or null when there is none yet. */
export function usePlan(year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['skp', 'me', year, lang],
    queryFn: () => orNull(unwrap(api.GET('/employees/{nip}/plans/{year}', { params: { path: { nip: me, year } } }))),
    placeholderData: keepPreviousData,
  });
}

/**
 * The direct supervisor's plan in force for the year, whose RHK the employee's RHK link to; null when there is no
 * supervisor or their plan is not approved yet.
 */
export function useSupervisorPlan(year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['skp', 'supervisor', year, lang],
    queryFn: () =>
      orNull(unwrap(api.GET('/employees/{nip}/supervisor-plan/{year}', { params: { path: { nip: me, year } } }))),
  });
}

function useRefreshPlan() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: ['skp', 'me'] });
}

const path = (year: number) => ({ params: { path: { nip: me, year } } });

/** A new draft: the RHK typed, or another year's plan copied. */
export function useCreatePlan(year: number) {
  const api = useApi();
  const refresh = useRefreshPlan();
  return useMutation({
    mutationFn: (body: { rhk: Rhk[] } | { copyFrom: number }) =>
      unwrap(api.POST('/employees/{nip}/plans/{year}', { ...path(year), body })),
    onSuccess: refresh,
  });
}

export function useUpdatePlan(year: number) {
  const api = useApi();
  const refresh = useRefreshPlan();
  return useMutation({
    mutationFn: (body: { version: number; rhk: Rhk[] }) =>
      unwrap(api.PUT('/employees/{nip}/plans/{year}', { ...path(year), body })),
    onSuccess: refresh,
  });
}

export function useSubmitPlan(year: number) {
  const api = useApi();
  const refresh = useRefreshPlan();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/employees/{nip}/plans/{year}/submit', { ...path(year), body: { version } })),
    onSuccess: refresh,
  });
}

export function useRevisePlan(year: number) {
  const api = useApi();
  const refresh = useRefreshPlan();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/employees/{nip}/plans/{year}/revisions', { ...path(year), body: { reason } })),
    onSuccess: refresh,
  });
}

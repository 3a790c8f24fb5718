/** The SKP page's read of the API: the employee's own plan for a year (latest version, version in force, history). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type Plan = components['schemas']['Plan'];
export type PlanVersion = components['schemas']['PlanVersion'];
export type Rhk = PlanVersion['rhk'][number];
export type Iki = Rhk['iki'][number];

/** The year's plan, or null when there is none yet (404 is an answer here, not an error). */
export function usePlan(year: number) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['skp', 'me', year, lang],
    queryFn: async (): Promise<Plan | null> => {
      try {
        return await unwrap(api.GET('/employees/{nip}/plans/{year}', { params: { path: { nip: 'me', year } } }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    placeholderData: keepPreviousData,
  });
}

/**
 * The fairness pages' reads and writes (issue 18): a person's signals and their answer, a unit's rater patterns,
 * signals and adoption for a period, one supervisor's pattern, and BKPSDM's run with its progress. Every figure was
 * computed by the period's run (daily, or on demand): nothing here scans entries. Query keys carry the language
 * (the API's explanations, formulas and errors come in it).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useI18n } from '../../i18n';

export type * from './types';

/** A refusal (403) or "not computed yet" (404) is an answer to show at once, not a failure to retry. */
const noRetry = { retry: false } as const;

/** What a finished run changed: every fairness read of the pages. */
const fairnessReads = ['signals', 'rater-pattern', 'rater-patterns', 'unit-signals', 'unit-adoption'];

export function usePersonSignals(nip: string | undefined, periodId: string | undefined) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['signals', nip, periodId, lang],
    queryFn: () =>
      unwrap(api.GET('/employees/{nip}/signals/{periodId}', { params: { path: { nip: nip!, periodId: periodId! } } })),
    enabled: !!nip && !!periodId,
    ...noRetry,
  });
}

/** The signed-in person's answer to one of their signals (PUT …/employees/me/signals/…/answer). */
export function useAnswerSignal(periodId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ signalId, note }: { signalId: string; note: string }) =>
      unwrap(
        api.PUT('/employees/{nip}/signals/{periodId}/{signalId}/answer', {
          params: { path: { nip: 'me', periodId, signalId } },
          body: { note },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['signals'] }),
  });
}

export function useRaterPattern(nip: string | undefined, periodId: string | undefined) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['rater-pattern', nip, periodId, lang],
    queryFn: () =>
      unwrap(
        api.GET('/employees/{nip}/rater-pattern/{periodId}', { params: { path: { nip: nip!, periodId: periodId! } } }),
      ),
    enabled: !!nip && !!periodId,
    ...noRetry,
  });
}

export function useRaterPatterns(code: string, periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['rater-patterns', code, periodId, lang],
    queryFn: () => unwrap(api.GET('/units/{code}/rater-patterns/{periodId}', { params: { path: { code, periodId } } })),
    ...noRetry,
  });
}

export function useUnitSignals(code: string, periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['unit-signals', code, periodId, lang],
    queryFn: () => unwrap(api.GET('/units/{code}/signals/{periodId}', { params: { path: { code, periodId } } })),
    ...noRetry,
  });
}

export function useUnitAdoption(code: string, periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['unit-adoption', code, periodId, lang],
    queryFn: () => unwrap(api.GET('/units/{code}/adoption/{periodId}', { params: { path: { code, periodId } } })),
    ...noRetry,
  });
}

export function useStartFairnessRun(periodId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/fairness/{periodId}/runs', { params: { path: { periodId } } })),
  });
}

/** A run's progress, asked again every second until it is done; then the pages' figures are read again. */
export function useFairnessRun(periodId: string, runId: string) {
  const api = useApi();
  const { lang } = useI18n();
  const client = useQueryClient();
  return useQuery({
    queryKey: ['fairness-run', periodId, runId, lang],
    queryFn: async () => {
      const run = await unwrap(api.GET('/fairness/{periodId}/runs/{runId}', { params: { path: { periodId, runId } } }));
      if (run.state === 'done')
        await Promise.all(fairnessReads.map((key) => client.invalidateQueries({ queryKey: [key] })));
      return run;
    },
    refetchInterval: (q) => (q.state.data?.state === 'done' ? false : 1000),
    ...noRetry,
  });
}

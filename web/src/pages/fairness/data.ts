/**
 * The fairness pages' reads and writes (issue 18): a person's signals and their answer, a unit's rater patterns,
 * signals and adoption for a period, one supervisor's pattern, and BKPSDM's run. Every figure was computed by the
 * period's run (daily, or on demand): nothing here scans entries. Query keys carry the language (the API's
 * explanations and errors come in it). The shapes are the issue's contract (§4); the endpoints are called by
 * path through the same client (bearer token, Accept-Language), read as these types.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Api, unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useI18n } from '../../i18n';

export type SignalKind = 'near_duplicate' | 'at_cap' | 'late_entries' | 'over_claim' | 'shared_output';
export type Rating = 'di_atas' | 'sesuai' | 'di_bawah';

export interface SignalAnswer {
  note: string;
  at: string;
  by?: string;
}

export interface PersonSignal {
  id: string;
  kind: SignalKind;
  measure: number;
  threshold: number;
  rule: string;
  /** A plain sentence with the numbers, in the request's language. */
  explanation: string;
  evidence: Record<string, unknown>;
  answer: SignalAnswer | null;
}

export interface PersonSignals {
  nip: string;
  name: string;
  periodId: string;
  rulesVersion?: number | string;
  computedAt: string;
  signals: PersonSignal[];
}

export interface RaterPattern {
  supervisorNip: string;
  decided: number;
  approved: number;
  rejected: number;
  approvalPct: number | null;
  rejectionPct: number | null;
  medianDecisionHours: number | null;
  bulkApproved: number;
  bulkPct: number | null;
  bulkRuns: { at: string; entries: number; seconds: number }[];
  backlog: number;
  oldestPendingDays: number | null;
  ratings: { di_atas: number; sesuai: number; di_bawah: number; rated: number };
  overrides: { nip: string; name?: string; from: Rating; to: Rating; reason: string | null }[];
  leniency: number | null;
}

export interface RaterComparison {
  supervisorNip: string;
  leniency: { value: number | null; opdOthers: number | null; formula: string | Bilingual; outOfLine: boolean };
  centralTendency: { value: number | null; formula: string | Bilingual; outOfLine: boolean };
}

export interface Bilingual {
  id: string;
  en: string;
}

export interface RaterRecord {
  nip: string;
  name: string;
  unitCode: string;
  unitPath?: string;
  periodId: string;
  computedAt: string;
  pattern: RaterPattern;
  comparison: RaterComparison;
  unitResults?: { withinStandardPct: number | null; ikm: number | null };
}

export interface RaterPatterns {
  opd?: {
    ratings?: Partial<Record<Rating, number>> & { rated?: number };
    leniency?: number | null;
    [k: string]: unknown;
  };
  items: RaterRecord[];
}

export interface UnitSignalRow {
  nip: string;
  name: string;
  unitCode: string;
  kinds: SignalKind[];
  count: number;
  /** How many of the person's signals have an answer (a number), or whether all have (a flag). */
  answered: number | boolean;
}

export interface IdlePerson {
  nip: string;
  name?: string;
  lastLoggedDate: string | null;
  idleWorkingDays: number;
}

export interface OverdueQueue {
  supervisorNip: string;
  name: string;
  pending: number;
  oldestPendingDays: number;
}

export interface UnitAdoption {
  asOf: string;
  computedAt?: string;
  adoption?: { members: number; loggingRecently: number; loggingPct: number | null; belowThreshold: boolean };
  children: { code: string; name: string; loggingPct: number | null; belowThreshold: boolean }[];
  idle: IdlePerson[];
  overdueQueues: OverdueQueue[];
}

export interface FairnessRun {
  runId?: string;
  state?: string;
  tasks?: { done: number; total: number | null };
  done?: number;
  total?: number;
  finishedAt?: string | null;
}

/** The client by path: the fairness endpoints answer the contract's shapes above. */
interface Loose {
  GET(path: string, init: { params: { path: Record<string, string> } }): Promise<Reply>;
  PUT(path: string, init: { params: { path: Record<string, string> }; body: unknown }): Promise<Reply>;
  POST(path: string, init: { params: { path: Record<string, string> }; body?: unknown }): Promise<Reply>;
}
type Reply = { data?: unknown; error?: unknown; response: Response };
const byPath = (api: Api) => api as unknown as Loose;

const get = <T>(api: Api, path: string, params: Record<string, string>) =>
  unwrap(byPath(api).GET(path, { params: { path: params } })) as Promise<T>;

/** A refusal (403) or "not computed yet" (404) is an answer to show at once, not a failure to retry. */
const noRetry = { retry: false } as const;

export function usePersonSignals(nip: string | undefined, periodId: string | undefined) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['signals', nip, periodId, lang],
    queryFn: () => get<PersonSignals>(api, '/employees/{nip}/signals/{periodId}', { nip: nip!, periodId: periodId! }),
    enabled: !!nip && !!periodId,
    ...noRetry,
  });
}

export function useAnswerSignal(periodId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ signalId, note }: { signalId: string; note: string }) =>
      unwrap(
        byPath(api).PUT('/employees/me/signals/{periodId}/{signalId}/answer', {
          params: { path: { periodId, signalId } },
          body: { note },
        }),
      ) as Promise<PersonSignal>,
    onSuccess: () => client.invalidateQueries({ queryKey: ['signals'] }),
  });
}

export function useRaterPattern(nip: string | undefined, periodId: string | undefined) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['rater-pattern', nip, periodId, lang],
    queryFn: () =>
      get<RaterRecord>(api, '/employees/{nip}/rater-pattern/{periodId}', { nip: nip!, periodId: periodId! }),
    enabled: !!nip && !!periodId,
    ...noRetry,
  });
}

export function useRaterPatterns(code: string, periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['rater-patterns', code, periodId, lang],
    queryFn: () => get<RaterPatterns>(api, '/units/{code}/rater-patterns/{periodId}', { code, periodId }),
    ...noRetry,
  });
}

export function useUnitSignals(code: string, periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['unit-signals', code, periodId, lang],
    queryFn: () => get<{ items: UnitSignalRow[] }>(api, '/units/{code}/signals/{periodId}', { code, periodId }),
    ...noRetry,
  });
}

export function useUnitAdoption(code: string, periodId: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['unit-adoption', code, periodId, lang],
    queryFn: () => get<UnitAdoption>(api, '/units/{code}/adoption/{periodId}', { code, periodId }),
    ...noRetry,
  });
}

export function useStartFairnessRun(periodId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: () =>
      unwrap(byPath(api).POST('/fairness/{periodId}/runs', { params: { path: { periodId } }, body: {} })) as Promise<{
        runId: string;
        units?: number;
      }>,
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
      const run = await get<FairnessRun>(api, '/fairness/{periodId}/runs/{runId}', { periodId, runId });
      if (runDone(run))
        for (const key of ['rater-patterns', 'unit-signals', 'unit-adoption', 'signals', 'rater-pattern'])
          void client.invalidateQueries({ queryKey: [key] });
      return run;
    },
    refetchInterval: (q) => (q.state.data && runDone(q.state.data) ? false : 1000),
    ...noRetry,
  });
}

/** Done and total tasks of a run, whichever way the record counts them. */
export function runCounts(run: FairnessRun): { done: number; total: number | null } {
  if (run.tasks) return { done: run.tasks.done ?? 0, total: run.tasks.total ?? null };
  return { done: run.done ?? 0, total: run.total ?? null };
}

export function runDone(run: FairnessRun): boolean {
  if (run.state) return run.state === 'done';
  const { done, total } = runCounts(run);
  return total !== null && done >= total;
}

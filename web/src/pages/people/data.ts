/**
 * The people page's reads and writes of the API: the unit tree, a unit's people (with the API's own search by
 * name or NIP), one person's record and acting assignments, and the writes (add a unit, register or change a
 * person, appoint a Plt/Plh, preview and import a CSV), each refreshing what it changed.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type Unit = components['schemas']['Unit'];
export type Employee = components['schemas']['Employee'];
export type UnitEmployee = components['schemas']['UnitEmployee'];
export type ImportPreview = components['schemas']['ImportPreview'];
export type ImportResult = components['schemas']['ImportResult'];
export type ActingAssignment = components['schemas']['ActingAssignmentNamed'];

const PAGE_SIZE = 25;

export function useUnits() {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({ queryKey: ['units', lang], queryFn: () => unwrap(api.GET('/units')) });
}

/** People of a unit's subtree, in unit order; `q` (start of a name word or a NIP prefix) searches it. */
export function useUnitPeople(code: string | undefined, q: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['unit-people', code, q, lang],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/units/{code}/employees', {
          params: {
            path: { code: code! },
            query: { limit: PAGE_SIZE, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!code,
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(nip: string | undefined) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['employee', nip, lang],
    queryFn: () => unwrap(api.GET('/employees/{nip}', { params: { path: { nip: nip! } } })),
    enabled: !!nip,
    retry: false,
  });
}

export function useActingAssignments(nip: string) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['acting', nip, lang],
    queryFn: () =>
      unwrap(api.GET('/employees/{nip}/acting-assignments', { params: { path: { nip }, query: { limit: 100 } } })),
  });
}

export interface UnitInput {
  code: string;
  name: string;
  kind: Unit['kind'];
  parentCode?: string;
}

export function useCreateUnit() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitInput) => unwrap(api.POST('/units', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['units'] }),
  });
}

export interface EmployeeInput {
  nip: string;
  name: string;
  position: string;
  employmentType: 'PNS' | 'PPPK';
  unitCode: string;
  supervisorNip: string | null;
  email?: string;
}

export function useCreateEmployee() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: EmployeeInput) => unwrap(api.POST('/employees', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['unit-people'] }),
  });
}

export type EmployeeChange = Omit<EmployeeInput, 'nip'> & { version: number; status: 'active' | 'inactive' };

export function useUpdateEmployee(nip: string) {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: EmployeeChange) => unwrap(api.PATCH('/employees/{nip}', { params: { path: { nip } }, body })),
    onSuccess: (saved) => {
      queries.setQueriesData({ queryKey: ['employee', nip] }, saved);
      void queries.invalidateQueries({ queryKey: ['unit-people'] });
    },
  });
}

export interface ActingInput {
  forNip: string;
  kind: 'PLT' | 'PLH';
  startDate: string;
  endDate: string;
  decreeNumber?: string;
}

export function useAppointActing(nip: string) {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ActingInput) =>
      unwrap(api.POST('/employees/{nip}/acting-assignments', { params: { path: { nip } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['acting', nip] }),
  });
}

/** The CSV as typed or loaded, sent as text/csv; `dryRun` checks every row and writes nothing. */
export function useImport() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      unwrap(
        api.POST('/employees/import', {
          params: { query: { dryRun: dryRun ? 'true' : 'false' } },
          body: csv,
          bodySerializer: (text: string) => text,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: (_answer, { dryRun }) => {
      if (!dryRun) void queries.invalidateQueries({ queryKey: ['unit-people'] });
    },
  });
}

export const isPreview = (answer: ImportResult | ImportPreview): answer is ImportPreview =>
  'dryRun' in answer && answer.dryRun === true;

export type MachineClient = components['schemas']['MachineClient'];

/** The agency systems registered to the organisation (BKPSDM only): read-only, registered with the CLI. */
export function useMachineClients(enabled: boolean) {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['machine-clients', lang],
    queryFn: () => unwrap(api.GET('/machine-clients')),
    enabled,
  });
}

/** Names beside NIPs in lists, read in one batch (never one request per row). */
import { EmployeeRepository } from '../store/employees.ts';
import type { OrgScope } from '../store/org-scope.ts';

/**
 * Directory entries with their supervisor's name beside the NIP (null without a supervisor on record); names
 * not already `known` are read in one batch.
 */
export async function withSupervisorNames<T extends { supervisorNip: string | null }>(
  scope: OrgScope,
  entries: T[],
  known: Map<string, string> = new Map(),
): Promise<(T & { supervisorName: string | null })[]> {
  const missing = entries.map((e) => e.supervisorNip).filter((n): n is string => !!n && !known.has(n));
  const names = new Map([...known, ...(await new EmployeeRepository(scope).namesOf(missing))]);
  return entries.map((e) => ({ ...e, supervisorName: e.supervisorNip ? (names.get(e.supervisorNip) ?? null) : null }));
}

/**
 * The rules a person's record must satisfy, shared by create, update and CSV import. Pure: the caller supplies
 * the lookups (units and the current hierarchy) and gets every problem back, not just the first.
 */
import type { MessageCode } from '../http/messages.ts';
import { checkNip, type EmploymentType } from './nip.ts';

export interface Candidate {
  nip: string;
  employmentType: EmploymentType;
  unitCode: string;
  supervisorNip?: string | null;
}

export interface Lookups {
  unitPath(code: string): string | undefined;
  /** The supervisor NIP of a known employee (null at the top), undefined when nobody has that NIP. */
  supervisorOf(nip: string): string | null | undefined;
}

export interface Problem {
  field: string;
  code: MessageCode;
  params: Record<string, unknown>;
}

export function employeeProblems(c: Candidate, lookups: Lookups): Problem[] {
  const problems: Problem[] = [];
  const nipCheck = checkNip(c.nip, c.employmentType);
  if (!nipCheck.ok) problems.push({ field: 'nip', code: 'invalid_nip', params: { nip: c.nip, reason: nipCheck.reason } });
  if (lookups.unitPath(c.unitCode) === undefined) problems.push({ field: 'unitCode', code: 'unit_not_found', params: { code: c.unitCode } });
  const sup = c.supervisorNip;
  if (sup) {
    if (sup === c.nip) problems.push({ field: 'supervisorNip', code: 'self_supervisor', params: {} });
    else if (lookups.supervisorOf(sup) === undefined) problems.push({ field: 'supervisorNip', code: 'supervisor_not_found', params: { nip: sup } });
    else if (wouldCycle(c.nip, sup, lookups)) problems.push({ field: 'supervisorNip', code: 'hierarchy_cycle', params: { nip: c.nip, supervisor: sup } });
  }
  return problems;
}

/** Setting `supervisor` above `nip` is a cycle when `nip` already sits somewhere above `supervisor`. */
function wouldCycle(nip: string, supervisor: string, lookups: Lookups): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = supervisor; at; at = lookups.supervisorOf(at)) {
    if (at === nip) return true;
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/**
 * The rules a person's record must satisfy, shared by create, update and CSV import. Pure: the caller supplies
 * the lookups (units and the current hierarchy) and gets every problem back, not just the first.
 */
import type { MessageCode } from '../messages/catalogue.ts';
import { MAX_HIERARCHY_DEPTH } from './employee-records.ts';
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
  if (!nipCheck.ok)
    problems.push({ field: 'nip', code: 'invalid_nip', params: { nip: c.nip, reason: nipCheck.reason } });
  if (lookups.unitPath(c.unitCode) === undefined)
    problems.push({ field: 'unitCode', code: 'unit_not_found', params: { code: c.unitCode } });
  const sup = c.supervisorNip;
  if (sup) {
    if (sup === c.nip) problems.push({ field: 'supervisorNip', code: 'self_supervisor', params: {} });
    else if (lookups.supervisorOf(sup) === undefined)
      problems.push({ field: 'supervisorNip', code: 'supervisor_not_found', params: { nip: sup } });
    else {
      const chain = chainAbove(c.nip, sup, lookups);
      if (chain === 'cycle')
        problems.push({ field: 'supervisorNip', code: 'hierarchy_cycle', params: { nip: c.nip, supervisor: sup } });
      if (chain === 'too_deep')
        problems.push({ field: 'supervisorNip', code: 'hierarchy_too_deep', params: { max: MAX_HIERARCHY_DEPTH } });
    }
  }
  return problems;
}

/**
 * Walks up from `supervisor`: a cycle when `nip` (or any repeat) is met, too deep past MAX_HIERARCHY_DEPTH.
 * Callers load at least MAX_HIERARCHY_DEPTH + 1 levels, so an unknown NIP within that depth is a real top.
 */
function chainAbove(nip: string, supervisor: string, lookups: Lookups): 'ok' | 'cycle' | 'too_deep' {
  const seen = new Set<string>();
  let depth = 0;
  for (let at: string | null | undefined = supervisor; at; at = lookups.supervisorOf(at)) {
    if (at === nip || seen.has(at)) return 'cycle';
    if (++depth > MAX_HIERARCHY_DEPTH) return 'too_deep';
    seen.add(at);
  }
  return 'ok';
}

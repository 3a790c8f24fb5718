import type { Lookups } from '../domain/employee-rules.ts';
import type { Employee } from '../store/employees.ts';
import { EmployeeRepository } from '../store/employees.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { UnitRepository } from '../store/units.ts';

/**
 * Lookups for the employee rules around one candidate: its unit, and the proposed supervisor with that
 * supervisor's whole chain (enough to detect a cycle), read from the table.
 */
export async function lookupsFor(scope: OrgScope, unitCode: string, supervisorNip: string | null | undefined): Promise<Lookups> {
  const employees = new EmployeeRepository(scope);
  const [unit, supervisor] = await Promise.all([
    new UnitRepository(scope).get(unitCode),
    supervisorNip ? employees.get(supervisorNip) : undefined,
  ]);
  const known = new Map<string, Employee>();
  if (supervisor) {
    known.set(supervisor.nip, supervisor);
    for (const e of await employees.supervisorChain(supervisor)) known.set(e.nip, e);
  }
  return {
    unitPath: (code) => (unit && code === unit.code ? unit.path : undefined),
    supervisorOf: (nip) => (known.has(nip) ? (known.get(nip)!.supervisorNip ?? null) : undefined),
  };
}

/** Seeds the demo organisation through the same repositories the handlers use, so the audit trail shows it. */
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { registerMachineClient } from '../../shared/store/machine-clients.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { YearRepository } from '../../shared/store/years.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { AppError } from '../../shared/http/errors.ts';
import { unitPath } from '../../shared/domain/units.ts';
import { checkNip } from '../../shared/domain/nip.ts';
import { DEMO_MACHINE_CLIENT, DEMO_ORG, demoPeople, demoUnits } from './demo-data.ts';

export async function isSeeded(): Promise<boolean> {
  return (await new UnitRepository(new OrgScope(DEMO_ORG.orgId)).organisation()) !== undefined;
}

export async function seedDemo(): Promise<void> {
  const scope = new OrgScope(DEMO_ORG.orgId);
  const ctx = { actor: 'system:seed', now: new Date().toISOString() };
  const units = new UnitRepository(scope);
  const paths = new Map<string, string>();
  for (const u of demoUnits) {
    const path = unitPath(u.parentCode ? paths.get(u.parentCode) : undefined, u.code);
    paths.set(u.code, path);
    // Creates replay on identical records, so a seed interrupted half-way simply runs again.
    await units.create({ ...u, path }, ctx);
  }
  const employees = new EmployeeRepository(scope);
  for (const person of demoPeople) {
    const check = checkNip(person.nip, person.employmentType);
    if (!check.ok) throw new Error(`demo NIP ${person.nip}: ${check.reason.en}`);
    await employees.create(
      {
        nip: person.nip,
        name: person.name,
        position: person.position,
        employmentType: person.employmentType,
        unitCode: person.unitCode,
        unitPath: paths.get(person.unitCode)!,
        supervisorNip: person.supervisorNip,
        status: 'active',
      },
      ctx,
    );
  }
  // The current performance year, monthly, so plans can be written right away.
  await new YearRepository(scope).open(Number(wibDate(new Date()).slice(0, 4)), 'monthly', ctx).catch((err: unknown) => {
    if (!(err instanceof AppError && err.code === 'year_exists')) throw err;
  });
  await registerMachineClient(DEMO_MACHINE_CLIENT.clientId, DEMO_ORG.orgId, DEMO_MACHINE_CLIENT.name, 'system:seed');
  // Last, so a seed interrupted half-way is redone from scratch on the next start.
  await units.saveOrganisation(DEMO_ORG.name, ctx);
}

import { getUnitServiceIndicators } from '#shared/api/services';
import { monitoredUnit } from '#shared/app/access';
import { indicatorsOf } from '#shared/domain/service-indicators';
import { json, userHandler } from '#shared/http/handler';
import { EmployeeRepository } from '#shared/store/employees';
import { ServiceCatalogueRepository } from '#shared/store/service-catalogue';
import { ServiceTotalsRepository } from '#shared/store/service-totals';
import { YearRepository } from '#shared/store/years';

/** A unit's service indicators in a period: the unit, each service type, each officer. Read from running totals. */
export const handler = userHandler(getUnitServiceIndicators, async (req) => {
  const { unit, members } = await monitoredUnit(req, req.params.code);
  const totals = new ServiceTotalsRepository(req.scope);
  const [period, own, officers, types] = await Promise.all([
    new YearRepository(req.scope).findPeriod(req.params.periodId),
    totals.unit(unit.code, req.params.periodId),
    totals.officersOfUnit(unit.code, req.params.periodId),
    new ServiceCatalogueRepository(req.scope).types(unit.code),
  ]);
  const names = new Map(members.map((m) => [m.nip as string, m.name as string]));
  const outsiders = [...officers.keys()].filter((n) => !names.has(n));
  if (outsiders.length) for (const [nip, e] of await new EmployeeRepository(req.scope).getMany(outsiders)) names.set(nip, e.name);
  const typeOf = new Map(types.map((t) => [t.code, t]));
  return json({
    unitCode: unit.code,
    periodId: period.id,
    unit: indicatorsOf(own.unit),
    serviceTypes: [...own.types].map(([code, t]) => ({ serviceType: code, name: typeOf.get(code)?.name ?? code, standardMinutes: typeOf.get(code)?.standardMinutes ?? null, ...indicatorsOf(t) })),
    officers: [...officers].map(([nip, t]) => ({ nip, name: names.get(nip) ?? nip, ...indicatorsOf(t) })),
  });
});

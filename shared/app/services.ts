/** A unit's service catalogue and hours, the holiday calendar, service indicators and survey follow-ups. */

import { canFollowUpUnit, isBkpsdm, reasons } from '../auth/policy.ts';
import { forEachConcurrently } from '../concurrency.ts';
import { type Holiday, holidayProblems } from '../domain/holidays.ts';
import { breakdownByChild } from '../domain/roll-up.ts';
import { hoursProblems, type WeeklyHours } from '../domain/service-hours.ts';
import {
  addTotals,
  emptyTotals,
  indicatorsOf,
  type ServiceTotals,
  serviceTotalsSum,
} from '../domain/service-indicators.ts';
import { isWithin } from '../domain/units.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { type HolidayCalendar, HolidayRepository } from '../store/holidays.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { ServiceCatalogueRepository, type ServiceType, type StoredHours } from '../store/service-catalogue.ts';
import { ServiceTotalsRepository } from '../store/service-totals.ts';
import { type FollowUp, SurveyRepository } from '../store/surveys.ts';
import { UnitRepository } from '../store/units.ts';
import { YearRepository } from '../store/years.ts';
import { indicatorUnit, managedUnit, monitoredUnit, readableEmployee } from './access.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';

/** Readers of the catalogue, hours and calendar: any employee of the organisation, and agency systems. */
interface ScopeContext {
  scope: OrgScope;
}

/** A unit's service types (any employee, and agency systems mapping their own service codes), or 404. */
export async function serviceTypesOfUnit(ctx: ScopeContext, unitCode: string): Promise<ServiceType[]> {
  const [unit, items] = await Promise.all([
    new UnitRepository(ctx.scope).get(unitCode),
    new ServiceCatalogueRepository(ctx.scope).types(unitCode),
  ]);
  if (!unit) throw notFound('unit');
  return items;
}

/** Creates a service type (no `expectedVersion`) or replaces the version sent; the unit's administrators only. */
export async function saveUnitServiceType(
  ctx: UseCaseContext,
  unitCode: string,
  typeCode: string,
  input: { name: string; standardMinutes: number; active?: boolean; expectedVersion?: number },
): Promise<ServiceType> {
  const unit = await managedUnit(ctx, unitCode);
  const { expectedVersion, active, ...fields } = input;
  return new ServiceCatalogueRepository(ctx.scope).saveType(
    { unitCode: unit.code, code: typeCode, ...fields, active: active ?? true },
    expectedVersion,
    writeContextOf(ctx),
  );
}

/** Every hours version of a unit, oldest first, or 404. */
export async function serviceHoursOfUnit(ctx: ScopeContext, unitCode: string): Promise<StoredHours[]> {
  const [unit, items] = await Promise.all([
    new UnitRepository(ctx.scope).get(unitCode),
    new ServiceCatalogueRepository(ctx.scope).hours(unitCode),
  ]);
  if (!unit) throw notFound('unit');
  return items;
}

/** A new hours version of a unit, checked interval by interval; the unit's administrators only. */
export async function addUnitServiceHours(
  ctx: UseCaseContext,
  unitCode: string,
  input: { effectiveFrom: string; weekly: WeeklyHours; reason: string; expectedVersion?: number },
): Promise<StoredHours> {
  const unit = await managedUnit(ctx, unitCode);
  const { effectiveFrom, weekly, reason, expectedVersion } = input;
  const problems = hoursProblems(weekly);
  if (problems.length)
    throw new DomainError(
      'service_hours_invalid',
      { problems: problems.map((p) => `${p.day}: ${p.problem}`).join(', ') },
      problems,
    );
  return new ServiceCatalogueRepository(ctx.scope).saveHours(
    unit.code,
    { effectiveFrom, weekly },
    reason,
    expectedVersion,
    writeContextOf(ctx),
  );
}

/** A year's holiday calendar; a year without one has an empty list at version 0. */
export async function holidayCalendarOf(ctx: ScopeContext, year: number): Promise<HolidayCalendar> {
  const calendar = await new HolidayRepository(ctx.scope).get(year);
  return calendar ?? { year, days: [], version: 0, reason: '', updatedAt: '', updatedBy: '' };
}

/** The calendar belongs to BKPSDM: one list per year, each save a new version kept in the audit trail. */
export async function saveHolidayCalendar(
  ctx: UseCaseContext,
  year: number,
  input: { days: Holiday[]; reason: string; expectedVersion: number },
): Promise<HolidayCalendar> {
  if (!isBkpsdm(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const problems = holidayProblems(year, input.days);
  if (problems.length)
    throw new DomainError(
      'holidays_invalid',
      { year, problems: problems.map((p) => `${p.date}: ${p.problem}`).join(', ') },
      problems,
    );
  return new HolidayRepository(ctx.scope).save(
    year,
    input.days,
    input.reason,
    input.expectedVersion,
    writeContextOf(ctx),
  );
}

/**
 * A unit's service indicators in a period, rolled up over its subtree (an OPD or a bidang shows everything served
 * below it): the whole, what the unit recorded itself, each child unit, each service type of each unit, and each
 * officer. Read from the running totals of every unit of the subtree and summed before anything is derived, so
 * shares, the median and the IKM are those of all transactions and responses below. Its own people see it without
 * the rows of each colleague (only their own), which stay with those who monitor the unit.
 */
export async function unitServiceIndicators(ctx: UseCaseContext, unitCode: string, periodId: string) {
  const { unit, members, monitors } = await indicatorUnit(ctx, unitCode);
  const totals = new ServiceTotalsRepository(ctx.scope);
  const catalogue = new ServiceCatalogueRepository(ctx.scope);
  const [period, tree] = await Promise.all([
    new YearRepository(ctx.scope).findPeriod(periodId),
    new UnitRepository(ctx.scope).tree(),
  ]);
  const subtree = tree.filter((u) => isWithin(u.path, unit.path));
  // Three queries per unit of the subtree (an OPD has tens of units), eight units at a time as elsewhere.
  type UnitFigures = {
    unit: (typeof subtree)[number];
    own: Awaited<ReturnType<typeof totals.unit>>;
    officers: Awaited<ReturnType<typeof totals.officersOfUnit>>;
    types: Awaited<ReturnType<typeof catalogue.types>>;
  };
  const perUnit: UnitFigures[] = new Array(subtree.length);
  await forEachConcurrently(subtree, 8, async (u, k) => {
    const [own, officers, types] = await Promise.all([
      totals.unit(u.code, period.id),
      totals.officersOfUnit(u.code, period.id),
      catalogue.types(u.code),
    ]);
    perUnit[k] = { unit: u, own, officers, types };
  });
  const rollUp = breakdownByChild(
    unit,
    subtree,
    perUnit.map((p) => ({ path: p.unit.path, value: p.own.unit })),
    serviceTotalsSum,
  );
  const officers = new Map<string, ServiceTotals>();
  for (const p of perUnit)
    for (const [nip, t] of p.officers)
      if (monitors || nip === ctx.principal.nip) officers.set(nip, addTotals(officers.get(nip) ?? emptyTotals(), t));
  // Officers who served the subtree without being its members (lent from elsewhere) are named from their own record.
  const names = new Map(members.map((m) => [m.nip as string, m.name as string]));
  const outsiders = [...officers.keys()].filter((n) => !names.has(n));
  if (outsiders.length)
    for (const [nip, e] of await new EmployeeRepository(ctx.scope).getMany(outsiders)) names.set(nip, e.name);
  return {
    unitCode: unit.code,
    periodId: period.id,
    unit: indicatorsOf(rollUp.total),
    own: indicatorsOf(rollUp.own),
    children: rollUp.children.map((c) => ({
      unitCode: c.unit.code,
      name: c.unit.name,
      kind: c.unit.kind,
      ...indicatorsOf(c.total),
    })),
    serviceTypes: perUnit.flatMap((p) => {
      const typeOf = new Map(p.types.map((t) => [t.code, t]));
      return [...p.own.types].map(([code, t]) => ({
        unitCode: p.unit.code,
        serviceType: code,
        name: typeOf.get(code)?.name ?? code,
        standardMinutes: typeOf.get(code)?.standardMinutes ?? null,
        ...indicatorsOf(t),
      }));
    }),
    officers: [...officers]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([nip, t]) => ({ nip, name: names.get(nip) ?? nip, ...indicatorsOf(t) })),
  };
}

/**
 * A unit's service indicators per period of a year (its months, or quarters when the year runs by quarter), for the
 * trend: the same roll-up of the whole subtree as the indicators, read from the running totals — one query per unit
 * of the subtree for the whole year, and one for its catalogue (the standards the trend is held against). The same
 * readers as the indicators; no officers' rows, so the unit's own people see all of it.
 */
export async function unitServiceTrend(ctx: UseCaseContext, unitCode: string, year: number) {
  const { unit } = await indicatorUnit(ctx, unitCode);
  const totals = new ServiceTotalsRepository(ctx.scope);
  const catalogue = new ServiceCatalogueRepository(ctx.scope);
  const [performanceYear, tree] = await Promise.all([
    new YearRepository(ctx.scope).get(year),
    new UnitRepository(ctx.scope).tree(),
  ]);
  if (!performanceYear) throw notFound('year');
  const subtree = tree.filter((u) => isWithin(u.path, unit.path));
  const perUnit: { byPeriod: Map<string, ServiceTotals>; standards: number[] }[] = new Array(subtree.length);
  await forEachConcurrently(subtree, 8, async (u, k) => {
    const [byPeriod, types] = await Promise.all([totals.unitByPeriod(u.code, year), catalogue.types(u.code)]);
    perUnit[k] = { byPeriod, standards: types.map((t) => t.standardMinutes) };
  });
  const periods = performanceYear.periods.filter((p) => p.kind !== 'year');
  return {
    unitCode: unit.code,
    year,
    standards: [...new Set(perUnit.flatMap((p) => p.standards))].sort((a, b) => a - b),
    periods: periods.map((p) => ({
      periodId: p.id,
      kind: p.kind,
      start: p.start,
      end: p.end,
      ...indicatorsOf(perUnit.reduce((sum, u) => addTotals(sum, u.byPeriod.get(p.id) ?? emptyTotals()), emptyTotals())),
    })),
  };
}

/** An officer's service indicators in a period: combined over the units served, and per unit. */
export async function employeeServiceIndicators(ctx: UseCaseContext, nipParam: string, periodId: string) {
  const { target } = await readableEmployee(ctx, nipParam);
  const [period, totals] = await Promise.all([
    new YearRepository(ctx.scope).findPeriod(periodId),
    new ServiceTotalsRepository(ctx.scope).officer(target.nip, periodId),
  ]);
  return {
    nip: target.nip,
    periodId: period.id,
    combined: indicatorsOf(totals.combined),
    units: [...totals.byUnit].map(([unitCode, t]) => ({ unitCode, ...indicatorsOf(t) })),
  };
}

/** Complaints and low ratings of a unit, newest first, with whether the 2×24-hour follow-up is overdue. */
export async function unitFollowUps(
  ctx: UseCaseContext,
  unitCode: string,
  query: { limit?: number; cursor?: string; status?: FollowUp['status'] },
) {
  const { unit, isHead } = await monitoredUnit(ctx, unitCode);
  const surveys = new SurveyRepository(ctx.scope);
  const page = await surveys.followUps(unit.code, query.limit ?? 25, query.cursor);
  const now = ctx.now.toISOString();
  const open = page.items
    .filter((f) => !query.status || f.status === query.status)
    .map((f) => ({ ...f, overdue: f.status === 'open' && f.dueAt < now }));
  // The citizen's contact only for those who handle the follow-up; those who only monitor (auditors, units above)
  // never see it.
  const handles = canFollowUpUnit(ctx.principal, ctx.actor.unitPath, unit.path, isHead);
  const contacts = handles ? await surveys.contactsOf(open.filter((f) => f.status === 'open')) : new Map();
  const withContacts = open.map((f) => (contacts.has(f.id) ? { ...f, contact: contacts.get(f.id) } : f));
  return {
    items: await followUpsWithNames(ctx.scope, unit.code, withContacts),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** The service's name (the unit's catalogue, one query) and the name of who resolved it (one batch read). */
async function followUpsWithNames<F extends FollowUp>(scope: OrgScope, unitCode: string, list: F[]) {
  if (list.length === 0) return [];
  const resolvers = list.flatMap((f) => (f.resolution?.by.startsWith('nip:') ? [f.resolution.by.slice(4)] : []));
  const [types, names] = await Promise.all([
    new ServiceCatalogueRepository(scope).types(unitCode),
    new EmployeeRepository(scope).namesOf(resolvers),
  ]);
  const serviceNames = new Map(types.map((t) => [t.code, t.name]));
  return list.map((f) => ({
    ...f,
    serviceName: serviceNames.get(f.serviceType) ?? null,
    ...(f.resolution
      ? { resolution: { ...f.resolution, byName: names.get(f.resolution.by.replace(/^nip:/, '')) ?? null } }
      : {}),
  }));
}

/** The unit head (or their Plt/Plh), the OPD admin or BKPSDM records how a complaint or low rating was followed up. */
export async function resolveUnitFollowUp(ctx: UseCaseContext, unitCode: string, id: string, note: string) {
  const { unit, isHead } = await monitoredUnit(ctx, unitCode);
  if (!canFollowUpUnit(ctx.principal, ctx.actor.unitPath, unit.path, isHead)) throw forbidden(reasons.unitHeadOnly);
  const resolved = await new SurveyRepository(ctx.scope).resolve(unit.code, id, note, writeContextOf(ctx));
  return (await followUpsWithNames(ctx.scope, unit.code, [{ ...resolved, overdue: false }]))[0]!;
}

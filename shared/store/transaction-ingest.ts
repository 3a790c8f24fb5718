import { type PeriodState, periodOf } from '../domain/periods.ts';
import { MAX_SPAN_DAYS, serviceMillis } from '../domain/service-hours.ts';
import { wibDate } from '../domain/time.ts';
import { AppError } from '../http/errors.ts';
import { EmployeeRepository } from './employees.ts';
import { HolidayRepository } from './holidays.ts';
import type { Item, OrgScope, WriteContext } from './org-scope.ts';
import { ServiceCatalogueRepository, type ServiceType, type StoredHours } from './service-catalogue.ts';
import { type ServiceTransaction, type TransactionInput, TransactionRepository, sameTransaction } from './service-transactions.ts';
import { UnitRepository } from './units.ts';
import { type PerformanceYear, YearRepository } from './years.ts';

export type IngestOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; transaction: ServiceTransaction }
  | { status: 'rejected'; error: AppError };

/** Periods whose totals are frozen: a scored or finalised period takes no more service data. */
const LOCKED: PeriodState[] = ['scored', 'finalised'];
/** Clock skew tolerated between an agency system and us before a timestamp counts as "in the future". */
const SKEW_MS = 5 * 60_000;

interface Lookups {
  existing: Map<string, ServiceTransaction>;
  units: Set<string>;
  types: Map<string, Map<string, ServiceType>>;
  hours: Map<string, StoredHours[]>;
  officers: Set<string>;
  holidays: Set<string>;
  years: Map<number, PerformanceYear>;
}

interface PlannedWrite {
  status: 'created' | 'updated';
  transaction: ServiceTransaction;
  item: Item;
}

const yearOf = (iso: string) => Number(wibDate(new Date(iso)).slice(0, 4));

/**
 * Ingests a batch of service transactions: each item is validated against the organisation's data and answered
 * on its own (an unknown NIP or service type rejects that item only). Accepted records are written in bulk, one
 * item each; the running totals follow from the table's stream (update-service-totals), which applies each change
 * of a record exactly once — so a re-sent transaction never counts twice, and racing pushes of one transaction
 * end as its last version, counted once.
 */
export async function ingestTransactions(
  scope: OrgScope,
  inputs: TransactionInput[],
  ctx: WriteContext,
  options: { surveyValidDays: number; linkIdOf: (externalId: string) => string },
): Promise<IngestOutcome[]> {
  const lookups = await load(scope, inputs);
  const writes: Item[] = [];
  const outcomes = inputs.map((input): IngestOutcome => {
    try {
      const plan = planOne(scope, input, lookups, ctx, options);
      if ('unchanged' in plan) return { status: 'unchanged', transaction: plan.unchanged };
      writes.push(plan.item);
      return { status: plan.status, transaction: plan.transaction };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { status: 'rejected', error: err };
    }
  });
  await scope.putMany('main', writes);
  return outcomes;
}

async function load(scope: OrgScope, inputs: TransactionInput[]): Promise<Lookups> {
  const unitCodes = [...new Set(inputs.map((i) => i.unitCode))];
  const catalogue = new ServiceCatalogueRepository(scope);
  const units = new UnitRepository(scope);
  const [existing, unitList, officers, perUnit] = await Promise.all([
    new TransactionRepository(scope).getMany(inputs.map((i) => i.externalId)),
    Promise.all(unitCodes.map((c) => units.get(c))),
    new EmployeeRepository(scope).getMany(inputs.flatMap((i) => i.officers)),
    Promise.all(unitCodes.map(async (c) => [c, await catalogue.types(c), await catalogue.hours(c)] as const)),
  ]);
  // Years whose periods or holidays the batch touches: those of receipt and completion, and of stored completions.
  const years = new Set<number>();
  for (const i of inputs) {
    years.add(yearOf(i.receivedAt));
    if (i.completedAt) years.add(yearOf(i.completedAt));
    const stored = existing.get(i.externalId)?.completedAt;
    if (stored) years.add(yearOf(stored));
  }
  const yearRepo = new YearRepository(scope);
  const [holidays, yearList] = await Promise.all([new HolidayRepository(scope).dates(years), Promise.all([...years].map((y) => yearRepo.get(y)))]);
  return {
    existing,
    units: new Set(unitList.filter((u) => u !== undefined).map((u) => u.code)),
    types: new Map(perUnit.map(([c, types]) => [c, new Map(types.map((t) => [t.code, t]))])),
    hours: new Map(perUnit.map(([c, , hours]) => [c, hours])),
    officers: new Set([...officers.values()].map((e) => e.nip)),
    holidays,
    years: new Map(yearList.filter((y) => y !== undefined).map((y) => [y.year, y])),
  };
}

/** The periods a completion counts in (the month or quarter, and the year), checked to accept data. */
function periodsFor(completedAt: string, years: Map<number, PerformanceYear>): string[] {
  const date = wibDate(new Date(completedAt));
  const year = years.get(Number(date.slice(0, 4)));
  if (!year) throw new AppError(422, 'service_period_unavailable', { date });
  const sub = periodOf(year.periods, date, year.cadence === 'monthly' ? 'month' : 'quarter')!;
  const whole = year.periods.find((p) => p.kind === 'year')!;
  for (const p of [sub, whole]) if (LOCKED.includes(p.state)) throw new AppError(409, 'service_period_locked', { period: p.id, state: p.state });
  return [sub.id, whole.id];
}

function planOne(
  scope: OrgScope,
  input: TransactionInput,
  l: Lookups,
  ctx: WriteContext,
  options: { surveyValidDays: number; linkIdOf: (externalId: string) => string },
): { unchanged: ServiceTransaction } | PlannedWrite {
  if (!l.units.has(input.unitCode)) throw new AppError(422, 'unknown_unit', { unit: input.unitCode });
  const type = l.types.get(input.unitCode)?.get(input.serviceType);
  if (!type || !type.active) throw new AppError(422, 'unknown_service_type', { type: input.serviceType, unit: input.unitCode });
  const officers = [...new Set(input.officers)].sort();
  const unknown = officers.filter((n) => !l.officers.has(n));
  if (unknown.length) throw new AppError(422, 'unknown_officer', { nips: unknown.join(', ') });

  const before = l.existing.get(input.externalId);
  const receivedAt = new Date(input.receivedAt).toISOString();
  // A push without a completion never removes one already recorded (deliveries may arrive out of order).
  const completedAt = input.completedAt ? new Date(input.completedAt).toISOString() : (before?.completedAt ?? null);
  const now = Date.parse(ctx.now);
  for (const [field, at] of [['receivedAt', receivedAt], ['completedAt', completedAt]] as const) {
    if (at && Date.parse(at) > now + SKEW_MS) throw new AppError(422, 'transaction_in_future', { field, at });
  }
  if (completedAt && completedAt < receivedAt) throw new AppError(422, 'completion_before_receipt', { receivedAt, completedAt });
  if (completedAt && Date.parse(completedAt) - Date.parse(receivedAt) > MAX_SPAN_DAYS * 86_400_000) {
    throw new AppError(422, 'transaction_span_too_long', { days: MAX_SPAN_DAYS });
  }

  let completion: Pick<ServiceTransaction, 'serviceSeconds' | 'standardMinutes' | 'withinStandard' | 'periodIds' | 'surveyExpiresAt'> = {
    serviceSeconds: null,
    standardMinutes: null,
    withinStandard: null,
    periodIds: [],
    surveyExpiresAt: null,
  };
  if (completedAt) {
    const hours = l.hours.get(input.unitCode) ?? [];
    if (hours.length === 0) throw new AppError(422, 'service_hours_missing', { unit: input.unitCode });
    const serviceSeconds = serviceMillis(new Date(receivedAt), new Date(completedAt), hours, l.holidays) / 1000;
    completion = {
      serviceSeconds,
      standardMinutes: type.standardMinutes,
      withinStandard: serviceSeconds <= type.standardMinutes * 60,
      periodIds: periodsFor(completedAt, l.years),
      surveyExpiresAt: Math.floor(Date.parse(completedAt) / 1000) + options.surveyValidDays * 86_400,
    };
  }
  const next = { externalId: input.externalId, unitCode: input.unitCode, serviceType: input.serviceType, officers, receivedAt, completedAt, ...completion };
  if (before && sameTransaction(before, next)) return { unchanged: before };
  // A completion already counted in a frozen period cannot move any more.
  if (before?.completedAt) periodsFor(before.completedAt, l.years);

  const item = new TransactionRepository(scope).toItem({ ...next, linkId: options.linkIdOf(input.externalId) }, ctx, before);
  return { status: before ? 'updated' : 'created', transaction: TransactionRepository.fromItem(item), item };
}

import type { MachinePrincipal } from '../auth/principal.ts';
import { type PeriodState, periodOf } from '../domain/periods.ts';
import { MAX_SPAN_DAYS, serviceMillis } from '../domain/service-hours.ts';
import { linkIdFor, signSurveyLink } from '../domain/survey-token.ts';
import { wibDate, yearOf } from '../domain/time.ts';
import { type Lang, render } from '../messages/catalogue.ts';
import { DomainError } from '../messages/errors.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { HolidayRepository } from '../store/holidays.ts';
import type { Item, OrgScope, WriteContext } from '../store/org-scope.ts';
import { ServiceCatalogueRepository, type ServiceType, type StoredHours } from '../store/service-catalogue.ts';
import { type ServiceTransaction, TransactionRepository } from '../store/service-transactions.ts';
import { UnitRepository } from '../store/units.ts';
import { type PerformanceYear, YearRepository } from '../store/years.ts';
import { surveyKeySet } from '../survey-key.ts';
import { writeContextOf } from './context.ts';

/** What an agency system sends for one transaction (validated by the route schema). */
export interface TransactionInput {
  externalId: string;
  unitCode: string;
  serviceType: string;
  officers: string[];
  receivedAt: string;
  completedAt?: string | null;
}

/** One item of a pushed batch as the edge parsed it: a transaction (with whether it wants a survey link), or why not. */
export type PushedItem =
  | { transaction: TransactionInput & { survey?: boolean } }
  | { invalid: DomainError; externalId: unknown };

/** An agency system's push: its organisation, its client, and the language errors are answered in. */
export interface AgencyContext {
  scope: OrgScope;
  principal: MachinePrincipal;
  now: Date;
  lang: Lang;
  requestId: string;
}

export interface PushResult {
  index: number;
  externalId: string;
  status: 'created' | 'updated' | 'unchanged' | 'rejected';
  transaction?: {
    unitCode: string;
    serviceType: string;
    receivedAt: string;
    completedAt: string | null;
    serviceMinutes: number | null;
    standardMinutes: number | null;
    withinStandard: boolean | null;
    periodIds: string[];
  };
  surveyUrl?: string;
  surveyExpiresAt?: string;
  error?: { code: string; message: string; details?: unknown };
}

export type IngestOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; transaction: ServiceTransaction }
  | { status: 'rejected'; error: DomainError };

const DEFAULT_SURVEY_DAYS = 30;
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
  /** The record is still what was read (absent, or the version read); none for a new, completed record. */
  condition?: string;
  values?: Item;
}

/** The WIB year of an instant. */
const wibYearOf = (iso: string) => yearOf(wibDate(new Date(iso)));

/** The fields that make two pushes of a transaction the same push. */
export const sameTransaction = (
  a: ServiceTransaction,
  b: Omit<ServiceTransaction, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'linkId'>,
): boolean =>
  a.unitCode === b.unitCode &&
  a.serviceType === b.serviceType &&
  a.officers.join() === b.officers.join() &&
  a.receivedAt === b.receivedAt &&
  a.completedAt === b.completedAt;

/**
 * A batch of up to 100 transactions from an agency system: every item gets its own result, in order (a duplicate
 * `externalId` within the batch rejects the later item), with a signed survey link for a fresh completion.
 */
export async function pushTransactionBatch(
  ctx: AgencyContext,
  items: PushedItem[],
  options: { surveyValidDays?: number; baseUrl: string },
): Promise<{ results: PushResult[]; summary: Record<'created' | 'updated' | 'unchanged' | 'rejected', number> }> {
  const results: PushResult[] = [];
  const accepted: { index: number; input: TransactionInput; survey: boolean }[] = [];
  const seen = new Set<string>();
  const rejected = (index: number, externalId: unknown, err: DomainError) => {
    results[index] = {
      index,
      externalId: typeof externalId === 'string' ? externalId : '',
      status: 'rejected',
      error: {
        code: err.code,
        message: render(err.code, ctx.lang, err.params),
        ...(err.details ? { details: err.details } : {}),
      },
    };
  };
  for (const [index, item] of items.entries()) {
    if ('invalid' in item) {
      rejected(index, item.externalId, item.invalid);
      continue;
    }
    const { survey, ...input } = item.transaction;
    if (seen.has(input.externalId)) {
      rejected(index, input.externalId, new DomainError('duplicate_in_batch', { externalId: input.externalId }));
      continue;
    }
    seen.add(input.externalId);
    accepted.push({ index, input, survey: survey !== false });
  }

  // New links are signed with the organisation's newest key; link ids come from its link key, which never rotates.
  const keys = await surveyKeySet(ctx.scope.orgId);
  const outcomes = await ingestTransactions(
    ctx.scope,
    accepted.map((a) => a.input),
    writeContextOf(ctx),
    {
      surveyValidDays: options.surveyValidDays ?? DEFAULT_SURVEY_DAYS,
      linkIdOf: (externalId) => linkIdFor(keys.linkKey, ctx.scope.orgId, externalId),
    },
  );
  // A completion pushed long after the fact gets no link: it would already have expired.
  const surveyOf = (t: ServiceTransaction) =>
    t.completedAt && t.surveyExpiresAt && t.surveyExpiresAt * 1000 > ctx.now.getTime()
      ? {
          surveyUrl: `${options.baseUrl}/s/${signSurveyLink({ orgId: ctx.scope.orgId, unitCode: t.unitCode, serviceType: t.serviceType, linkId: t.linkId, expiresAt: t.surveyExpiresAt }, keys.keys[0]!)}`,
          surveyExpiresAt: new Date(t.surveyExpiresAt * 1000).toISOString(),
        }
      : {};
  for (const [i, { index, input, survey }] of accepted.entries()) {
    const outcome = outcomes[i] as IngestOutcome;
    if (outcome.status === 'rejected') {
      rejected(index, input.externalId, outcome.error);
      continue;
    }
    const t = outcome.transaction;
    results[index] = {
      index,
      externalId: t.externalId,
      status: outcome.status,
      transaction: {
        unitCode: t.unitCode,
        serviceType: t.serviceType,
        receivedAt: t.receivedAt,
        completedAt: t.completedAt,
        serviceMinutes: t.serviceSeconds === null ? null : Math.round(t.serviceSeconds / 6) / 10,
        standardMinutes: t.standardMinutes,
        withinStandard: t.withinStandard,
        periodIds: t.periodIds,
      },
      ...(survey ? surveyOf(t) : {}),
    };
  }
  const count = (s: PushResult['status']) => results.filter((r) => r.status === s).length;
  return {
    results,
    summary: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
    },
  };
}

/** Re-reads and re-plans of items whose record changed between our read and our write. */
const MAX_ATTEMPTS = 3;

/**
 * Ingests a batch of service transactions: each item is validated against the organisation's data and answered
 * on its own (an unknown NIP or service type rejects that item only). A change of a stored record, or a new one
 * without its completion, is written on the condition that the record is still what was read, so racing pushes
 * never undo each other (a completion is never lost): the loser is re-read and answered as `unchanged` or applied
 * on top. The running totals follow from the table's
 * stream (update-service-totals), which applies each change of a record exactly once, so a re-sent transaction
 * never counts twice.
 */
export async function ingestTransactions(
  scope: OrgScope,
  inputs: TransactionInput[],
  ctx: WriteContext,
  options: { surveyValidDays: number; linkIdOf: (externalId: string) => string },
): Promise<IngestOutcome[]> {
  const outcomes = new Array<IngestOutcome>(inputs.length);
  let pending = inputs.map((input, index) => ({ input, index }));
  for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
    const lookups = await load(
      scope,
      pending.map((p) => p.input),
    );
    const planned: (PlannedWrite & { index: number })[] = [];
    for (const { input, index } of pending) {
      try {
        const plan = planOne(scope, input, lookups, ctx, options);
        if ('unchanged' in plan) outcomes[index] = { status: 'unchanged', transaction: plan.unchanged };
        else planned.push({ ...plan, index });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        outcomes[index] = { status: 'rejected', error: err };
      }
    }
    // A new record that arrives completed cannot lose information by overwriting (a racing push of it is complete
    // too, or the receipt-only push that re-reads it after its condition fails): those go in bulk.
    const bulk = planned.filter((p) => !p.condition);
    const guarded = planned.filter((p) => p.condition);
    const [, written] = await Promise.all([
      scope.putMany(
        'main',
        bulk.map((p) => p.item),
      ),
      scope.putEach(
        'main',
        guarded.map((p) => ({ item: p.item, condition: p.condition!, ...(p.values ? { values: p.values } : {}) })),
      ),
    ]);
    for (const p of bulk) outcomes[p.index] = { status: p.status, transaction: p.transaction };
    guarded.forEach((p, i) => {
      if (written[i]) outcomes[p.index] = { status: p.status, transaction: p.transaction };
    });
    const lost = new Set(guarded.filter((_, i) => !written[i]).map((p) => p.index));
    pending = pending.filter((p) => lost.has(p.index));
  }
  for (const { index } of pending)
    outcomes[index] = { status: 'rejected', error: new DomainError('transaction_conflict') };
  return outcomes;
}

async function load(scope: OrgScope, inputs: TransactionInput[]): Promise<Lookups> {
  const unitCodes = [...new Set(inputs.map((i) => i.unitCode))];
  const catalogue = new ServiceCatalogueRepository(scope);
  const units = new UnitRepository(scope);
  const yearRepo = new YearRepository(scope);
  const calendar = new HolidayRepository(scope);
  // Years whose periods or holidays the batch touches: those of receipt and completion (read with everything
  // else), and of completions already stored (rarely another year: read after).
  const years = new Set(
    inputs.flatMap((i) => [wibYearOf(i.receivedAt), ...(i.completedAt ? [wibYearOf(i.completedAt)] : [])]),
  );
  const [existing, unitList, officers, perUnit, holidays, yearList] = await Promise.all([
    new TransactionRepository(scope).getMany(inputs.map((i) => i.externalId)),
    Promise.all(unitCodes.map((c) => units.get(c))),
    new EmployeeRepository(scope).getMany(inputs.flatMap((i) => i.officers)),
    Promise.all(
      unitCodes.map(async (c) => [c, ...(await Promise.all([catalogue.types(c), catalogue.hours(c)]))] as const),
    ),
    calendar.dates(years),
    Promise.all([...years].map((y) => yearRepo.get(y))),
  ]);
  const more = [
    ...new Set([...existing.values()].flatMap((t) => (t.completedAt ? [wibYearOf(t.completedAt)] : []))),
  ].filter((y) => !years.has(y));
  if (more.length) {
    const [extraHolidays, extraYears] = await Promise.all([
      calendar.dates(more),
      Promise.all(more.map((y) => yearRepo.get(y))),
    ]);
    for (const d of extraHolidays) holidays.add(d);
    yearList.push(...extraYears);
  }
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
  const year = years.get(yearOf(date));
  if (!year) throw new DomainError('service_period_unavailable', { date });
  const sub = periodOf(year.periods, date, year.cadence === 'monthly' ? 'month' : 'quarter')!;
  const whole = year.periods.find((p) => p.kind === 'year')!;
  for (const p of [sub, whole])
    if (LOCKED.includes(p.state)) throw new DomainError('service_period_locked', { period: p.id, state: p.state });
  return [sub.id, whole.id];
}

function planOne(
  scope: OrgScope,
  input: TransactionInput,
  l: Lookups,
  ctx: WriteContext,
  options: { surveyValidDays: number; linkIdOf: (externalId: string) => string },
): { unchanged: ServiceTransaction } | PlannedWrite {
  if (!l.units.has(input.unitCode)) throw new DomainError('unknown_unit', { unit: input.unitCode });
  const type = l.types.get(input.unitCode)?.get(input.serviceType);
  if (!type?.active) throw new DomainError('unknown_service_type', { type: input.serviceType, unit: input.unitCode });
  const officers = [...new Set(input.officers)].sort();
  const unknown = officers.filter((n) => !l.officers.has(n));
  if (unknown.length) throw new DomainError('unknown_officer', { nips: unknown.join(', ') });

  const before = l.existing.get(input.externalId);
  const receivedAt = new Date(input.receivedAt).toISOString();
  // A push without a completion never removes one already recorded (deliveries may arrive out of order).
  const completedAt = input.completedAt ? new Date(input.completedAt).toISOString() : (before?.completedAt ?? null);
  const now = Date.parse(ctx.now);
  for (const [field, at] of [
    ['receivedAt', receivedAt],
    ['completedAt', completedAt],
  ] as const) {
    if (at && Date.parse(at) > now + SKEW_MS) throw new DomainError('transaction_in_future', { field, at });
  }
  if (completedAt && completedAt < receivedAt)
    throw new DomainError('completion_before_receipt', { receivedAt, completedAt });
  if (completedAt && Date.parse(completedAt) - Date.parse(receivedAt) > MAX_SPAN_DAYS * 86_400_000) {
    throw new DomainError('transaction_span_too_long', { days: MAX_SPAN_DAYS });
  }

  let completion: Pick<
    ServiceTransaction,
    'serviceSeconds' | 'standardMinutes' | 'withinStandard' | 'periodIds' | 'surveyExpiresAt'
  > = {
    serviceSeconds: null,
    standardMinutes: null,
    withinStandard: null,
    periodIds: [],
    surveyExpiresAt: null,
  };
  if (completedAt) {
    const hours = l.hours.get(input.unitCode) ?? [];
    if (hours.length === 0) throw new DomainError('service_hours_missing', { unit: input.unitCode });
    const serviceSeconds = serviceMillis(new Date(receivedAt), new Date(completedAt), hours, l.holidays) / 1000;
    completion = {
      serviceSeconds,
      standardMinutes: type.standardMinutes,
      withinStandard: serviceSeconds <= type.standardMinutes * 60,
      periodIds: periodsFor(completedAt, l.years),
      surveyExpiresAt: Math.floor(Date.parse(completedAt) / 1000) + options.surveyValidDays * 86_400,
    };
  }
  const next = {
    externalId: input.externalId,
    unitCode: input.unitCode,
    serviceType: input.serviceType,
    officers,
    receivedAt,
    completedAt,
    ...completion,
  };
  if (before && sameTransaction(before, next)) return { unchanged: before };
  // A completion already counted in a frozen period cannot move any more.
  if (before?.completedAt) periodsFor(before.completedAt, l.years);

  const item = new TransactionRepository(scope).toItem(
    { ...next, linkId: options.linkIdOf(input.externalId) },
    ctx,
    before,
  );
  return {
    status: before ? 'updated' : 'created',
    transaction: TransactionRepository.fromItem(item),
    item,
    ...(before
      ? { condition: 'version = :v', values: { ':v': before.version } }
      : completedAt
        ? {}
        : { condition: 'attribute_not_exists(pk)' }),
  };
}

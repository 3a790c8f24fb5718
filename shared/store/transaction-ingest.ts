import { type PeriodState, periodOf } from '../domain/periods.ts';
import { MAX_SPAN_DAYS, serviceMillis } from '../domain/service-hours.ts';
import { newLinkId } from '../domain/survey-token.ts';
import { wibDate } from '../domain/time.ts';
import { AppError } from '../http/errors.ts';
import { EmployeeRepository } from './employees.ts';
import { HolidayRepository } from './holidays.ts';
import { type OrgScope, type TransactItem, type WriteContext, cancellationCodes } from './org-scope.ts';
import { ServiceCatalogueRepository, type ServiceType, type StoredHours } from './service-catalogue.ts';
import { TotalsChanges, ServiceTotalsRepository } from './service-totals.ts';
import { type ServiceTransaction, type TransactionInput, TransactionRepository, completionDelta, sameTransaction } from './service-transactions.ts';
import { UnitRepository } from './units.ts';
import { type PerformanceYear, YearRepository } from './years.ts';

export type IngestOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; transaction: ServiceTransaction }
  | { status: 'rejected'; error: AppError };

/** Periods whose totals are frozen: a scored or finalised period takes no more service data. */
const LOCKED: PeriodState[] = ['scored', 'finalised'];
const TRANSACTION_LIMIT = 100;
const MAX_ATTEMPTS = 4;
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
  index: number;
  status: 'created' | 'updated';
  transaction: ServiceTransaction;
  put: TransactItem;
  before?: ServiceTransaction;
}

const yearOf = (iso: string) => Number(wibDate(new Date(iso)).slice(0, 4));

/**
 * Ingests a batch of service transactions: each item is validated against the organisation's data and answered
 * on its own (an unknown NIP or service type rejects that item only). Accepted items are written with the running
 * totals they move, many to a DynamoDB transaction, each total once per transaction; the record's version (or
 * absence) is the condition, so a re-sent or racing push never counts twice: the loser is re-read and answered
 * as `unchanged` or applied as an update.
 */
export async function ingestTransactions(scope: OrgScope, inputs: TransactionInput[], ctx: WriteContext, surveyValidDays: number): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(inputs.length);
  const totalsRepo = new ServiceTotalsRepository(scope);
  let pending = inputs.map((input, index) => ({ input, index }));
  for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
    const lookups = await load(scope, pending.map((p) => p.input));
    const planned: PlannedWrite[] = [];
    for (const { input, index } of pending) {
      try {
        const plan = planOne(scope, input, lookups, ctx, surveyValidDays);
        if ('unchanged' in plan) outcomes[index] = { status: 'unchanged', transaction: plan.unchanged };
        else planned.push({ ...plan, index });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        outcomes[index] = { status: 'rejected', error: err };
      }
    }
    const lost = await writeInChunks(scope, totalsRepo, planned);
    for (const p of planned) if (!lost.has(p.index)) outcomes[p.index] = { status: p.status, transaction: p.transaction };
    pending = pending.filter((p) => lost.has(p.index));
  }
  for (const { index } of pending) outcomes[index] = { status: 'rejected', error: new AppError(409, 'transaction_conflict') };
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
  surveyValidDays: number,
): { unchanged: ServiceTransaction } | Omit<PlannedWrite, 'index'> {
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
      surveyExpiresAt: Math.floor(Date.parse(completedAt) / 1000) + surveyValidDays * 86_400,
    };
  }
  const next = { externalId: input.externalId, unitCode: input.unitCode, serviceType: input.serviceType, officers, receivedAt, completedAt, ...completion };
  if (before && sameTransaction(before, next)) return { unchanged: before };
  // A completion already counted in a frozen period cannot move any more.
  if (before?.completedAt) periodsFor(before.completedAt, l.years);

  const repo = new TransactionRepository(scope);
  const item = repo.toItem({ ...next, linkId: before?.linkId ?? newLinkId() }, ctx, before);
  return {
    status: before ? 'updated' : 'created',
    transaction: TransactionRepository.fromItem(item),
    put: { put: { table: 'main', item, ...(before ? { condition: 'version = :v', values: { ':v': before.version } } : { condition: 'attribute_not_exists(pk)' }) } },
    ...(before ? { before } : {}),
  };
}

/** Writes planned items in transactions of at most 100 items; returns the indexes whose record changed meanwhile. */
async function writeInChunks(scope: OrgScope, totals: ServiceTotalsRepository, planned: PlannedWrite[]): Promise<Set<number>> {
  const lost = new Set<number>();
  const chunks: PlannedWrite[][] = [];
  let chunk: PlannedWrite[] = [];
  let changes = new TotalsChanges();
  for (const p of planned) {
    const added = new Set(keysOfChange(totals, p).map((k) => `${k.pk}|${k.sk}`).filter((id) => !changes.changes.has(id)));
    if (chunk.length > 0 && chunk.length + 1 + changes.size + added.size > TRANSACTION_LIMIT) {
      chunks.push(chunk);
      chunk = [];
      changes = new TotalsChanges();
    }
    chunk.push(p);
    addChange(totals, changes, p);
  }
  if (chunk.length) chunks.push(chunk);
  // Sequential: chunks of one batch share totals records, and concurrent transactions on one item conflict.
  for (const c of chunks) for (const index of await writeChunk(scope, totals, c)) lost.add(index);
  return lost;
}

function keysOfChange(totals: ServiceTotalsRepository, p: PlannedWrite) {
  const of = (t: ServiceTransaction) => (t.completedAt ? totals.keysOf({ unitCode: t.unitCode, serviceType: t.serviceType, officers: t.officers, periodIds: t.periodIds }) : []);
  return [...of(p.transaction), ...(p.before ? of(p.before) : [])];
}

function addChange(totals: ServiceTotalsRepository, changes: TotalsChanges, p: PlannedWrite): void {
  const keys = (t: ServiceTransaction) => totals.keysOf({ unitCode: t.unitCode, serviceType: t.serviceType, officers: t.officers, periodIds: t.periodIds });
  if (p.before?.completedAt) changes.add(keys(p.before), completionDelta(p.before), -1);
  if (p.transaction.completedAt) changes.add(keys(p.transaction), completionDelta(p.transaction));
}

/**
 * One transaction of records and totals. A record changed by someone else since it was read drops out (its item
 * is re-planned by the caller) and the rest is written again; a conflict with a concurrent transaction on a
 * shared totals record is retried after a short, jittered pause.
 */
async function writeChunk(scope: OrgScope, totals: ServiceTotalsRepository, chunk: PlannedWrite[]): Promise<number[]> {
  const lost: number[] = [];
  let entries = chunk;
  for (let attempt = 0; entries.length > 0; attempt++) {
    const changes = new TotalsChanges();
    for (const p of entries) addChange(totals, changes, p);
    try {
      await scope.transact([...entries.map((p) => p.put), ...totals.updates(changes.changes)]);
      return lost;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes.length === 0) throw err;
      const changed = entries.filter((_, i) => codes[i] === 'ConditionalCheckFailed');
      if (changed.length === 0 && attempt >= 8) throw err;
      lost.push(...changed.map((p) => p.index));
      entries = entries.filter((_, i) => codes[i] !== 'ConditionalCheckFailed');
      if (changed.length === 0) await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
  return lost;
}

import { forEachConcurrently } from '../concurrency.ts';
import { periodIdFor } from '../domain/activities.ts';
import type { Cadence } from '../domain/periods.ts';
import { minuteBucket } from '../domain/service-indicators.ts';
import { FOLLOW_UP_HOURS } from '../domain/skm.ts';
import { wibDate, yearOf } from '../domain/time.ts';
import { cancellationCodes, type Item, OrgScope, type TransactItem } from '../store/org-scope.ts';
import { ServiceTotalsRepository, TotalsChanges, type TotalsDelta } from '../store/service-totals.ts';
import { type ServiceTransaction, TransactionRepository } from '../store/service-transactions.ts';
import { type FollowUp, type StoredResponse, SurveyRepository } from '../store/surveys.ts';
import { YearRepository } from '../store/years.ts';

/** One change of a record, as the stream delivers it. */
export interface RecordChange {
  /** The stream record's sequence number: unique, so applying it twice is detectable. */
  sequence: string;
  oldImage?: Item;
  newImage?: Item;
}

/** What a completed transaction adds to the totals it counts in. */
export const completionDelta = (t: Pick<ServiceTransaction, 'serviceSeconds' | 'withinStandard'>): TotalsDelta =>
  t.serviceSeconds === null
    ? {}
    : {
        served: 1,
        withinStandard: t.withinStandard ? 1 : 0,
        serviceSeconds: t.serviceSeconds,
        buckets: { [minuteBucket(t.serviceSeconds)]: 1 },
      };

/**
 * The follow-up a flagged response raises, due 2×24 hours after it; its id sorts by time and names the link
 * (`<time>-<linkId>`, see linkIdOfFollowUp). It carries the agency's reference of the transaction, so whoever
 * follows up can find the case in the agency's own system.
 */
export function followUpOf(r: StoredResponse, reference: string | null): FollowUp {
  return {
    id: `${r.submittedAt.replace(/[-:.]/g, '')}-${r.linkId}`,
    unitCode: r.unitCode,
    serviceType: r.serviceType,
    reasons: r.followUpReasons,
    reference,
    answers: r.answers,
    comment: r.comment ?? null,
    submittedAt: r.submittedAt,
    dueAt: new Date(Date.parse(r.submittedAt) + FOLLOW_UP_HOURS * 3_600_000).toISOString(),
    status: 'open',
    version: 1,
  };
}

/** Applied sequence numbers outlive the stream's 24-hour retention, then expire. */
const MARKER_TTL_SECONDS = 3 * 86_400;

/**
 * The cadence periods are cut by: the year's, else (a year not opened yet) the previous year's, else monthly. A
 * year's cadence never changes once opened, so found ones are kept per container; a guess is not.
 */
const cadences = new Map<string, Cadence>();
async function cadenceOf(scope: OrgScope, year: number): Promise<Cadence> {
  const cached = cadences.get(`${scope.orgId}/${year}`);
  if (cached) return cached;
  const years = new YearRepository(scope);
  const found = (await years.get(year))?.cadence;
  if (found) cadences.set(`${scope.orgId}/${year}`, found);
  return found ?? (await years.get(year - 1))?.cadence ?? 'monthly';
}

/** One change turned into what it writes: its totals increments and, for a survey response, its own records. */
interface PlannedChange {
  sequence: string;
  orgId: string;
  totals: TotalsChanges;
  extra: TransactItem[];
  /** The record holding its sequence number once applied (see appliedKeyOf). */
  applied: { pk: string; sk: string };
}

/** DynamoDB's limit of items in one TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;
/**
 * Sequence numbers one transaction checks and adds: its condition `NOT (contains(…) OR …)` stays within DynamoDB's
 * limits of 4 KB and 300 operators per expression (100: about 2.2 KB, 200 operators).
 */
const MAX_CHANGES_PER_WRITE = 100;

/**
 * Where a change's sequence number is kept once applied: a string set per 100 ms of the changed record's
 * `updatedAt` (the same for every delivery of the record), so the changes of one request — written at one
 * instant, delivered together — share one such record; without `updatedAt`, one record per change. A set holds
 * 25 to 45 bytes a change: DynamoDB's 400 KB item limit is some 9,000 changes of one organisation in 100 ms, far
 * above what ingest writes (a push is at most 100 transactions).
 */
function appliedKeyOf(scope: OrgScope, image: Item, sequence: string): { pk: string; sk: string } {
  const at = typeof image.updatedAt === 'string' ? image.updatedAt.slice(0, 21) : undefined;
  return at
    ? { pk: scope.key('APPLIED', at), sk: 'SEQUENCES' }
    : { pk: scope.key('APPLIED', 'SEQ', sequence), sk: 'SEQUENCES' };
}

async function planChange(change: RecordChange, now: Date): Promise<PlannedChange | undefined> {
  const image = change.newImage ?? change.oldImage;
  if (!image || typeof image.orgId !== 'string') return undefined;
  const scope = new OrgScope(image.orgId);
  const totals = new ServiceTotalsRepository(scope);
  const changes = new TotalsChanges();
  const extra: TransactItem[] = [];
  const ctx = { actor: 'system:service-totals', now: now.toISOString() };

  if (image.entity === 'ServiceTransaction') {
    const keys = (t: ServiceTransaction) =>
      totals.keysOf({ unitCode: t.unitCode, serviceType: t.serviceType, officers: t.officers, periodIds: t.periodIds });
    const before = change.oldImage as unknown as ServiceTransaction | undefined;
    const after = change.newImage as unknown as ServiceTransaction | undefined;
    if (before?.completedAt) changes.add(keys(before), completionDelta(before), -1);
    if (after?.completedAt) changes.add(keys(after), completionDelta(after));
  } else if (image.entity === 'SurveyResponse' && !change.oldImage && change.newImage) {
    const r = change.newImage as unknown as StoredResponse;
    // The response counts in the periods of the day it was given, for the unit, the service type and the officers
    // who served the transaction then. Who was credited is written on the response, in the same transaction, so
    // a later correction of the transaction's officers does not move it, and a recount can say what was counted.
    const day = wibDate(new Date(r.submittedAt));
    const [tx, cadence] = await Promise.all([
      new TransactionRepository(scope).byLink(r.linkId),
      cadenceOf(scope, yearOf(day)),
    ]);
    const credited = { officers: tx?.officers ?? [], periodIds: [periodIdFor(day, cadence), day.slice(0, 4)] };
    changes.add(totals.keysOf({ unitCode: r.unitCode, serviceType: r.serviceType, ...credited }), {
      respondents: 1,
      sums: r.answers,
      followUps: r.followUpReasons.length > 0 ? 1 : 0,
    });
    extra.push({
      update: {
        table: 'main',
        key: { pk: image.pk as string, sk: image.sk as string },
        set: 'SET credited = :c',
        values: { ':c': credited },
      },
    });
    if (r.followUpReasons.length > 0)
      extra.push({
        put: {
          table: 'main',
          item: new SurveyRepository(scope).followUpItem(followUpOf(r, tx?.externalId ?? null), ctx),
        },
      });
  } else {
    return undefined;
  }
  if (totals.updates(changes.changes).length === 0 && extra.length === 0) return undefined;
  return {
    sequence: change.sequence,
    orgId: image.orgId,
    totals: changes,
    extra,
    applied: appliedKeyOf(scope, image, change.sequence),
  };
}

/** What a batch came to: sequences applied, already applied before (redelivered), ignored, and failed. */
export interface BatchOutcome {
  applied: number;
  duplicate: number;
  ignored: number;
  /** Sequence numbers of the changes not applied (the stream delivers them again), and why. */
  failed: string[];
  errors: unknown[];
}

/**
 * Applies a batch of changes of service transactions and survey responses to the running totals, exactly once,
 * folded: the changes' increments are summed per totals record, so a batch writes each record once (not once per
 * change). Each transaction (at most 100 items) carries the summed increments, the responses' own writes, and the
 * changes' sequence numbers, added to the string sets that keep them (appliedKeyOf) on the condition that none is
 * there yet: the changes of one request share one set, so a batch usually writes a single such record instead of
 * one marker per change. A sequence number already there (a redelivered record, or another consumer that was
 * faster) cancels the transaction: the sets are read back, the changes found in them are dropped as duplicates and
 * the rest is folded and written again, so a redelivered batch changes nothing. A transaction's correction moves
 * its old contribution out and its new one in; increments commute, so the order of changes within a batch is moot.
 */
export async function applyServiceChanges(changes: RecordChange[], now: Date): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { applied: 0, duplicate: 0, ignored: 0, failed: [], errors: [] };
  const planned = new Array<PlannedChange | undefined>(changes.length);
  const unplanned = new Set<number>();
  await forEachConcurrently(changes, 8, async (change, i) => {
    try {
      planned[i] = await planChange(change, now);
    } catch (err) {
      unplanned.add(i);
      outcome.errors.push(err);
    }
  });
  for (const i of unplanned) outcome.failed.push(changes[i]!.sequence);
  outcome.ignored = planned.filter((p, i) => !p && !unplanned.has(i)).length;
  // A record listed twice in one batch counts once.
  const sequences = new Set<string>();
  for (const [i, p] of planned.entries()) {
    if (!p) continue;
    if (sequences.has(p.sequence)) {
      planned[i] = undefined;
      outcome.duplicate++;
    }
    sequences.add(p.sequence);
  }
  // Transactions per organisation, filled while the records they write (sets of sequence numbers, distinct totals
  // records, the responses' writes) fit in one.
  const groups: PlannedChange[][] = [];
  for (const orgId of new Set(planned.flatMap((p) => (p ? [p.orgId] : [])))) {
    let group: PlannedChange[] = [];
    let keys = new Set<string>();
    let extra = 0;
    for (const p of planned) {
      if (!p || p.orgId !== orgId) continue;
      const added = new Set(
        [`${p.applied.pk}|${p.applied.sk}`, ...p.totals.changes.keys()].filter((k) => !keys.has(k)),
      );
      if (
        group.length &&
        (group.length >= MAX_CHANGES_PER_WRITE ||
          extra + keys.size + p.extra.length + added.size > MAX_TRANSACTION_ITEMS)
      ) {
        groups.push(group);
        group = [];
        keys = new Set();
        extra = 0;
      }
      group.push(p);
      extra += p.extra.length;
      keys.add(`${p.applied.pk}|${p.applied.sk}`);
      for (const k of p.totals.changes.keys()) keys.add(k);
    }
    if (group.length) groups.push(group);
  }
  // One after the other: two transactions of one batch would often share totals records and sets.
  for (const group of groups) {
    try {
      const { applied, duplicate } = await writeFolded(group, now);
      outcome.applied += applied;
      outcome.duplicate += duplicate;
    } catch (err) {
      outcome.failed.push(...group.map((p) => p.sequence));
      outcome.errors.push(err);
    }
  }
  return outcome;
}

async function writeFolded(group: PlannedChange[], now: Date): Promise<{ applied: number; duplicate: number }> {
  const scope = new OrgScope(group[0]!.orgId);
  const totals = new ServiceTotalsRepository(scope);
  const expiresAt = Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS;
  let pending = group;
  let duplicate = 0;
  // Changes of one unit share its totals: a concurrent transaction on them is retried after a jittered pause.
  for (let attempt = 0; pending.length > 0; ) {
    const folded = new TotalsChanges();
    for (const p of pending) for (const { key, delta } of p.totals.changes.values()) folded.add([key], delta);
    const sets = new Map<string, { key: { pk: string; sk: string }; sequences: string[] }>();
    for (const p of pending) {
      const id = `${p.applied.pk}|${p.applied.sk}`;
      if (!sets.has(id)) sets.set(id, { key: p.applied, sequences: [] });
      sets.get(id)!.sequences.push(p.sequence);
    }
    const marks = [...sets.values()].map(
      ({ key, sequences }): TransactItem => ({
        update: {
          table: 'main',
          key,
          set: 'ADD #s :all SET #e = :e',
          condition: `NOT (${sequences.map((_, i) => `contains(#s, :s${i})`).join(' OR ')})`,
          names: { '#s': 'sequences', '#e': 'expiresAt' },
          values: {
            ':all': new Set(sequences),
            ':e': expiresAt,
            ...Object.fromEntries(sequences.map((q, i) => [`:s${i}`, q])),
          },
        },
      }),
    );
    try {
      await scope.transact([...marks, ...totals.updates(folded.changes), ...pending.flatMap((p) => p.extra)]);
      return { applied: pending.length, duplicate };
    } catch (err) {
      const codes = cancellationCodes(err);
      const refused = [...sets.values()].filter((_, i) => codes[i] === 'ConditionalCheckFailed');
      if (refused.length > 0) {
        const stored = await Promise.all(refused.map(({ key }) => scope.get('main', key.pk, key.sk, true)));
        const seen = new Set(stored.flatMap((i) => [...((i?.sequences as Set<string> | undefined) ?? [])]));
        const again = pending.filter((p) => !seen.has(p.sequence));
        if (again.length === pending.length) throw err;
        duplicate += pending.length - again.length;
        pending = again;
        continue;
      }
      if (!codes.includes('TransactionConflict') || attempt >= 6) throw err;
      await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * (0.5 + Math.random())));
      attempt++;
    }
  }
  return { applied: 0, duplicate };
}

/** One change on its own (tests, replay): see applyServiceChanges. */
export async function applyServiceChange(
  change: RecordChange,
  now: Date,
): Promise<'applied' | 'duplicate' | 'ignored'> {
  const outcome = await applyServiceChanges([change], now);
  if (outcome.errors.length) throw outcome.errors[0];
  return outcome.applied ? 'applied' : outcome.duplicate ? 'duplicate' : 'ignored';
}

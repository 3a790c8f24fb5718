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

/** Markers of applied changes outlive the stream's 24-hour retention, then expire. */
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

/**
 * Applies one change of a service transaction or survey response to the running totals, exactly once: the
 * increments, a marker named by the stream record's sequence number, and (for a flagged response) the follow-up
 * go in one transaction conditioned on the marker being new. A redelivered record finds its marker and changes
 * nothing. A transaction's correction moves its old contribution out and its new one in.
 */
export async function applyServiceChange(
  change: RecordChange,
  now: Date,
): Promise<'applied' | 'duplicate' | 'ignored'> {
  const image = change.newImage ?? change.oldImage;
  if (!image || typeof image.orgId !== 'string') return 'ignored';
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
    return 'ignored';
  }

  const updates = totals.updates(changes.changes);
  if (updates.length === 0 && extra.length === 0) return 'ignored';
  const marker: TransactItem = {
    put: {
      table: 'main',
      item: {
        pk: image.pk as string,
        sk: `APPLIED#${change.sequence}`,
        expiresAt: Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS,
      },
      condition: 'attribute_not_exists(pk)',
    },
  };
  // Changes of one unit share its totals: a concurrent transaction on them is retried after a jittered pause.
  for (let attempt = 0; ; attempt++) {
    try {
      await scope.transact([marker, ...updates, ...extra]);
      return 'applied';
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes[0] === 'ConditionalCheckFailed') return 'duplicate';
      if (!codes.includes('TransactionConflict') || attempt >= 6) throw err;
      await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

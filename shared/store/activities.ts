import { createHash, randomUUID } from 'node:crypto';
import type { ActivityStatus } from '../domain/activities.ts';
import { DomainError } from '../messages/errors.ts';
import {
  type Item,
  isConditionalFailure,
  type OrgScope,
  type Page,
  recordOf,
  type TransactItem,
  type WriteContext,
} from './org-scope.ts';

export interface Activity {
  id: string;
  nip: string;
  date: string;
  start: string;
  end: string;
  minutes: number;
  description: string;
  year: number;
  periodId: string;
  rhkId: string;
  ikiId: string;
  planVersion: number;
  outputQuantity: number;
  outputUnit: string;
  evidence: string[];
  status: ActivityStatus;
  /** The direct supervisor when logged: whose verification queue it sits in. */
  supervisorNip: string | null;
  rejectReason?: string;
  verifiedBy?: string;
  verifiedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** An entry's place in a person's time order. */
export type ActivityPosition = Pick<Activity, 'date' | 'start' | 'id'>;

/** Time order: date, then start, then id. */
export const inTimeOrder = (a: ActivityPosition, b: ActivityPosition): number =>
  a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id);

export type ActivityFields = Omit<Activity, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

export interface DayTotals {
  date: string;
  /** Minutes of entries not rejected (what the person reported). */
  loggedMinutes: number;
  /** Minutes of approved entries. */
  approvedMinutes: number;
  /** Approved minutes up to the daily cap in force when the day last changed; the period total is their sum. */
  countedMinutes: number;
  dayVersion: number;
}

export interface PeriodTotals {
  periodId: string;
  pending: number;
  approved: number;
  rejected: number;
  countedMinutes: number;
}

export interface IkiTotals {
  periodId: string;
  ikiId: string;
  approvedQuantity: number;
  approvedCount: number;
}

export const fieldsOf = ({
  version: _v,
  createdAt: _c,
  updatedAt: _u,
  updatedBy: _b,
  ...f
}: Activity): ActivityFields => f;

/** An activity's fields without the verification ones, for a change that sends it back to pending. */
export const unverified = (a: Activity): Omit<ActivityFields, 'rejectReason' | 'verifiedBy' | 'verifiedAt'> => {
  const { rejectReason: _r, verifiedBy: _b, verifiedAt: _a, ...rest } = fieldsOf(a);
  return rest;
};

const dayOf = (date: string, i: Item | undefined): DayTotals => ({
  date,
  loggedMinutes: (i?.loggedMinutes as number) ?? 0,
  approvedMinutes: (i?.approvedMinutes as number) ?? 0,
  countedMinutes: (i?.countedMinutes as number) ?? 0,
  dayVersion: (i?.dayVersion as number) ?? 0,
});
const periodTotalsOf = (periodId: string, i: Item | undefined): PeriodTotals => ({
  periodId,
  pending: (i?.pending as number) ?? 0,
  approved: (i?.approved as number) ?? 0,
  rejected: (i?.rejected as number) ?? 0,
  countedMinutes: (i?.countedMinutes as number) ?? 0,
});
const counts = (a: { status: ActivityStatus } | undefined, status: ActivityStatus) => (a?.status === status ? 1 : 0);

/**
 * Daily activities and the running totals that scoring reads (O(employees), never O(activities)). Keys, all in
 * the person's partition, so every view is one key range:
 *   ACT#<date>#<id>                  an activity; gsi1 ORG#o#VERIFY#<supervisor or NONE> / <date>#<start>#<nip>#<id> while pending
 *   DAY#<date>                       logged, approved and counted minutes of a day; its version serialises that day's writes
 *   TOTAL#<period>                   pending/approved/rejected counts and counted minutes of a period
 *   TOTAL#<period>#IKI#<iki>         approved output quantity and count per indicator (realisasi)
 *   IDEMP#<key hash>                 a create's Idempotency-Key and its first response, kept a day (TTL)
 */
export class ActivityRepository {
  constructor(readonly scope: OrgScope) {}

  private pk(nip: string) {
    return this.scope.key('EMP', nip);
  }

  sk(a: Pick<Activity, 'date' | 'id'>) {
    return `ACT#${a.date}#${a.id}`;
  }

  static fromItem(i: Item): Activity {
    const rest = recordOf(i);
    return rest as unknown as Activity;
  }

  /** The verification queue of a position; entries of people with no supervisor in the system queue for BKPSDM. */
  private queueKey(supervisorNip: string | null): string {
    return this.scope.key('VERIFY', supervisorNip ?? NO_SUPERVISOR);
  }

  private toItem(a: ActivityFields, ctx: WriteContext, previous?: Activity): Item {
    return {
      pk: this.pk(a.nip),
      sk: this.sk(a),
      ...(a.status === 'pending'
        ? { gsi1pk: this.queueKey(a.supervisorNip), gsi1sk: `${a.date}#${a.start}#${a.nip}#${a.id}` }
        : {}),
      ...a,
      subjectNip: a.nip,
      ...this.scope.stamp('Activity', a.id, ctx, previous),
    };
  }

  newId(): string {
    return randomUUID();
  }

  async find(nip: string, id: string, date: string): Promise<Activity | undefined> {
    const item = await this.scope.get('main', this.pk(nip), this.sk({ date, id }), true);
    return item ? ActivityRepository.fromItem(item) : undefined;
  }

  /** A person's activities in a date range (inclusive), in time order. */
  async range(nip: string, from: string, to: string, consistent = false): Promise<Activity[]> {
    const items = await this.scope.queryAll('main', {
      pk: this.pk(nip),
      between: [`ACT#${from}`, `ACT#${to}#\uffff`],
      consistent,
    });
    return items.map(ActivityRepository.fromItem).sort(inTimeOrder);
  }

  /**
   * Up to `limit` of a person's activities in a date range (inclusive), in time order (date, start, id), after
   * `after`. They are stored in date-then-id order, so a page reads on to the end of its last day before sorting
   * it; `more` says whether entries follow.
   */
  async rangePage(
    nip: string,
    from: string,
    to: string,
    limit: number,
    after?: ActivityPosition,
  ): Promise<{ items: Activity[]; more: boolean }> {
    const read: Activity[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.scope.query('main', {
        pk: this.pk(nip),
        between: [`ACT#${after?.date ?? from}`, `ACT#${to}#\uffff`],
        // Reading a little ahead: a day is rarely split across calls.
        limit: Math.max(2 * limit, 50),
        cursor,
      });
      read.push(...page.items.map(ActivityRepository.fromItem));
      cursor = page.nextCursor;
      const lastDate = read.at(-1)?.date;
      // Only whole days can be put in order: while there is more to read, the last day read may be partial.
      const settled = cursor ? read.filter((a) => lastDate !== undefined && a.date < lastDate) : read;
      const next = settled.filter((a) => !after || inTimeOrder(a, after) > 0).sort(inTimeOrder);
      if (!cursor || next.length >= limit)
        return { items: next.slice(0, limit), more: !!cursor || next.length > limit };
    }
  }

  /** Every pending entry of a person (for moving them to a new supervisor's queue). */
  async pendingOf(nip: string): Promise<Activity[]> {
    const items = await this.scope.queryAll('main', { pk: this.pk(nip), beginsWith: 'ACT#' });
    return items.map(ActivityRepository.fromItem).filter((a) => a.status === 'pending');
  }

  /** Moves a pending entry to another supervisor's queue (only if it is still pending and unchanged). */
  async requeue(a: Activity, supervisorNip: string | null, ctx: WriteContext): Promise<boolean> {
    try {
      await this.scope.update(
        'main',
        { pk: this.pk(a.nip), sk: this.sk(a) },
        {
          set: 'SET supervisorNip = :s, gsi1pk = :gsi1pk, version = version + :one, updatedAt = :at, updatedBy = :by',
          condition: 'version = :v AND #st = :pending',
          names: { '#st': 'status' },
          values: {
            ':s': supervisorNip,
            ':gsi1pk': this.queueKey(supervisorNip),
            ':one': 1,
            ':at': ctx.now,
            ':by': ctx.actor,
            ':v': a.version,
            ':pending': 'pending',
          },
        },
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }

  async days(nip: string, from: string, to: string): Promise<DayTotals[]> {
    const items = await this.scope.queryAll('main', { pk: this.pk(nip), between: [`DAY#${from}`, `DAY#${to}`] });
    return items.map((i) => dayOf(i.date as string, i));
  }

  async day(nip: string, date: string): Promise<DayTotals> {
    return dayOf(date, await this.scope.get('main', this.pk(nip), `DAY#${date}`, true));
  }

  /** The period totals of several people, in batch reads (zero for whoever has none). */
  async periodTotalsOf(nips: string[], periodId: string): Promise<PeriodTotals[]> {
    const found = await this.scope.getMany(
      'main',
      nips.map((nip) => ({ pk: this.pk(nip), sk: `TOTAL#${periodId}` })),
    );
    const byPk = new Map(found.map((i) => [i.pk as string, i]));
    return nips.map((nip) => periodTotalsOf(periodId, byPk.get(this.pk(nip))));
  }

  /** The period's totals and its per-indicator totals (one query). */
  async totals(nip: string, periodId: string): Promise<{ period: PeriodTotals; iki: IkiTotals[] }> {
    const items = await this.scope.queryAll('main', { pk: this.pk(nip), beginsWith: `TOTAL#${periodId}` });
    const head = items.find((i) => i.sk === `TOTAL#${periodId}`);
    return {
      period: periodTotalsOf(periodId, head),
      iki: items
        .filter((i) => i.sk !== `TOTAL#${periodId}`)
        .map((i) => ({
          periodId,
          ikiId: i.ikiId as string,
          approvedQuantity: (i.approvedQuantity as number) ?? 0,
          approvedCount: (i.approvedCount as number) ?? 0,
        })),
    };
  }

  /**
   * Approved output quantity per indicator of several people (scoring's realisasi), one map a person: a month's or
   * quarter's named indicators in batch reads; for a year (`wholeYear`), every indicator's totals of all its
   * periods added up, one query a person.
   */
  async approvedQuantities(
    periodId: string,
    people: { nip: string; ikiIds: string[] }[],
    wholeYear: boolean,
  ): Promise<Map<string, number>[]> {
    const approved = people.map(() => new Map<string, number>());
    if (wholeYear) {
      await Promise.all(
        people.map(async ({ nip }, k) => {
          for (const t of await this.scope.queryAll('main', { pk: this.pk(nip), beginsWith: `TOTAL#${periodId}` })) {
            if (typeof t.ikiId === 'string')
              approved[k]!.set(t.ikiId, (approved[k]!.get(t.ikiId) ?? 0) + ((t.approvedQuantity as number) ?? 0));
          }
        }),
      );
      return approved;
    }
    const owner = new Map(people.map(({ nip }, k) => [this.pk(nip), k]));
    const keys = people.flatMap(({ nip, ikiIds }) =>
      ikiIds.map((id) => ({ pk: this.pk(nip), sk: `TOTAL#${periodId}#IKI#${id}` })),
    );
    for (const t of await this.scope.getMany('main', keys))
      approved[owner.get(t.pk as string)!]!.set(t.ikiId as string, (t.approvedQuantity as number) ?? 0);
    return approved;
  }

  /** A supervisor's pending entries, oldest first (one key range of the verification index). */
  queue(supervisorNip: string | null, limit: number, cursor?: string): Promise<Page<Item>> {
    return this.scope.query('main', { index: 'gsi1', pk: this.queueKey(supervisorNip), limit, cursor });
  }

  /** How many entries wait in a supervisor's queue (counted on the index, not read). */
  queueLength(supervisorNip: string | null): Promise<number> {
    return this.scope.count('main', { index: 'gsi1', pk: this.queueKey(supervisorNip) });
  }

  /** Idempotency: the first response a key produced, and the hash of its request; expired markers do not count. */
  async byIdempotencyKey(
    nip: string,
    key: string,
    now: Date,
  ): Promise<{ response: unknown; requestHash: string } | undefined> {
    const marker = await this.scope.get('main', this.pk(nip), `IDEMP#${hashOf(key)}`, true);
    if (!marker || (marker.expiresAt as number) * 1000 < now.getTime()) return undefined;
    return { response: JSON.parse(marker.response as string), requestHash: marker.requestHash as string };
  }

  /**
   * Writes one change of an activity — create (no `before`), edit, decision, delete (no `after`) — together with
   * the day(s) and running totals it moves, in one transaction. The days are read first and their versions
   * conditioned on, so two changes of one person's day never interleave (that is also what makes the overlap
   * check safe). `cap` is the daily counted-minute cap of the rules in force.
   */
  async apply(
    change: {
      before?: Activity;
      after?: ActivityFields;
      expectedVersion?: number;
      idempotency?: { key: string; requestHash: string; response: (a: Activity) => unknown };
    },
    cap: number,
    ctx: WriteContext,
    readDays?: Map<string, DayTotals>,
  ): Promise<Activity | undefined> {
    const { before, after } = change;
    const nip = (after ?? before)!.nip;
    const writes: TransactItem[] = [];

    // 1. The activity itself.
    const afterItem = after ? this.toItem(after, ctx, before) : undefined;
    const sameKey = before && afterItem && afterItem.sk === this.sk(before);
    if (before && !sameKey) {
      writes.push({
        delete: {
          table: 'main',
          key: { pk: this.pk(nip), sk: this.sk(before) },
          condition: 'version = :v',
          values: { ':v': change.expectedVersion ?? before.version },
        },
      });
    }
    if (afterItem) {
      writes.push(
        sameKey
          ? {
              put: {
                table: 'main',
                item: afterItem,
                condition: 'version = :v',
                values: { ':v': change.expectedVersion ?? before!.version },
              },
            }
          : { put: { table: 'main', item: afterItem, condition: 'attribute_not_exists(pk)' } },
      );
    }
    if (change.idempotency) {
      const nowSeconds = Math.floor(Date.parse(ctx.now) / 1000);
      writes.push({
        put: {
          table: 'main',
          item: {
            pk: this.pk(nip),
            sk: `IDEMP#${hashOf(change.idempotency.key)}`,
            requestHash: change.idempotency.requestHash,
            // The first response itself: a retry gets exactly that, even after the entry was edited or deleted.
            response: JSON.stringify(change.idempotency.response(ActivityRepository.fromItem(afterItem!))),
            expiresAt: nowSeconds + 86_400,
          },
          // An expired marker (TTL deletes it within a day or two) may be reused.
          condition: 'attribute_not_exists(pk) OR expiresAt < :nowSeconds',
          values: { ':nowSeconds': nowSeconds },
        },
      });
    }

    // 2. Days: logged (not rejected), approved and counted minutes, per date touched. Counted minutes are kept per
    //    day, so the period total is always their sum, whatever cap applied when each day last changed.
    const minutesOf = (a: Pick<Activity, 'status' | 'minutes'> | undefined, which: 'logged' | 'approved') =>
      !a ? 0 : which === 'logged' ? (a.status === 'rejected' ? 0 : a.minutes) : a.status === 'approved' ? a.minutes : 0;
    const dates = [...new Set([before?.date, after?.date].filter((d): d is string => !!d))];
    const countedByPeriod = new Map<string, number>();
    for (const date of dates) {
      const day = readDays?.get(date) ?? (await this.day(nip, date));
      const onDate = (a?: Pick<Activity, 'date' | 'status' | 'minutes'>) => (a && a.date === date ? a : undefined);
      const logged = day.loggedMinutes + minutesOf(onDate(after), 'logged') - minutesOf(onDate(before), 'logged');
      const approved =
        day.approvedMinutes + minutesOf(onDate(after), 'approved') - minutesOf(onDate(before), 'approved');
      const counted = Math.min(approved, cap);
      const periodId = onDate(after) ? after!.periodId : before!.periodId;
      countedByPeriod.set(periodId, (countedByPeriod.get(periodId) ?? 0) + counted - day.countedMinutes);
      writes.push({
        put: {
          table: 'main',
          item: {
            pk: this.pk(nip),
            sk: `DAY#${date}`,
            date,
            loggedMinutes: logged,
            approvedMinutes: approved,
            countedMinutes: counted,
            dayVersion: day.dayVersion + 1,
          },
          condition: day.dayVersion === 0 ? 'attribute_not_exists(pk)' : 'dayVersion = :dv',
          ...(day.dayVersion === 0 ? {} : { values: { ':dv': day.dayVersion } }),
        },
      });
    }

    // 3. Period and indicator totals, as atomic increments.
    const periods = [...new Set([before?.periodId, after?.periodId].filter((p): p is string => !!p))];
    for (const periodId of periods) {
      const inP = (a?: ActivityFields | Activity) => (a && a.periodId === periodId ? a : undefined);
      const d = {
        pending: counts(inP(after), 'pending') - counts(inP(before), 'pending'),
        approved: counts(inP(after), 'approved') - counts(inP(before), 'approved'),
        rejected: counts(inP(after), 'rejected') - counts(inP(before), 'rejected'),
        counted: countedByPeriod.get(periodId) ?? 0,
      };
      writes.push({
        update: {
          table: 'main',
          key: { pk: this.pk(nip), sk: `TOTAL#${periodId}` },
          set: 'SET periodId = :p ADD pending :pe, approved :ap, rejected :re, countedMinutes :cm',
          values: { ':p': periodId, ':pe': d.pending, ':ap': d.approved, ':re': d.rejected, ':cm': d.counted },
        },
      });
      const ikis = [...new Set([inP(before)?.ikiId, inP(after)?.ikiId].filter((k): k is string => !!k))];
      for (const ikiId of ikis) {
        const q = (a?: ActivityFields | Activity) =>
          a && a.ikiId === ikiId && a.status === 'approved' ? a.outputQuantity : 0;
        const c = (a?: ActivityFields | Activity) => (a && a.ikiId === ikiId && a.status === 'approved' ? 1 : 0);
        const dq = q(inP(after)) - q(inP(before));
        const dc = c(inP(after)) - c(inP(before));
        if (dq === 0 && dc === 0) continue;
        writes.push({
          update: {
            table: 'main',
            key: { pk: this.pk(nip), sk: `TOTAL#${periodId}#IKI#${ikiId}` },
            set: 'SET periodId = :p, ikiId = :k ADD approvedQuantity :q, approvedCount :c',
            values: { ':p': periodId, ':k': ikiId, ':q': dq, ':c': dc },
          },
        });
      }
    }

    try {
      await this.scope.transact(writes);
    } catch (err) {
      if (isConditionalFailure(err)) throw new DomainError('activity_conflict');
      throw err;
    }
    return afterItem ? ActivityRepository.fromItem(afterItem) : undefined;
  }
}

/** The queue key of entries whose owner has no supervisor in the system: BKPSDM decides them. */
export const NO_SUPERVISOR = 'NONE';

/** Keys and request bodies are stored as hashes: fixed size, nothing personal. */
export const hashOf = (value: string): string => createHash('sha256').update(value).digest('base64url');

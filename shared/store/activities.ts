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

/** How `findMany` keys an entry, and a person's day. */
export const activityRef = (a: Pick<Activity, 'nip' | 'date' | 'id'>) => `${a.nip}#${a.date}#${a.id}`;
export const dayRef = (a: Pick<Activity, 'nip' | 'date'>) => `${a.nip}#${a.date}`;

/** One change of an entry: create (no `before`), edit or decision, delete (no `after`). */
export interface ActivityChange {
  before?: Activity;
  after?: ActivityFields;
  expectedVersion?: number;
  idempotency?: { key: string; requestHash: string; response: (a: Activity) => unknown };
}

/**
 * How many changes one transaction may carry: each writes its entry and at most one indicator total, with the
 * day and the period total once (2 × 48 + 2 + a spare ≤ DynamoDB's 100 items).
 */
export const MAX_CHANGES_AT_ONCE = 48;

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

  /**
   * Entries of several people by key, with the days they fall on, in strongly consistent batch reads (a write then
   * conditions on what they read). Keyed by `activityRef` and `dayRef`; a day nothing was logged on reads as zero.
   */
  async findMany(refs: Pick<Activity, 'nip' | 'date' | 'id'>[]): Promise<{
    activities: Map<string, Activity>;
    days: Map<string, DayTotals>;
  }> {
    const entryKeys = new Map(refs.map((r) => [activityRef(r), { pk: this.pk(r.nip), sk: this.sk(r) }]));
    const dayKeys = new Map(refs.map((r) => [dayRef(r), { pk: this.pk(r.nip), sk: `DAY#${r.date}` }]));
    const items = await this.scope.getMany('main', [...entryKeys.values(), ...dayKeys.values()], true);
    const byKey = new Map(items.map((i) => [`${i.pk as string}|${i.sk as string}`, i]));
    const at = (k: { pk: string; sk: string }) => byKey.get(`${k.pk}|${k.sk}`);
    const activities = new Map<string, Activity>();
    for (const [ref, k] of entryKeys) {
      const item = at(k);
      if (item) activities.set(ref, ActivityRepository.fromItem(item));
    }
    const days = new Map([...dayKeys].map(([ref, k]) => [ref, dayOf(k.sk.slice(4), at(k))]));
    return { activities, days };
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
  async apply(change: ActivityChange, cap: number, ctx: WriteContext, readDays?: Map<string, DayTotals>) {
    return (await this.applyAll([change], cap, ctx, readDays))[0];
  }

  /**
   * Writes several changes of one person's entries, on days judged by the same `cap`, in one transaction (all or
   * none): each entry once, each day once with the changes' minutes summed, the period and indicator totals once
   * with their increments summed. At most MAX_CHANGES_AT_ONCE changes (DynamoDB's 100 items a transaction).
   */
  async applyAll(
    changes: ActivityChange[],
    cap: number,
    ctx: WriteContext,
    readDays?: Map<string, DayTotals>,
  ): Promise<(Activity | undefined)[]> {
    if (changes.length > MAX_CHANGES_AT_ONCE) throw new Error(`at most ${MAX_CHANGES_AT_ONCE} changes at once`);
    const nip = (changes[0]!.after ?? changes[0]!.before)!.nip;
    if (changes.some((c) => (c.after ?? c.before)!.nip !== nip)) throw new Error("one person's changes at a time");
    const writes: TransactItem[] = [];

    // 1. The activities themselves.
    const afterItems = changes.map((change) => {
      const { before, after } = change;
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
      return afterItem;
    });

    // 2. Days: logged (not rejected), approved and counted minutes, per date touched. Counted minutes are kept per
    //    day, so the period total is always their sum, whatever cap applied when each day last changed.
    const minutesOf = (a: Pick<Activity, 'status' | 'minutes'> | undefined, which: 'logged' | 'approved') =>
      !a ? 0 : which === 'logged' ? (a.status === 'rejected' ? 0 : a.minutes) : a.status === 'approved' ? a.minutes : 0;
    const sum = (f: (c: ActivityChange) => number) => changes.reduce((total, c) => total + f(c), 0);
    const dates = [...new Set(changes.flatMap((c) => [c.before?.date, c.after?.date]).filter((d) => d !== undefined))];
    const countedByPeriod = new Map<string, number>();
    for (const date of dates) {
      const day = readDays?.get(date) ?? (await this.day(nip, date));
      const onDate = (a?: Pick<Activity, 'date' | 'status' | 'minutes'>) => (a && a.date === date ? a : undefined);
      const moved = (which: 'logged' | 'approved') =>
        sum((c) => minutesOf(onDate(c.after), which) - minutesOf(onDate(c.before), which));
      const logged = day.loggedMinutes + moved('logged');
      const approved = day.approvedMinutes + moved('approved');
      const counted = Math.min(approved, cap);
      const periodId = changes
        .map((c) => (c.after?.date === date ? c.after : c.before))
        .find((a) => a?.date === date)!.periodId;
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
    const periods = [
      ...new Set(changes.flatMap((c) => [c.before?.periodId, c.after?.periodId]).filter((p) => p !== undefined)),
    ];
    for (const periodId of periods) {
      const inP = (a?: ActivityFields | Activity) => (a && a.periodId === periodId ? a : undefined);
      const moved = (status: ActivityStatus) =>
        sum((c) => counts(inP(c.after), status) - counts(inP(c.before), status));
      writes.push({
        update: {
          table: 'main',
          key: { pk: this.pk(nip), sk: `TOTAL#${periodId}` },
          set: 'SET periodId = :p ADD pending :pe, approved :ap, rejected :re, countedMinutes :cm',
          values: {
            ':p': periodId,
            ':pe': moved('pending'),
            ':ap': moved('approved'),
            ':re': moved('rejected'),
            ':cm': countedByPeriod.get(periodId) ?? 0,
          },
        },
      });
      const ikis = [
        ...new Set(changes.flatMap((c) => [inP(c.before)?.ikiId, inP(c.after)?.ikiId]).filter((k) => k !== undefined)),
      ];
      for (const ikiId of ikis) {
        const q = (a?: ActivityFields | Activity) =>
          a && a.ikiId === ikiId && a.status === 'approved' ? a.outputQuantity : 0;
        const n = (a?: ActivityFields | Activity) => (a && a.ikiId === ikiId && a.status === 'approved' ? 1 : 0);
        const dq = sum((c) => q(inP(c.after)) - q(inP(c.before)));
        const dc = sum((c) => n(inP(c.after)) - n(inP(c.before)));
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
      if (isConditionalFailure(err))
        throw changes.length === 1 ? await this.conflict(changes[0]!.before) : new DomainError('activity_conflict');
      throw err;
    }
    return afterItems.map((i) => (i ? ActivityRepository.fromItem(i) : undefined));
  }

  /**
   * The 409 of a change that met another one: with the entry as it is now in `details.current` (null once it is
   * gone), so the caller can reload and apply the change again. A create has no current entry to show.
   */
  async conflict(before: Pick<Activity, 'nip' | 'id' | 'date'> | undefined): Promise<DomainError> {
    if (!before) return new DomainError('activity_conflict');
    const current = await this.find(before.nip, before.id, before.date);
    return conflictWith(current ?? null);
  }
}

/** 409 for a stale version: the entry as it is now goes with it, in `details.current`. */
export const conflictWith = (current: Activity | null): DomainError =>
  new DomainError('activity_conflict', {}, { current });

/** The queue key of entries whose owner has no supervisor in the system: BKPSDM decides them. */
export const NO_SUPERVISOR = 'NONE';

/** Keys and request bodies are stored as hashes: fixed size, nothing personal. */
export const hashOf = (value: string): string => createHash('sha256').update(value).digest('base64url');

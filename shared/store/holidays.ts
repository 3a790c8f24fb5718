import type { Holiday } from '../domain/holidays.ts';
import { DomainError } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, type WriteContext } from './org-scope.ts';

export interface HolidayCalendar {
  year: number;
  days: Holiday[];
  /** Each save is a new version; the audit trail keeps every earlier one with who, when and why. */
  version: number;
  reason: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * The holiday calendar, one record per year. Keys:
 *   pk ORG#o#CALENDAR / sk YEAR#<yyyy>
 */
export class HolidayRepository {
  constructor(private readonly scope: OrgScope) {}

  private key(year: number) {
    return { pk: this.scope.key('CALENDAR'), sk: `YEAR#${year}` };
  }

  private static fromItem(i: Item): HolidayCalendar {
    return {
      year: i.year as number,
      days: i.days as Holiday[],
      version: i.version as number,
      reason: i.reason as string,
      updatedAt: i.updatedAt as string,
      updatedBy: i.updatedBy as string,
    };
  }

  async get(year: number): Promise<HolidayCalendar | undefined> {
    const k = this.key(year);
    const item = await this.scope.get('main', k.pk, k.sk);
    return item ? HolidayRepository.fromItem(item) : undefined;
  }

  /** The holiday dates of several years as one set (one batch read). */
  async dates(years: Iterable<number>): Promise<Set<string>> {
    const keys = [...new Set(years)].map((y) => this.key(y));
    const items = keys.length ? await this.scope.getMany('main', keys) : [];
    return new Set(items.flatMap((i) => (i.days as Holiday[]).map((d) => d.date)));
  }

  /** Saves a new version; `expectedVersion` is 0 for a year with no calendar yet (optimistic locking). */
  async save(
    year: number,
    days: Holiday[],
    reason: string,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<HolidayCalendar> {
    const k = this.key(year);
    const previous = expectedVersion > 0 ? await this.scope.get('main', k.pk, k.sk, true) : undefined;
    // 409 with the calendar as it is now in details.current (null: none yet), as every stale version answers.
    const conflict = async () => {
      const current = (await this.get(year)) ?? null;
      return new DomainError(
        'version_conflict',
        { current: String(current?.version ?? 0), sent: expectedVersion },
        { current },
      );
    };
    if (expectedVersion > 0 && previous?.version !== expectedVersion) throw await conflict();
    const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
    const item = {
      ...k,
      year,
      days: sorted,
      reason,
      ...this.scope.stamp(
        'HolidayCalendar',
        String(year),
        ctx,
        previous as { createdAt: string; version: number } | undefined,
      ),
    };
    try {
      await this.scope.put(
        'main',
        item,
        expectedVersion > 0
          ? { expression: 'version = :v', values: { ':v': expectedVersion } }
          : { expression: 'attribute_not_exists(pk)' },
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw await conflict();
      throw err;
    }
    return HolidayRepository.fromItem(item);
  }
}

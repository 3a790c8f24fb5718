import type { Finalisation } from '../domain/evaluation-finalisation.ts';
import { type Cadence, derivePeriods, type PeriodDates, type PeriodState } from '../domain/periods.ts';
import { defaultRules, type Rules, type RulesVersion, ruleFields, rulesForNewYear } from '../domain/rules.ts';
import { yearOf } from '../domain/time.ts';

export type { RulesVersion } from '../domain/rules.ts';

import { DomainError, notFound } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, type WriteContext, withoutKeys } from './org-scope.ts';

export interface Period extends PeriodDates {
  state: PeriodState;
  version: number;
  /** The rules version the period was scored with: fixed from 'scored' on, so later rule changes never re-rate it. */
  rulesVersion?: number;
  /** When the whole period was finalised (its last OPD, or all at once): the sum of its OPDs'. */
  finalisation?: Finalisation;
  /** Each OPD's finalisation, by OPD code: the appeal window of its people counts from here. */
  opds?: Record<string, Finalisation>;
}

export interface PerformanceYear {
  year: number;
  cadence: Cadence;
  periods: Period[];
}

const pad4 = (n: number) => String(n).padStart(4, '0');

/**
 * A performance year: its configuration, periods and versioned rules, all in one partition. Keys:
 *   pk ORG#o#YEAR#<yyyy> / sk CONFIG | PERIOD#<id> | RULES#v<nnnn>
 */
export class YearRepository {
  constructor(private readonly scope: OrgScope) {}

  private pk(year: number) {
    return this.scope.key('YEAR', String(year));
  }

  /**
   * Opens a year: configuration, every period (open) and rules version 1, in one transaction. The rules carry
   * over from the previous year's current version, or start from the policy defaults.
   */
  async open(
    year: number,
    cadence: Cadence,
    ctx: WriteContext,
  ): Promise<{ year: PerformanceYear; rules: RulesVersion }> {
    const pk = this.pk(year);
    const rules = rulesForNewYear(year, (await this.rules(year - 1))?.current);
    const periods = derivePeriods(year, cadence, rules.inputDeadlineDay);
    try {
      await this.scope.transact([
        {
          put: {
            table: 'main',
            item: { pk, sk: 'CONFIG', year, cadence, ...this.scope.stamp('PerformanceYear', String(year), ctx) },
            condition: 'attribute_not_exists(pk)',
          },
        },
        ...periods.map((p) => ({
          put: {
            table: 'main' as const,
            item: { pk, sk: `PERIOD#${p.id}`, ...p, state: 'open', ...this.scope.stamp('Period', p.id, ctx) },
          },
        })),
        {
          put: {
            table: 'main',
            item: { pk, sk: `RULES#v${pad4(1)}`, ...rules, ...this.scope.stamp('Rules', `${year}/v1`, ctx) },
          },
        },
      ]);
    } catch (err) {
      if (isConditionalFailure(err)) throw new DomainError('year_exists', { year });
      throw err;
    }
    return { year: (await this.get(year))!, rules: (await this.rules(year))!.current };
  }

  async get(year: number): Promise<PerformanceYear | undefined> {
    return (await this.getWithRules(year))?.year;
  }

  /** The year, its periods and its rules in one query (they share the partition). */
  async getWithRules(
    year: number,
  ): Promise<{ year: PerformanceYear; rules: { current: RulesVersion; history: RulesVersion[] } } | undefined> {
    const items = await this.scope.queryAll('main', { pk: this.pk(year) });
    const performanceYear = YearRepository.yearOf(year, items);
    const rules = YearRepository.rulesOf(items.filter((i) => (i.sk as string).startsWith('RULES#')).reverse());
    return performanceYear && rules ? { year: performanceYear, rules } : undefined;
  }

  /** The period of a period id (its year is in the id); 404 when the year or the period does not exist. */
  async findPeriod(periodId: string): Promise<Period> {
    const period = (await this.get(yearOf(periodId)))?.periods.find((p) => p.id === periodId);
    if (!period) throw notFound('period');
    return period;
  }

  private static yearOf(year: number, items: Item[]): PerformanceYear | undefined {
    const config = items.find((i) => i.sk === 'CONFIG');
    if (!config) return undefined;
    const periods = items.filter((i) => (i.sk as string).startsWith('PERIOD#')).map(YearRepository.period);
    // Sub-periods in calendar order, the year itself last.
    periods.sort((a, b) => (a.kind === 'year' ? 1 : b.kind === 'year' ? -1 : a.start.localeCompare(b.start)));
    return { year, cadence: config.cadence as Cadence, periods };
  }

  private static period(i: Item): Period {
    const { id, kind, start, end, inputDeadline, state, version, rulesVersion, finalisation, opds } =
      i as unknown as Period;
    return {
      id,
      kind,
      start,
      end,
      inputDeadline,
      state,
      version,
      ...(rulesVersion ? { rulesVersion } : {}),
      ...(finalisation ? { finalisation } : {}),
      ...(opds ? { opds } : {}),
    };
  }

  /**
   * Changes a period under optimistic locking. `decide` sees the period as stored now (a strongly consistent
   * read of the version the caller sent) and returns the changes, or throws: no decision rests on a stale read.
   */
  async updatePeriod(
    year: number,
    periodId: string,
    expectedVersion: number,
    decide: (
      current: Period,
    ) => Partial<Pick<Period, 'state' | 'inputDeadline' | 'rulesVersion' | 'finalisation' | 'opds'>>,
    ctx: WriteContext,
  ): Promise<Period> {
    const item = await this.scope.get('main', this.pk(year), `PERIOD#${periodId}`, true);
    if (!item) throw new DomainError('not_found', { what: 'period' });
    const conflict = () =>
      new DomainError(
        'version_conflict',
        { current: item.version, sent: expectedVersion },
        { current: YearRepository.period(item) },
      );
    if (item.version !== expectedVersion) throw conflict();
    const next = {
      ...item,
      ...decide(YearRepository.period(item)),
      ...this.scope.stamp('Period', periodId, ctx, item as { createdAt: string; version: number }),
    };
    try {
      await this.scope.put('main', next, { expression: 'version = :v', values: { ':v': expectedVersion } });
    } catch (err) {
      if (isConditionalFailure(err)) throw conflict();
      throw err;
    }
    return YearRepository.period(next);
  }

  async rules(year: number): Promise<{ current: RulesVersion; history: RulesVersion[] } | undefined> {
    return YearRepository.rulesOf(
      await this.scope.queryAll('main', { pk: this.pk(year), beginsWith: 'RULES#', newestFirst: true }),
    );
  }

  /** Rules versions from their items, newest first. */
  private static rulesOf(items: Item[]): { current: RulesVersion; history: RulesVersion[] } | undefined {
    const history = items.map((i) => {
      const r = withoutKeys(i) as Item;
      // A field added after a version was saved reads as its policy default.
      return {
        ...Object.fromEntries(ruleFields.map((f) => [f, r[f] ?? defaultRules[f]])),
        rulesVersion: r.rulesVersion,
        reason: r.reason,
        updatedAt: r.updatedAt,
        updatedBy: r.updatedBy,
      } as RulesVersion;
    });
    return history[0] ? { current: history[0], history } : undefined;
  }

  /** A new rules version; versions are never changed, so a finalised period keeps the one it was scored with. */
  async newRules(
    year: number,
    rules: Rules,
    reason: string,
    expectedCurrent: number,
    ctx: WriteContext,
  ): Promise<RulesVersion> {
    const rulesVersion = expectedCurrent + 1;
    const item = {
      pk: this.pk(year),
      sk: `RULES#v${pad4(rulesVersion)}`,
      ...rules,
      rulesVersion,
      reason,
      ...this.scope.stamp('Rules', `${year}/v${rulesVersion}`, ctx),
    };
    try {
      await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
    } catch (err) {
      if (isConditionalFailure(err)) {
        // Another version was made meanwhile: answer with the rules in force now, as a stale version does.
        const current = (await this.rules(year))?.current ?? null;
        throw new DomainError(
          'version_conflict',
          { current: current?.rulesVersion ?? `>${expectedCurrent}`, sent: expectedCurrent },
          { current },
        );
      }
      throw err;
    }
    return { ...rules, rulesVersion, reason, updatedAt: ctx.now, updatedBy: ctx.actor };
  }
}

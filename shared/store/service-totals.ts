import { addTotals, emptyTotals, type ServiceTotals } from '../domain/service-indicators.ts';
import { type ElementCode, elementCodes } from '../domain/skm.ts';
import type { Item, OrgScope, TransactItem } from './org-scope.ts';

/**
 * Running totals of service data, kept like the activity totals: changed in the same transaction as the
 * transaction or survey response that moves them, so indicators and scoring read O(officers), never O(transactions).
 * Keys, per period (the month or quarter, and the year):
 *   pk ORG#o#UNIT#<unit> / sk SVCSUM#<period>                     the unit
 *   pk ORG#o#UNIT#<unit> / sk SVCSUM#<period>#TYPE#<type>         the unit's service type
 *   pk ORG#o#EMP#<nip>   / sk SVCSUM#<period>#UNIT#<unit>         an officer, per unit served
 *        gsi2 ORG#o#SVCOFFICERS#<unit>#<period> / <nip>           the officers of a unit in a period
 * Attributes: served, withinStandard, serviceSeconds, m<minutes> (completion-time histogram), respondents,
 * u1..u9 (sums of answers), followUps.
 */
export interface TotalsKey {
  pk: string;
  sk: string;
  /** Identity written with the first increment (SET): what the record is about. */
  identity: Item;
}

/** One change of the totals: what a transaction or a response adds (negative to take back). */
export interface TotalsDelta {
  served?: number;
  withinStandard?: number;
  serviceSeconds?: number;
  /** Histogram bucket → change in count. */
  buckets?: Record<number, number>;
  respondents?: number;
  sums?: Partial<Record<ElementCode, number>>;
  followUps?: number;
}

export interface Scope {
  unitCode: string;
  serviceType: string;
  officers: string[];
  periodIds: string[];
}

export class ServiceTotalsRepository {
  constructor(private readonly scope: OrgScope) {}

  unitKey(unitCode: string, periodId: string): TotalsKey {
    return { pk: this.scope.key('UNIT', unitCode), sk: `SVCSUM#${periodId}`, identity: { unitCode, periodId } };
  }

  typeKey(unitCode: string, periodId: string, serviceType: string): TotalsKey {
    return {
      pk: this.scope.key('UNIT', unitCode),
      sk: `SVCSUM#${periodId}#TYPE#${serviceType}`,
      identity: { unitCode, periodId, serviceType },
    };
  }

  officerKey(nip: string, unitCode: string, periodId: string): TotalsKey {
    return {
      pk: this.scope.key('EMP', nip),
      sk: `SVCSUM#${periodId}#UNIT#${unitCode}`,
      identity: { nip, unitCode, periodId, gsi2pk: this.officersIndex(unitCode, periodId), gsi2sk: nip },
    };
  }

  private officersIndex(unitCode: string, periodId: string) {
    return this.scope.key('SVCOFFICERS', unitCode, periodId);
  }

  /** Every totals record a transaction or response touches: the unit, its type and each officer, in each period. */
  keysOf(s: Scope): TotalsKey[] {
    return s.periodIds.flatMap((p) => [
      this.unitKey(s.unitCode, p),
      this.typeKey(s.unitCode, p, s.serviceType),
      ...s.officers.map((n) => this.officerKey(n, s.unitCode, p)),
    ]);
  }

  /** The increments as transaction items, one per record; records whose change is all zero are left out. */
  updates(changes: Map<string, { key: TotalsKey; delta: TotalsDelta }>): TransactItem[] {
    const out: TransactItem[] = [];
    for (const { key, delta } of changes.values()) {
      const adds: [string, number][] = [
        ['served', delta.served ?? 0],
        ['withinStandard', delta.withinStandard ?? 0],
        ['serviceSeconds', delta.serviceSeconds ?? 0],
        ['respondents', delta.respondents ?? 0],
        ['followUps', delta.followUps ?? 0],
        ...Object.entries(delta.buckets ?? {}).map(([b, n]) => [`m${b}`, n] as [string, number]),
        ...Object.entries(delta.sums ?? {}).map(([c, n]) => [c, n ?? 0] as [string, number]),
      ];
      const nonZero = adds.filter(([, n]) => n !== 0);
      if (nonZero.length === 0) continue;
      const names: Record<string, string> = {};
      const values: Item = {};
      const sets = Object.entries(key.identity).map(([attr, v], i) => {
        names[`#i${i}`] = attr;
        values[attr === 'gsi2pk' ? ':gsi2pk' : `:i${i}`] = v;
        return `#i${i} = ${attr === 'gsi2pk' ? ':gsi2pk' : `:i${i}`}`;
      });
      const increments = nonZero.map(([attr, n], i) => {
        names[`#a${i}`] = attr;
        values[`:a${i}`] = n;
        return `#a${i} :a${i}`;
      });
      out.push({
        update: {
          table: 'main',
          key: { pk: key.pk, sk: key.sk },
          set: `SET ${sets.join(', ')} ADD ${increments.join(', ')}`,
          names,
          values,
        },
      });
    }
    return out;
  }

  static totalsOf(i: Item | undefined): ServiceTotals {
    const t = emptyTotals();
    if (!i) return t;
    t.served = (i.served as number) ?? 0;
    t.withinStandard = (i.withinStandard as number) ?? 0;
    t.serviceSeconds = (i.serviceSeconds as number) ?? 0;
    t.respondents = (i.respondents as number) ?? 0;
    t.followUps = (i.followUps as number) ?? 0;
    for (const c of elementCodes) t.sums[c] = (i[c] as number) ?? 0;
    for (const [attr, n] of Object.entries(i))
      if (/^m\d+$/.test(attr) && (n as number) > 0) t.histogram[Number(attr.slice(1))] = n as number;
    return t;
  }

  /** The unit's totals and those of each of its service types in a period (one query). */
  async unit(unitCode: string, periodId: string): Promise<{ unit: ServiceTotals; types: Map<string, ServiceTotals> }> {
    const items = await this.scope.queryAll('main', {
      pk: this.scope.key('UNIT', unitCode),
      beginsWith: `SVCSUM#${periodId}`,
    });
    const own = items.find((i) => i.sk === `SVCSUM#${periodId}`);
    const types = new Map(
      items
        .filter((i) => (i.sk as string).startsWith(`SVCSUM#${periodId}#TYPE#`))
        .map((i) => [i.serviceType as string, ServiceTotalsRepository.totalsOf(i)]),
    );
    return { unit: ServiceTotalsRepository.totalsOf(own), types };
  }

  /**
   * The unit's own totals in each period of a year but the year itself (its months, or quarters), by period id:
   * one key range of the unit's partition (`SVCSUM#<year>-`), the service types' records left out.
   */
  async unitByPeriod(unitCode: string, year: number): Promise<Map<string, ServiceTotals>> {
    const items = await this.scope.queryAll('main', {
      pk: this.scope.key('UNIT', unitCode),
      beginsWith: `SVCSUM#${year}-`,
    });
    return new Map(
      items
        .filter((i) => !(i.sk as string).includes('#TYPE#'))
        .map((i) => [i.periodId as string, ServiceTotalsRepository.totalsOf(i)]),
    );
  }

  /** Each officer's totals in a unit and period (one key range of gsi2). */
  async officersOfUnit(unitCode: string, periodId: string): Promise<Map<string, ServiceTotals>> {
    const items = await this.scope.queryAll('main', { index: 'gsi2', pk: this.officersIndex(unitCode, periodId) });
    return new Map(items.map((i) => [i.nip as string, ServiceTotalsRepository.totalsOf(i)]));
  }

  /** An officer's totals in a period, per unit served and combined (one query of their partition). */
  async officer(
    nip: string,
    periodId: string,
  ): Promise<{ combined: ServiceTotals; byUnit: Map<string, ServiceTotals> }> {
    const items = await this.scope.queryAll('main', {
      pk: this.scope.key('EMP', nip),
      beginsWith: `SVCSUM#${periodId}#UNIT#`,
    });
    const byUnit = new Map(items.map((i) => [i.unitCode as string, ServiceTotalsRepository.totalsOf(i)]));
    return { combined: [...byUnit.values()].reduce(addTotals, emptyTotals()), byUnit };
  }
}

/** Accumulates deltas per totals record, so a batch writes each record once. */
export class TotalsChanges {
  readonly changes = new Map<string, { key: TotalsKey; delta: TotalsDelta }>();

  add(keys: TotalsKey[], delta: TotalsDelta, sign: 1 | -1 = 1): void {
    for (const key of keys) {
      const id = `${key.pk}|${key.sk}`;
      const entry = this.changes.get(id) ?? { key, delta: {} };
      const d = entry.delta;
      const plus = (a: number | undefined, b: number | undefined) => (a ?? 0) + sign * (b ?? 0);
      d.served = plus(d.served, delta.served);
      d.withinStandard = plus(d.withinStandard, delta.withinStandard);
      d.serviceSeconds = plus(d.serviceSeconds, delta.serviceSeconds);
      d.respondents = plus(d.respondents, delta.respondents);
      d.followUps = plus(d.followUps, delta.followUps);
      for (const [b, n] of Object.entries(delta.buckets ?? {}))
        (d.buckets ??= {})[Number(b)] = plus(d.buckets?.[Number(b)], n);
      for (const [c, n] of Object.entries(delta.sums ?? {}))
        (d.sums ??= {})[c as ElementCode] = plus(d.sums?.[c as ElementCode], n);
      this.changes.set(id, entry);
    }
  }

  get size(): number {
    return this.changes.size;
  }
}

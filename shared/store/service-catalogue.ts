import type { HoursVersion, WeeklyHours } from '../domain/service-hours.ts';
import { DomainError } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, type WriteContext } from './org-scope.ts';

export interface ServiceType {
  unitCode: string;
  code: string;
  name: string;
  /** Standard completion time (SLA) in service minutes. */
  standardMinutes: number;
  active: boolean;
  version: number;
}

export interface StoredHours extends HoursVersion {
  unitCode: string;
  reason: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/**
 * A unit's service catalogue and opening hours, in the unit's partition. Keys:
 *   pk ORG#o#UNIT#<code> / sk SVCTYPE#<type>          a service type with its standard time
 *   pk ORG#o#UNIT#<code> / sk HOURS#<effectiveFrom>   weekly hours in force from a date (one record per change)
 */
export class ServiceCatalogueRepository {
  constructor(private readonly scope: OrgScope) {}

  private pk(unitCode: string) {
    return this.scope.key('UNIT', unitCode);
  }

  private static type(i: Item): ServiceType {
    return {
      unitCode: i.unitCode as string,
      code: i.code as string,
      name: i.name as string,
      standardMinutes: i.standardMinutes as number,
      active: i.active as boolean,
      version: i.version as number,
    };
  }

  private static hours(i: Item): StoredHours {
    return {
      unitCode: i.unitCode as string,
      effectiveFrom: i.effectiveFrom as string,
      weekly: i.weekly as WeeklyHours,
      reason: i.reason as string,
      version: i.version as number,
      updatedAt: i.updatedAt as string,
      updatedBy: i.updatedBy as string,
    };
  }

  async types(unitCode: string): Promise<ServiceType[]> {
    return (await this.scope.queryAll('main', { pk: this.pk(unitCode), beginsWith: 'SVCTYPE#' })).map(
      ServiceCatalogueRepository.type,
    );
  }

  async type(unitCode: string, code: string): Promise<ServiceType | undefined> {
    const item = await this.scope.get('main', this.pk(unitCode), `SVCTYPE#${code}`);
    return item ? ServiceCatalogueRepository.type(item) : undefined;
  }

  /** The given service types (of any units) in one batch read; those not found are left out. */
  async typesOf(refs: { unitCode: string; code: string }[]): Promise<ServiceType[]> {
    if (refs.length === 0) return [];
    const keys = new Map(
      refs.map((r) => [`${r.unitCode}/${r.code}`, { pk: this.pk(r.unitCode), sk: `SVCTYPE#${r.code}` }]),
    );
    return (await this.scope.getMany('main', [...keys.values()])).map(ServiceCatalogueRepository.type);
  }

  /** Every hours version of a unit, oldest first. */
  async hours(unitCode: string): Promise<StoredHours[]> {
    return (await this.scope.queryAll('main', { pk: this.pk(unitCode), beginsWith: 'HOURS#' })).map(
      ServiceCatalogueRepository.hours,
    );
  }

  /** Creates a service type (no `expectedVersion`) or changes one under optimistic locking. */
  async saveType(
    fields: Omit<ServiceType, 'version'>,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<ServiceType> {
    const sk = `SVCTYPE#${fields.code}`;
    const previous =
      expectedVersion !== undefined ? await this.scope.get('main', this.pk(fields.unitCode), sk, true) : undefined;
    const conflict = async () => {
      const current = await this.type(fields.unitCode, fields.code);
      return new DomainError(
        current && expectedVersion === undefined ? 'service_type_exists' : 'version_conflict',
        { code: fields.code, current: String(current?.version ?? 0), sent: expectedVersion ?? 0 },
        current ? { current } : undefined,
      );
    };
    if (expectedVersion !== undefined && previous?.version !== expectedVersion) throw await conflict();
    const item = {
      pk: this.pk(fields.unitCode),
      sk,
      ...fields,
      ...this.scope.stamp(
        'ServiceType',
        `${fields.unitCode}/${fields.code}`,
        ctx,
        previous as { createdAt: string; version: number } | undefined,
      ),
    };
    try {
      await this.scope.put(
        'main',
        item,
        expectedVersion === undefined
          ? { expression: 'attribute_not_exists(pk)' }
          : { expression: 'version = :v', values: { ':v': expectedVersion } },
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw await conflict();
      throw err;
    }
    return ServiceCatalogueRepository.type(item);
  }

  /** Adds an hours version; one already starting that day is replaced only with its `expectedVersion`. */
  async saveHours(
    unitCode: string,
    hours: HoursVersion,
    reason: string,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<StoredHours> {
    const sk = `HOURS#${hours.effectiveFrom}`;
    const previous =
      expectedVersion !== undefined ? await this.scope.get('main', this.pk(unitCode), sk, true) : undefined;
    // 409 with the hours version as it is now in details.current (null: none starts that day), as every stale
    // version answers.
    const conflict = async () => {
      const stored = await this.scope.get('main', this.pk(unitCode), sk, true);
      return new DomainError(
        'version_conflict',
        { current: String(stored?.version ?? 'ada / exists'), sent: expectedVersion ?? 0 },
        { current: stored ? ServiceCatalogueRepository.hours(stored) : null },
      );
    };
    if (expectedVersion !== undefined && previous?.version !== expectedVersion) throw await conflict();
    const item = {
      pk: this.pk(unitCode),
      sk,
      unitCode,
      ...hours,
      reason,
      ...this.scope.stamp(
        'ServiceHours',
        `${unitCode}/${hours.effectiveFrom}`,
        ctx,
        previous as { createdAt: string; version: number } | undefined,
      ),
    };
    try {
      await this.scope.put(
        'main',
        item,
        expectedVersion === undefined
          ? { expression: 'attribute_not_exists(pk)' }
          : { expression: 'version = :v', values: { ':v': expectedVersion } },
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw await conflict();
      throw err;
    }
    return ServiceCatalogueRepository.hours(item);
  }
}

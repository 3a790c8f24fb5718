import type { UnitKind } from '../domain/units.ts';
import { DomainError } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, type WriteContext } from './org-scope.ts';
import { registerOrganisation } from './organisations.ts';

export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
  path: string;
  version: number;
}

export interface Organisation {
  orgId: string;
  name: string;
}

/**
 * Organisation and units. Keys:
 *   pk ORG#o#ORG / sk PROFILE                 the organisation
 *   pk ORG#o#UNIT#<code> / sk UNIT             one unit
 *   gsi1 ORG#o#UNITTREE / <path>               the whole tree in path order
 */
export class UnitRepository {
  constructor(private readonly scope: OrgScope) {}

  private key(code: string) {
    return { pk: this.scope.key('UNIT', code), sk: 'UNIT' };
  }

  private static fromItem(i: Item): Unit {
    return {
      code: i.code as string,
      name: i.name as string,
      kind: i.kind as UnitKind,
      ...(i.parentCode ? { parentCode: i.parentCode as string } : {}),
      path: i.path as string,
      version: i.version as number,
    };
  }

  async organisation(): Promise<Organisation | undefined> {
    const item = await this.scope.get('main', this.scope.key('ORG'), 'PROFILE');
    return item ? { orgId: this.scope.orgId, name: item.name as string } : undefined;
  }

  async saveOrganisation(name: string, ctx: WriteContext): Promise<void> {
    await this.scope.put('main', {
      pk: this.scope.key('ORG'),
      sk: 'PROFILE',
      name,
      ...this.scope.stamp('Organisation', this.scope.orgId, ctx),
    });
    await registerOrganisation(this.scope.orgId);
  }

  async get(code: string): Promise<Unit | undefined> {
    const { pk, sk } = this.key(code);
    const item = await this.scope.get('main', pk, sk);
    return item ? UnitRepository.fromItem(item) : undefined;
  }

  async tree(): Promise<Unit[]> {
    const items = await this.scope.queryAll('main', { index: 'gsi1', pk: this.scope.key('UNITTREE') });
    return items.map(UnitRepository.fromItem);
  }

  /** A retried create of the very same unit answers with the stored unit (`replayed`), anything else is a 409. */
  async create(unit: Omit<Unit, 'version'>, ctx: WriteContext): Promise<{ unit: Unit; replayed: boolean }> {
    const item = {
      ...this.key(unit.code),
      gsi1pk: this.scope.key('UNITTREE'),
      gsi1sk: unit.path,
      ...unit,
      ...this.scope.stamp('Unit', unit.code, ctx),
    };
    try {
      await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      const existing = await this.get(unit.code);
      const same =
        existing && existing.name === unit.name && existing.kind === unit.kind && existing.path === unit.path;
      if (same) return { unit: existing, replayed: true };
      throw new DomainError('already_exists', { what: `Unit ${unit.code}` });
    }
    return { unit: UnitRepository.fromItem(item), replayed: false };
  }
}

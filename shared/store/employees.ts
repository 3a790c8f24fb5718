import type { EmploymentType } from '../domain/nip.ts';
import { opdOf } from '../domain/units.ts';
import { AppError } from '../http/errors.ts';
import { type Item, type OrgScope, type Page, type WriteContext, isConditionalFailure, withoutKeys } from './org-scope.ts';

export interface EmployeeFields {
  nip: string;
  name: string;
  position: string;
  employmentType: EmploymentType;
  unitCode: string;
  unitPath: string;
  supervisorNip?: string | null;
  email?: string;
  status: 'active' | 'inactive';
}

export interface Employee extends EmployeeFields {
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** The fields whose change is a real change (what import and update compare). */
export const businessFields = ['name', 'position', 'employmentType', 'unitCode', 'unitPath', 'supervisorNip', 'email', 'status'] as const;

export const sameEmployee = (a: EmployeeFields, b: EmployeeFields): boolean =>
  businessFields.every((f) => (a[f] ?? null) === (b[f] ?? null));

/**
 * Employees. Keys (see README, Data model):
 *   pk ORG#o#EMP#<nip> / sk PROFILE                         one employee
 *   gsi1 ORG#o#UNITMEMBERS#<opd> / <unitPath><nip>            people of a unit subtree, in tree order
 *   gsi2 ORG#o#SUBORDINATES#<supervisorNip> / <nip>           direct subordinates
 */
export class EmployeeRepository {
  constructor(private readonly scope: OrgScope) {}

  key(nip: string) {
    return { pk: this.scope.key('EMP', nip), sk: 'PROFILE' };
  }

  toItem(fields: EmployeeFields, ctx: WriteContext, previous?: Employee): Item {
    return {
      ...this.key(fields.nip),
      gsi1pk: this.scope.key('UNITMEMBERS', opdOf(fields.unitPath)),
      gsi1sk: `${fields.unitPath}${fields.nip}`,
      ...(fields.supervisorNip ? { gsi2pk: this.scope.key('SUBORDINATES', fields.supervisorNip), gsi2sk: fields.nip } : {}),
      ...fields,
      supervisorNip: fields.supervisorNip ?? null,
      subjectNip: fields.nip,
      ...this.scope.stamp('Employee', fields.nip, ctx, previous),
    };
  }

  static fromItem(item: Item): Employee {
    const { subjectNip: _s, orgId: _o, entity: _e, entityId: _i, requestId: _r, ...rest } = withoutKeys(item);
    return rest as unknown as Employee;
  }

  async get(nip: string): Promise<Employee | undefined> {
    const item = await this.scope.get('main', this.key(nip).pk, 'PROFILE');
    return item ? EmployeeRepository.fromItem(item) : undefined;
  }

  async getMany(nips: string[]): Promise<Map<string, Employee>> {
    const unique = [...new Set(nips)];
    const items = await this.scope.getMany('main', unique.map((n) => this.key(n)));
    return new Map(items.map((i) => { const e = EmployeeRepository.fromItem(i); return [e.nip, e]; }));
  }

  /** The given people and all their supervisors up to the top, read level by level (for cycle checks). */
  async getWithChains(nips: string[], maxDepth = 30): Promise<Map<string, Employee>> {
    const found = new Map<string, Employee>();
    let frontier = [...new Set(nips)];
    for (let depth = 0; frontier.length > 0 && depth <= maxDepth; depth++) {
      const batch = await this.getMany(frontier);
      batch.forEach((e, nip) => found.set(nip, e));
      frontier = [...new Set([...batch.values()].map((e) => e.supervisorNip).filter((n): n is string => !!n && !found.has(n)))];
    }
    return found;
  }

  /** A retried create of the very same person answers with the stored record (`replayed`), anything else is a 409. */
  async create(fields: EmployeeFields, ctx: WriteContext): Promise<{ employee: Employee; replayed: boolean }> {
    const item = this.toItem(fields, ctx);
    try {
      await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      const existing = await this.get(fields.nip);
      if (existing && sameEmployee(existing, fields)) return { employee: existing, replayed: true };
      throw new AppError(409, 'already_exists', { what: `NIP ${fields.nip}` });
    }
    return { employee: EmployeeRepository.fromItem(item), replayed: false };
  }

  /** Optimistic locking: the write succeeds only if the stored version is still the one the caller read. */
  async replace(current: Employee, next: EmployeeFields, expectedVersion: number, ctx: WriteContext): Promise<Employee> {
    const conflict = (stored: Employee | undefined) =>
      new AppError(409, 'version_conflict', { current: stored?.version ?? '-', sent: expectedVersion }, { current: stored });
    if (current.version !== expectedVersion) throw conflict(current);
    const item = this.toItem(next, ctx, current);
    try {
      await this.scope.put('main', item, { expression: 'version = :v', values: { ':v': expectedVersion } });
    } catch (err) {
      if (isConditionalFailure(err)) throw conflict(await this.get(current.nip));
      throw err;
    }
    return EmployeeRepository.fromItem(item);
  }

  directSubordinates(nip: string, limit?: number, cursor?: string): Promise<Page<Item>> {
    return this.scope.query('main', { index: 'gsi2', pk: this.scope.key('SUBORDINATES', nip), limit, cursor });
  }

  unitMembers(unitPath: string, limit?: number, cursor?: string): Promise<Page<Item>> {
    return this.scope.query('main', { index: 'gsi1', pk: this.scope.key('UNITMEMBERS', opdOf(unitPath)), beginsWith: unitPath, limit, cursor });
  }

  /** The target's supervisors, nearest first. Stops at the top, at a missing record, or at a cycle. */
  async supervisorChain(target: Employee, maxDepth = 30): Promise<Employee[]> {
    const chain: Employee[] = [];
    const seen = new Set([target.nip]);
    let next = target.supervisorNip;
    while (next && !seen.has(next) && chain.length < maxDepth) {
      seen.add(next);
      const sup = await this.get(next);
      if (!sup) break;
      chain.push(sup);
      next = sup.supervisorNip;
    }
    return chain;
  }
}

import { MAX_HIERARCHY_DEPTH, sameEmployee, supervisorsFirst } from '../domain/employee-records.ts';
import type { EmploymentType } from '../domain/nip.ts';
import { opdOf } from '../domain/units.ts';
import { DomainError } from '../messages/errors.ts';
import {
  cancellationCodes,
  type Item,
  isConditionalFailure,
  type OrgScope,
  type Page,
  recordOf,
  type TransactItem,
  type WriteContext,
} from './org-scope.ts';

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

/** One row of a bulk change: the record to write, and the stored one it replaces (none for a new person). */
export interface EmployeeChange {
  line: number;
  next: EmployeeFields;
  current?: Employee;
}

/** Index entries one search read evaluates, and how many such reads one page of a search may take. */
const SEARCH_BATCH = 200;
const SEARCH_BATCHES_PER_PAGE = 10;

/** `s<skip>.<index cursor>`: the index cursor (empty for the start) of the batch to re-read, and matches to skip. */
const searchCursor = (from: string | undefined, skip: number): string => `s${skip}.${from ?? ''}`;

function decodeSearchCursor(cursor: string | undefined): { from?: string; skip: number } {
  if (cursor === undefined) return { skip: 0 };
  const parts = /^s(\d{1,3})\.([A-Za-z0-9_-]*)$/.exec(cursor);
  if (!parts || Number(parts[1]) > SEARCH_BATCH) throw new DomainError('invalid_cursor');
  return { skip: Number(parts[1]), ...(parts[2] ? { from: parts[2] } : {}) };
}

/** DynamoDB's transaction limit is 100 items; one is kept for the hierarchy guard. */
const CHUNK = 99;

/**
 * Employees. Keys (see README, Data model):
 *   pk ORG#o#EMP#<nip> / sk PROFILE                         one employee
 *   gsi1 ORG#o#UNITMEMBERS#<opd> / <unitPath><nip>            people of a unit subtree, in tree order
 *   gsi2 ORG#o#SUBORDINATES#<supervisorNip> / <nip>           direct subordinates
 *   pk ORG#o#HIERARCHY / sk VERSION                           bumped by every supervisor change (see hierarchyGuard)
 */
export class EmployeeRepository {
  constructor(readonly scope: OrgScope) {}

  key(nip: string) {
    return { pk: this.scope.key('EMP', nip), sk: 'PROFILE' };
  }

  toItem(fields: EmployeeFields, ctx: WriteContext, previous?: Employee): Item {
    return {
      ...this.key(fields.nip),
      gsi1pk: this.scope.key('UNITMEMBERS', opdOf(fields.unitPath)),
      gsi1sk: `${fields.unitPath}${fields.nip}`,
      ...(fields.supervisorNip
        ? { gsi2pk: this.scope.key('SUBORDINATES', fields.supervisorNip), gsi2sk: fields.nip }
        : {}),
      ...fields,
      supervisorNip: fields.supervisorNip ?? null,
      subjectNip: fields.nip,
      ...this.scope.stamp('Employee', fields.nip, ctx, previous),
    };
  }

  static fromItem(item: Item): Employee {
    const rest = recordOf(item);
    return rest as unknown as Employee;
  }

  async get(nip: string): Promise<Employee | undefined> {
    const item = await this.scope.get('main', this.key(nip).pk, 'PROFILE');
    return item ? EmployeeRepository.fromItem(item) : undefined;
  }

  async getMany(nips: string[]): Promise<Map<string, Employee>> {
    const unique = [...new Set(nips)];
    const items = await this.scope.getMany(
      'main',
      unique.map((n) => this.key(n)),
    );
    return new Map(
      items.map((i) => {
        const e = EmployeeRepository.fromItem(i);
        return [e.nip, e];
      }),
    );
  }

  /** The names of the given people, in one batch read; people not found are left out. */
  async namesOf(nips: string[]): Promise<Map<string, string>> {
    if (nips.length === 0) return new Map();
    return new Map([...(await this.getMany(nips)).values()].map((e) => [e.nip, e.name]));
  }

  /** The given people and all their supervisors up to the top, read level by level (for cycle checks). */
  async getWithChains(nips: string[], maxDepth = MAX_HIERARCHY_DEPTH + 1): Promise<Map<string, Employee>> {
    const found = new Map<string, Employee>();
    let frontier = [...new Set(nips)];
    for (let depth = 0; frontier.length > 0 && depth <= maxDepth; depth++) {
      const batch = await this.getMany(frontier);
      for (const [nip, e] of batch) found.set(nip, e);
      frontier = [
        ...new Set([...batch.values()].map((e) => e.supervisorNip).filter((n): n is string => !!n && !found.has(n))),
      ];
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
      throw new DomainError('already_exists', { what: `NIP ${fields.nip}` });
    }
    return { employee: EmployeeRepository.fromItem(item), replayed: false };
  }

  /**
   * The organisation's hierarchy version. Read it before reading any supervisor chain for a cycle check, and
   * pass it to the write: two supervisor changes that each looked fine alone cannot both land (A under B and
   * B under A at the same moment), because each must move the version it read.
   */
  async hierarchyVersion(): Promise<number> {
    const item = await this.scope.get('main', this.scope.key('HIERARCHY'), 'VERSION', true);
    return (item?.hierarchyVersion as number | undefined) ?? 0;
  }

  hierarchyGuard(readVersion: number): TransactItem {
    return {
      update: {
        table: 'main',
        key: { pk: this.scope.key('HIERARCHY'), sk: 'VERSION' },
        set: 'SET hierarchyVersion = :next',
        condition: readVersion === 0 ? 'attribute_not_exists(pk)' : 'hierarchyVersion = :read',
        values: { ':next': readVersion + 1, ...(readVersion === 0 ? {} : { ':read': readVersion }) },
      },
    };
  }

  /**
   * Optimistic locking: the write succeeds only if the stored version is still the one the caller read. A
   * supervisor change also moves the hierarchy version read before its cycle check (`hierarchyRead`).
   */
  async replace(
    current: Employee,
    next: EmployeeFields,
    expectedVersion: number,
    ctx: WriteContext,
    hierarchyRead?: number,
  ): Promise<Employee> {
    const conflict = (stored: Employee | undefined) =>
      new DomainError(
        'version_conflict',
        { current: stored?.version ?? '-', sent: expectedVersion },
        { current: stored },
      );
    if (current.version !== expectedVersion) throw conflict(current);
    const item = this.toItem(next, ctx, current);
    const supervisorChanged = (current.supervisorNip ?? null) !== (next.supervisorNip ?? null);
    try {
      await this.scope.transact([
        { put: { table: 'main', item, condition: 'version = :v', values: { ':v': expectedVersion } } },
        ...(supervisorChanged ? [this.hierarchyGuard(hierarchyRead ?? -1)] : []),
      ]);
    } catch (err) {
      if (cancellationCodes(err)[1] === 'ConditionalCheckFailed') throw new DomainError('hierarchy_changed');
      if (isConditionalFailure(err)) throw conflict(await this.get(current.nip));
      throw err;
    }
    return EmployeeRepository.fromItem(item);
  }

  /**
   * Writes many changes as one: supervisors before their subordinates, in transactions of up to 99 people
   * (each also moving the hierarchy version when supervisors change). If a transaction fails, the ones before it
   * are undone, so the caller sees all or nothing: 409 `import_conflict` for a concurrent change, or
   * `import_incomplete` (with the rows left stored) in the rare case the undo itself is refused.
   */
  async applyAll(
    changes: EmployeeChange[],
    ctx: WriteContext & { requestId: string },
    hierarchyRead: number,
  ): Promise<void> {
    const ordered = supervisorsFirst(
      changes.map((c) => ({ ...c, nip: c.next.nip, supervisorNip: c.next.supervisorNip })),
    );
    const movesSupervisors = changes.some(
      (c) => c.current && (c.current.supervisorNip ?? null) !== (c.next.supervisorNip ?? null),
    );
    const written: EmployeeChange[] = [];
    try {
      for (let i = 0, chunk = 0; i < ordered.length; i += CHUNK, chunk++) {
        const part = ordered.slice(i, i + CHUNK);
        await this.scope.transact([
          ...part.map(
            ({ next, current }): TransactItem => ({
              put: {
                table: 'main',
                item: this.toItem(next, ctx, current),
                // Optimistic: nobody may have created or changed these people since they were read.
                ...(current
                  ? { condition: 'version = :v', values: { ':v': current.version } }
                  : { condition: 'attribute_not_exists(pk)' }),
              },
            }),
          ),
          ...(movesSupervisors ? [this.hierarchyGuard(hierarchyRead + chunk)] : []),
        ]);
        written.push(...part);
      }
    } catch (err) {
      const undone = await this.undo(written, ctx).then(
        () => true,
        () => false,
      );
      if (!undone)
        throw new DomainError(
          'import_incomplete',
          { stored: written.length },
          written.map((c) => ({ line: c.line, nip: c.next.nip })),
        );
      if (isConditionalFailure(err)) throw new DomainError('import_conflict');
      throw err;
    }
  }

  /**
   * Compensates committed changes: new people are removed, changed people get their previous fields back (as a
   * new version, so the audit trail shows both), each only if nobody has touched the record since.
   */
  private async undo(written: EmployeeChange[], ctx: WriteContext & { requestId: string }): Promise<void> {
    for (let i = 0; i < written.length; i += 100) {
      await this.scope.transact(
        written.slice(i, i + 100).map(({ next, current }): TransactItem => {
          const writtenVersion = (current?.version ?? 0) + 1;
          if (!current) {
            return {
              delete: {
                table: 'main',
                key: this.key(next.nip),
                condition: 'version = :v AND requestId = :r',
                values: { ':v': writtenVersion, ':r': ctx.requestId },
              },
            };
          }
          const { version: _v, createdAt, updatedAt: _u, updatedBy: _b, ...previous } = current;
          return {
            put: {
              table: 'main',
              item: this.toItem(previous, ctx, { ...current, version: writtenVersion, createdAt }),
              condition: 'version = :v',
              values: { ':v': writtenVersion },
            },
          };
        }),
      );
    }
  }

  /** How many people report directly to `nip` (a count, not a read of their records). */
  async countDirectSubordinates(nip: string): Promise<number> {
    return this.scope.count('main', { index: 'gsi2', pk: this.scope.key('SUBORDINATES', nip) });
  }

  /** Everyone below `nip`, breadth first, with their depth; bounded, and safe even if stored data has a cycle. */
  async allSubordinates(nip: string, max: number): Promise<(Item & { depth: number })[]> {
    const all: (Item & { depth: number })[] = [];
    const seen = new Set([nip]);
    let level = [nip];
    for (let depth = 1; level.length > 0 && all.length < max; depth++) {
      const found = (await Promise.all(level.map((n) => this.allDirectSubordinates(n)))).flat();
      const fresh = found.filter((i) => !seen.has(i.nip as string));
      for (const i of fresh) seen.add(i.nip as string);
      all.push(...fresh.map((i) => ({ ...i, depth })));
      level = fresh.map((i) => i.nip as string);
    }
    return all.slice(0, max);
  }

  /** Every direct subordinate of `nip` (all pages). */
  allDirectSubordinates(nip: string): Promise<Item[]> {
    return this.scope.queryAll('main', { index: 'gsi2', pk: this.scope.key('SUBORDINATES', nip) });
  }

  /** Everyone in a unit subtree (all pages), in tree order. */
  allUnitMembers(unitPath: string): Promise<Item[]> {
    return this.scope.queryAll('main', {
      index: 'gsi1',
      pk: this.scope.key('UNITMEMBERS', opdOf(unitPath)),
      beginsWith: unitPath,
    });
  }

  directSubordinates(nip: string, limit?: number, cursor?: string): Promise<Page<Item>> {
    return this.scope.query('main', { index: 'gsi2', pk: this.scope.key('SUBORDINATES', nip), limit, cursor });
  }

  unitMembers(unitPath: string, limit?: number, cursor?: string): Promise<Page<Item>> {
    return this.scope.query('main', {
      index: 'gsi1',
      pk: this.scope.key('UNITMEMBERS', opdOf(unitPath)),
      beginsWith: unitPath,
      limit,
      cursor,
    });
  }

  /**
   * The people of a unit subtree that `matches` accepts, in tree order, a page at a time: the subtree's index
   * range is read in batches of SEARCH_BATCH and filtered here, never the whole organisation. One page reads at
   * most SEARCH_BATCHES_PER_PAGE batches, so it may hold fewer than `limit` people while `nextCursor` is present.
   * The cursor is where the last batch began and how many of its matches were already given.
   */
  async searchUnitMembers(
    unitPath: string,
    matches: (item: Item) => boolean,
    limit: number,
    cursor?: string,
  ): Promise<Page<Item>> {
    let { from, skip } = decodeSearchCursor(cursor);
    const found: Item[] = [];
    for (let batch = 0; batch < SEARCH_BATCHES_PER_PAGE; batch++) {
      const page = await this.unitMembers(unitPath, SEARCH_BATCH, from);
      const hits = page.items.filter(matches).slice(skip);
      const wanted = limit - found.length;
      if (hits.length > wanted) {
        found.push(...hits.slice(0, wanted));
        return { items: found, nextCursor: searchCursor(from, skip + wanted) };
      }
      found.push(...hits);
      if (!page.nextCursor) return { items: found };
      from = page.nextCursor;
      skip = 0;
      if (found.length === limit) break;
    }
    return { items: found, nextCursor: searchCursor(from, 0) };
  }

  /** The target's supervisors, nearest first. Stops at the top, at a missing record, or at a cycle. */
  async supervisorChain(target: Employee, maxDepth = MAX_HIERARCHY_DEPTH + 1): Promise<Employee[]> {
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

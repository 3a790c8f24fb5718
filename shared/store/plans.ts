import { dayBefore, type PlanState, type Rhk } from '../domain/plans.ts';
import { DomainError } from '../messages/errors.ts';
import {
  type Item,
  isConditionalFailure,
  type OrgScope,
  recordOf,
  type TransactItem,
  type WriteContext,
} from './org-scope.ts';

export interface PlanVersion {
  nip: string;
  year: number;
  planVersion: number;
  state: PlanState;
  rhk: Rhk[];
  reason?: string;
  returnNote?: string;
  /** The direct supervisor it was submitted to. */
  supervisorNip?: string | null;
  submittedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/** A version's content without its stamp (version counter and who/when), as written by toItem. */
export type PlanFields = Omit<PlanVersion, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

const fieldsOf = ({ version: _v, createdAt: _c, updatedAt: _u, updatedBy: _b, ...fields }: PlanVersion): PlanFields =>
  fields;

/**
 * Plans (SKP), one item per version. Keys:
 *   pk ORG#o#EMP#<nip> / sk PLAN#<yyyy>#V<nnn>                  the versions of a person's plan for a year
 */
export class PlanRepository {
  constructor(private readonly scope: OrgScope) {}

  key(nip: string, year: number, planVersion: number) {
    return { pk: this.scope.key('EMP', nip), sk: `PLAN#${year}#V${pad3(planVersion)}` };
  }

  private static fromItem(i: Item): PlanVersion {
    const rest = recordOf(i);
    return rest as unknown as PlanVersion;
  }

  toItem(p: PlanFields, ctx: WriteContext, previous?: PlanVersion): Item {
    return {
      ...this.key(p.nip, p.year, p.planVersion),
      ...p,
      subjectNip: p.nip,
      ...this.scope.stamp('Plan', `${p.nip}/${p.year}/v${p.planVersion}`, ctx, previous),
    };
  }

  /** Every version of a person's plan for a year, oldest first. */
  async versions(nip: string, year: number): Promise<PlanVersion[]> {
    const items = await this.scope.queryAll('main', { pk: this.scope.key('EMP', nip), beginsWith: `PLAN#${year}#` });
    return items.map(PlanRepository.fromItem);
  }

  /** Given versions (distinct) of several people's plans, in one batch read; those not found are left out. */
  async getMany(refs: { nip: string; year: number; planVersion: number }[]): Promise<PlanVersion[]> {
    const items = await this.scope.getMany(
      'main',
      refs.map((r) => this.key(r.nip, r.year, r.planVersion)),
    );
    return items.map(PlanRepository.fromItem);
  }

  async latest(nip: string, year: number): Promise<PlanVersion | undefined> {
    const page = await this.scope.query('main', {
      pk: this.scope.key('EMP', nip),
      beginsWith: `PLAN#${year}#`,
      newestFirst: true,
      limit: 1,
    });
    return page.items[0] ? PlanRepository.fromItem(page.items[0]) : undefined;
  }

  /** A new version (1 for a new plan, n+1 for a revision); refused if that version already exists. */
  async add(p: PlanFields, ctx: WriteContext): Promise<PlanVersion> {
    const item = this.toItem(p, ctx);
    try {
      await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
    } catch (err) {
      if (isConditionalFailure(err)) throw new DomainError('plan_exists', { year: p.year, nip: p.nip });
      throw err;
    }
    return PlanRepository.fromItem(item);
  }

  /**
   * Replaces a version under optimistic locking; `also` are writes that must land with it (the previous version
   * superseded when a revision is approved).
   */
  async replace(
    current: PlanVersion,
    next: PlanVersion,
    expectedVersion: number,
    ctx: WriteContext,
    also: TransactItem[] = [],
  ): Promise<PlanVersion> {
    const conflict = (stored: PlanVersion | undefined) =>
      new DomainError(
        'version_conflict',
        { current: stored?.version ?? '-', sent: expectedVersion },
        { current: stored },
      );
    if (current.version !== expectedVersion) throw conflict(current);
    const item = this.toItem(fieldsOf(next), ctx, current);
    try {
      await this.scope.transact([
        { put: { table: 'main', item, condition: 'version = :v', values: { ':v': expectedVersion } } },
        ...also,
      ]);
    } catch (err) {
      if (isConditionalFailure(err)) throw conflict(await this.latest(current.nip, current.year));
      throw err;
    }
    return PlanRepository.fromItem(item);
  }

  /**
   * The write that closes an approved version when the next one takes effect on `nextFrom` (part of the
   * approval's transaction). A version replaced on or before its own first day was never in force: it keeps
   * no effective dates rather than an inverted range.
   */
  supersede(previous: PlanVersion, nextFrom: string, ctx: WriteContext): TransactItem {
    const { effectiveFrom, effectiveTo: _to, ...fields } = fieldsOf(previous);
    const effectiveTo = dayBefore(nextFrom);
    const closed = effectiveFrom && effectiveFrom <= effectiveTo ? { effectiveFrom, effectiveTo } : {};
    return {
      put: {
        table: 'main',
        item: this.toItem({ ...fields, state: 'superseded', ...closed }, ctx, previous),
        condition: 'version = :pv',
        values: { ':pv': previous.version },
      },
    };
  }
}

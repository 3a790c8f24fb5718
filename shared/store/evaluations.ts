import { createHash } from 'node:crypto';
import {
  type BerakhlakValue,
  type HasilKerja,
  type Predikat,
  type Rating,
  type UnitPredikat,
  predikatOf,
  recommendPerilaku,
} from '../domain/scoring.ts';
import { AppError } from '../http/errors.ts';
import { type Item, type OrgScope, type WriteContext, isConditionalFailure, withoutKeys } from './org-scope.ts';

/** Where an indicator's realisasi came from: which running total, so an explanation can name it. */
export interface RealisasiSource {
  kind: 'activities' | 'service';
  /** The totals record read, e.g. `TOTAL#2026-11#IKI#k-1` or `SVCSUM#2026-11#UNIT#*` (officer, all units). */
  record: string;
  /** The figure taken from it, e.g. `approvedQuantity` or `within_standard_pct`. */
  field: string;
}

/** What the scoring run computed: inputs and results, never touched by reviews or appeals. */
export interface ComputedEvaluation {
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  unitPath: string;
  supervisorNip: string | null;
  periodId: string;
  planVersion: number | null;
  rulesVersion: number;
  hasilKerja: HasilKerja & { sources: Record<string, RealisasiSource> };
  /** A unit head's hasil kerja is the unit's own rating, when the leadership has set it. */
  head: { unitPredikat: UnitPredikat | null } | null;
  recommendedHasilKerja: Rating;
  /** Hash of the inputs and results: a review is current only for the figures it saw. */
  inputsHash: string;
  runId: string;
  computedAt: string;
}

export interface Decision {
  hasilKerja: Rating;
  perilaku: Rating;
  predikat: Predikat;
  reasons: { hasilKerja?: string; perilaku?: string };
  by: string;
  at: string;
}

export interface Evaluation extends Partial<ComputedEvaluation> {
  nip: string;
  periodId: string;
  behaviour?: { values: Record<BerakhlakValue, Rating>; note?: string; by: string; at: string };
  review?: Decision & { inputsHash: string };
  appeal?: {
    reason: string;
    filedAt: string;
    state: 'filed' | 'upheld' | 'revised';
    decision?: { outcome: 'upheld' | 'revised'; reason: string; by: string; at: string; revised?: Decision };
  };
  version: number;
}

/** The figures in force: an appeal's revision, else the supervisor's review (if it saw the current figures), else the recommendation. */
export function outcomeOf(e: Evaluation): {
  hasilKerja: Rating | null;
  perilaku: Rating | null;
  predikat: Predikat | null;
  source: 'appeal' | 'review' | 'recommendation';
  reviewCurrent: boolean;
} {
  const reviewCurrent = !!e.review && e.review.inputsHash === e.inputsHash;
  if (e.appeal?.decision?.revised) return { ...e.appeal.decision.revised, source: 'appeal', reviewCurrent };
  if (e.review && reviewCurrent) return { hasilKerja: e.review.hasilKerja, perilaku: e.review.perilaku, predikat: e.review.predikat, source: 'review', reviewCurrent };
  const hasilKerja = e.recommendedHasilKerja ?? null;
  const perilaku = e.behaviour ? recommendPerilaku(e.behaviour.values) : null;
  return { hasilKerja, perilaku, predikat: hasilKerja && perilaku ? predikatOf(hasilKerja, perilaku) : null, source: 'recommendation', reviewCurrent };
}

export const hashOfInputs = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

const COMPUTED_FIELDS = [
  'name',
  'position',
  'unitCode',
  'unitPath',
  'supervisorNip',
  'planVersion',
  'rulesVersion',
  'hasilKerja',
  'head',
  'recommendedHasilKerja',
  'inputsHash',
  'runId',
  'computedAt',
] as const satisfies readonly (keyof ComputedEvaluation)[];

/**
 * Evaluations, one per person and period, in the person's partition. The scoring run writes only the computed
 * fields (one UpdateItem, no read), so re-running never erases a supervisor's behaviour ratings, review or an
 * appeal; a review records the inputs it saw, and stops counting when a re-run changes them. Keys:
 *   pk ORG#o#EMP#<nip> / sk EVAL#<periodId>
 *        gsi1 ORG#o#EVALS#<periodId> / <unitPath><nip>     a period's evaluations by unit subtree
 *   pk ORG#o#UNIT#<code> / sk PREDIKAT#<periodId>          the unit's own predikat, set by the leadership
 */
export class EvaluationRepository {
  constructor(private readonly scope: OrgScope) {}

  key(nip: string, periodId: string) {
    return { pk: this.scope.key('EMP', nip), sk: `EVAL#${periodId}` };
  }

  static fromItem(i: Item): Evaluation {
    const { orgId: _o, entity: _e, entityId: _i, subjectNip: _s, requestId: _r, createdAt: _c, ...rest } = withoutKeys(i);
    return rest as unknown as Evaluation;
  }

  async get(nip: string, periodId: string, consistent = false): Promise<Evaluation | undefined> {
    const k = this.key(nip, periodId);
    const item = await this.scope.get('main', k.pk, k.sk, consistent);
    return item ? EvaluationRepository.fromItem(item) : undefined;
  }

  async getMany(nips: string[], periodId: string): Promise<Evaluation[]> {
    return (await this.scope.getMany('main', nips.map((n) => this.key(n, periodId)))).map(EvaluationRepository.fromItem);
  }

  /** A period's evaluations in a unit subtree (the whole organisation with '/'). */
  async inUnit(periodId: string, unitPath: string): Promise<Evaluation[]> {
    return (await this.scope.queryAll('main', { index: 'gsi1', pk: this.scope.key('EVALS', periodId), beginsWith: unitPath })).map(EvaluationRepository.fromItem);
  }

  /** Writes what the run computed (one request); everything else on the record stays as it is. */
  async saveComputed(c: ComputedEvaluation, ctx: WriteContext): Promise<void> {
    const names: Record<string, string> = { '#v': 'version' };
    const values: Item = { ':one': 1, ':gsi1pk': this.scope.key('EVALS', c.periodId), ':gsi1sk': `${c.unitPath}${c.nip}` };
    const sets = ['gsi1pk = :gsi1pk', 'gsi1sk = :gsi1sk'];
    const set = (attr: string, value: unknown) => {
      names[`#${attr}`] = attr;
      values[`:${attr}`] = value;
      sets.push(`#${attr} = :${attr}`);
    };
    for (const f of COMPUTED_FIELDS) set(f, c[f]);
    set('nip', c.nip);
    set('periodId', c.periodId);
    set('orgId', this.scope.orgId);
    set('entity', 'Evaluation');
    set('entityId', `${c.nip}/${c.periodId}`);
    set('subjectNip', c.nip);
    set('updatedAt', ctx.now);
    set('updatedBy', ctx.actor);
    names['#createdAt'] = 'createdAt';
    sets.push('#createdAt = if_not_exists(#createdAt, :updatedAt)');
    const k = this.key(c.nip, c.periodId);
    await this.scope.update('main', k, { set: `SET ${sets.join(', ')} ADD #v :one`, names, values });
  }

  /**
   * Changes the human parts of an evaluation (behaviour ratings, review, appeal) under optimistic locking:
   * `change` sees the stored record and returns the attributes to set, or throws.
   */
  async change(nip: string, periodId: string, expectedVersion: number | undefined, change: (e: Evaluation) => Partial<Evaluation>, ctx: WriteContext): Promise<Evaluation> {
    const current = await this.get(nip, periodId, true);
    if (!current) throw new AppError(404, 'not_found', { what: 'evaluation' });
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new AppError(409, 'version_conflict', { current: current.version, sent: expectedVersion }, { current });
    }
    const patch = change(current);
    const names: Record<string, string> = { '#v': 'version' };
    const values: Item = { ':one': 1, ':expected': current.version, ':at': ctx.now, ':by': ctx.actor };
    const sets = ['updatedAt = :at', 'updatedBy = :by'];
    Object.entries(patch).forEach(([attr, value], i) => {
      names[`#p${i}`] = attr;
      values[`:p${i}`] = value;
      sets.push(`#p${i} = :p${i}`);
    });
    try {
      const next = await this.scope.update('main', this.key(nip, periodId), { set: `SET ${sets.join(', ')} ADD #v :one`, condition: '#v = :expected', names, values });
      return EvaluationRepository.fromItem(next);
    } catch (err) {
      if (isConditionalFailure(err)) throw new AppError(409, 'version_conflict', { current: '?', sent: current.version });
      throw err;
    }
  }

  async unitPredikat(unitCode: string, periodId: string): Promise<{ predikat: UnitPredikat; reason: string; version: number } | undefined> {
    const item = await this.scope.get('main', this.scope.key('UNIT', unitCode), `PREDIKAT#${periodId}`);
    return item ? { predikat: item.predikat as UnitPredikat, reason: item.reason as string, version: item.version as number } : undefined;
  }

  /** The unit predikat of every unit for a period (for the distribution check), by unit code. */
  async unitPredikats(unitCodes: string[], periodId: string): Promise<Map<string, UnitPredikat>> {
    const items = await this.scope.getMany('main', unitCodes.map((c) => ({ pk: this.scope.key('UNIT', c), sk: `PREDIKAT#${periodId}` })));
    return new Map(items.map((i) => [i.unitCode as string, i.predikat as UnitPredikat]));
  }

  async setUnitPredikat(unitCode: string, periodId: string, predikat: UnitPredikat, reason: string, ctx: WriteContext): Promise<void> {
    const pk = this.scope.key('UNIT', unitCode);
    const previous = await this.scope.get('main', pk, `PREDIKAT#${periodId}`, true);
    await this.scope.put('main', {
      pk,
      sk: `PREDIKAT#${periodId}`,
      unitCode,
      periodId,
      predikat,
      reason,
      ...this.scope.stamp('UnitPredikat', `${unitCode}/${periodId}`, ctx, previous as { createdAt: string; version: number } | undefined),
    });
  }
}

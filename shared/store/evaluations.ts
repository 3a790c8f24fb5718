import { createHash } from 'node:crypto';
import type { BehaviourInput, ComputedEvaluation, Evaluation } from '../domain/evaluation.ts';
import type { UnitPredikat } from '../domain/scoring.ts';
import { DomainError } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, type Page, recordOf, type WriteContext } from './org-scope.ts';

/**
 * Evaluations, two records per person and period in the person's partition: what the scoring run computed (written
 * whole, in bulk, by every run) and what people decided (behaviour ratings, review, appeal; changed under
 * optimistic locking). A run therefore never touches a human decision, and a review records the inputs it saw,
 * so it stops counting when a re-run changes them. Keys:
 *   pk ORG#o#EMP#<nip> / sk EVAL#<periodId>#COMPUTED   the run's figures
 *        gsi1 ORG#o#EVALS#<periodId> / <unitPath><nip>     a period's evaluations by unit subtree
 *   pk ORG#o#EMP#<nip> / sk EVAL#<periodId>            behaviour ratings, review, appeal (version)
 *        gsi1 ORG#o#APPEALS / <filedAt>#<nip>#<periodId>   appeals waiting for a decision, oldest first (only
 *        gsi2 ORG#o#APPEALQUEUE#<decider> / <same>          while filed: the keys go with the decision)
 *   pk ORG#o#UNIT#<code> / sk PREDIKAT#<periodId>      the unit's own predikat, set by the leadership
 */
export class EvaluationRepository {
  constructor(private readonly scope: OrgScope) {}

  key(nip: string, periodId: string) {
    return { pk: this.scope.key('EMP', nip), sk: `EVAL#${periodId}` };
  }

  computedKey(nip: string, periodId: string) {
    return { pk: this.scope.key('EMP', nip), sk: `EVAL#${periodId}#COMPUTED` };
  }

  /**
   * The appeals queue's keys on the decisions record, derived from its appeal: present while it is filed (the
   * organisation's queue, and the queue of the second-level supervisor named at filing), absent once decided. They
   * live on the record the appeal is written to, so the queue changes in the same conditional write.
   */
  private appealKeys(human: Item): Item {
    const appeal = human.appeal as (Evaluation['appeal'] & { deciderNip?: string }) | undefined;
    if (appeal?.state !== 'filed') return {};
    const sk = `${appeal.filedAt}#${human.nip}#${human.periodId}`;
    return {
      gsi1pk: this.scope.key('APPEALS'),
      gsi1sk: sk,
      ...(appeal.deciderNip ? { gsi2pk: this.scope.key('APPEALQUEUE', appeal.deciderNip), gsi2sk: sk } : {}),
    };
  }

  /**
   * Appeals waiting for a decision, oldest first, each with the evaluation as scored (name, unit): the whole
   * organisation's, or those the second-level supervisor `deciderNip` was named for. One index query and one batch
   * read of the page's computed records.
   */
  async pendingAppeals(deciderNip: string | undefined, limit = 25, cursor?: string): Promise<Page<Evaluation>> {
    const page = await this.scope.query('main', {
      ...(deciderNip
        ? { index: 'gsi2' as const, pk: this.scope.key('APPEALQUEUE', deciderNip) }
        : { index: 'gsi1' as const, pk: this.scope.key('APPEALS') }),
      limit,
      cursor,
    });
    const computed = await this.scope.getMany(
      'main',
      page.items.map((h) => this.computedKey(h.nip as string, h.periodId as string)),
    );
    const computedOf = (h: Item) => computed.find((c) => c.nip === h.nip && c.periodId === h.periodId);
    return {
      items: page.items.flatMap((h) => EvaluationRepository.merge(computedOf(h), h) ?? []),
      nextCursor: page.nextCursor,
    };
  }

  private static clean(i: Item): Item {
    const rest = recordOf(i, 'createdAt', 'updatedAt', 'updatedBy');
    return rest;
  }

  /** One evaluation from its records: the computed figures with the human decisions over them. */
  private static merge(computed: Item | undefined, human: Item | undefined): Evaluation | undefined {
    if (!computed) return undefined;
    return {
      ...EvaluationRepository.clean(computed),
      ...(human ? EvaluationRepository.clean(human) : {}),
      version: (human?.version as number) ?? 0,
    } as unknown as Evaluation;
  }

  async get(nip: string, periodId: string, consistent = false): Promise<Evaluation | undefined> {
    return (await this.getWithInput(nip, periodId, consistent))?.evaluation;
  }

  /** The evaluation and the 360° input its person received (peers and subordinates), in one query. */
  async getWithInput(
    nip: string,
    periodId: string,
    consistent = false,
  ): Promise<{ evaluation: Evaluation; input: BehaviourInput[] } | undefined> {
    const items = await this.scope.queryAll('main', {
      pk: this.scope.key('EMP', nip),
      beginsWith: `EVAL#${periodId}`,
      consistent,
    });
    const evaluation = EvaluationRepository.merge(
      items.find((i) => i.sk === `EVAL#${periodId}#COMPUTED`),
      items.find((i) => i.sk === `EVAL#${periodId}`),
    );
    if (!evaluation) return undefined;
    const input = items
      .filter((i) => (i.sk as string).startsWith(`EVAL#${periodId}#INPUT#`))
      .map(
        (i) =>
          ({
            relation: i.relation,
            values: i.values,
            ...(i.comment ? { comment: i.comment } : {}),
            at: i.at,
          }) as BehaviourInput,
      );
    return { evaluation, input };
  }

  /** Several people's evaluations of a period (a team): one batch read of both records of each. */
  async getMany(nips: string[], periodId: string): Promise<Evaluation[]> {
    const items = await this.scope.getMany(
      'main',
      nips.flatMap((n) => [this.computedKey(n, periodId), this.key(n, periodId)]),
    );
    const bySk = (nip: string, sk: string) => items.find((i) => i.nip === nip && i.sk === sk);
    return nips.flatMap(
      (n) => EvaluationRepository.merge(bySk(n, `EVAL#${periodId}#COMPUTED`), bySk(n, `EVAL#${periodId}`)) ?? [],
    );
  }

  /**
   * Records one colleague's 360° input on a person's behaviour (a peer under the same supervisor, or a direct
   * subordinate); a second input from the same person replaces the first. Shown beside the supervisor's ratings,
   * never averaged into them; the giver is not shown (the audit trail keeps who).
   */
  async saveInput(
    nip: string,
    periodId: string,
    fromNip: string,
    input: BehaviourInput,
    ctx: WriteContext,
  ): Promise<void> {
    const giver = createHash('sha256').update(`${this.scope.orgId}|${fromNip}`).digest('base64url').slice(0, 16);
    await this.scope.put('main', {
      pk: this.scope.key('EMP', nip),
      sk: `EVAL#${periodId}#INPUT#${giver}`,
      nip,
      periodId,
      ...input,
      // No subjectNip: the person's own audit trail would name the giver; auditors still see who gave it.
      ...this.scope.stamp('BehaviourInput', `${nip}/${periodId}/${giver}`, ctx),
    });
  }

  /** A period's evaluations in a unit subtree (the whole organisation with '/'): one index query, one batch read of the decisions. */
  async inUnit(periodId: string, unitPath: string): Promise<Evaluation[]> {
    const computed = await this.scope.queryAll('main', {
      index: 'gsi1',
      pk: this.scope.key('EVALS', periodId),
      beginsWith: unitPath,
    });
    const human = new Map(
      (
        await this.scope.getMany(
          'main',
          computed.map((c) => this.key(c.nip as string, periodId)),
        )
      ).map((h) => [h.nip as string, h]),
    );
    return computed.map((c) => EvaluationRepository.merge(c, human.get(c.nip as string))!);
  }

  /** The NIPs with an evaluation of the period (computed records only: one index query, no decisions read). */
  async evaluatedNips(periodId: string): Promise<Set<string>> {
    const computed = await this.scope.queryAll('main', { index: 'gsi1', pk: this.scope.key('EVALS', periodId) });
    return new Set(computed.map((c) => c.nip as string));
  }

  /** The run's figures as their record (written whole: a run never reads before it writes). */
  computedItem(c: ComputedEvaluation, ctx: WriteContext): Item {
    return {
      ...this.computedKey(c.nip, c.periodId),
      gsi1pk: this.scope.key('EVALS', c.periodId),
      gsi1sk: `${c.unitPath}${c.nip}`,
      ...c,
      orgId: this.scope.orgId,
      entity: 'EvaluationScore',
      entityId: `${c.nip}/${c.periodId}`,
      subjectNip: c.nip,
      updatedAt: ctx.now,
      updatedBy: ctx.actor,
    };
  }

  /** Writes what runs computed, in bulk (BatchWriteItem, 25 a call). */
  async saveComputed(results: ComputedEvaluation[], ctx: WriteContext): Promise<void> {
    await this.scope.putMany(
      'main',
      results.map((c) => this.computedItem(c, ctx)),
    );
  }

  /**
   * Changes the human parts of an evaluation (behaviour ratings, review, appeal) under optimistic locking:
   * `change` sees the whole evaluation as stored and returns the attributes to set, or throws.
   */
  async change(
    nip: string,
    periodId: string,
    expectedVersion: number | undefined,
    change: (e: Evaluation) => Partial<Evaluation>,
    ctx: WriteContext,
  ): Promise<Evaluation> {
    const current = await this.get(nip, periodId, true);
    if (!current) throw new DomainError('not_found', { what: 'evaluation' });
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new DomainError('version_conflict', { current: current.version, sent: expectedVersion }, { current });
    }
    const patch = change(current);
    const k = this.key(nip, periodId);
    const previous = current.version > 0 ? await this.scope.get('main', k.pk, k.sk, true) : undefined;
    // The queue's keys follow the appeal as it now stands (see appealKeys), never the previous record's.
    const { gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...kept } = previous ?? {};
    const record = { ...kept, ...k, nip, periodId, ...patch };
    const human = {
      ...record,
      ...this.appealKeys(record),
      ...this.scope.stamp(
        'Evaluation',
        `${nip}/${periodId}`,
        ctx,
        previous as { createdAt: string; version: number } | undefined,
      ),
      subjectNip: nip,
    };
    try {
      await this.scope.put(
        'main',
        human,
        current.version > 0
          ? { expression: 'version = :v', values: { ':v': current.version } }
          : { expression: 'attribute_not_exists(pk)' },
      );
    } catch (err) {
      if (isConditionalFailure(err)) {
        // Changed between the read and the write: answer with the evaluation as it is now, as a stale version does.
        const latest = (await this.get(nip, periodId, true)) ?? null;
        throw new DomainError(
          'version_conflict',
          { current: latest?.version ?? '-', sent: current.version },
          { current: latest },
        );
      }
      throw err;
    }
    return (await this.get(nip, periodId, true))!;
  }

  async unitPredikat(
    unitCode: string,
    periodId: string,
  ): Promise<{ predikat: UnitPredikat; reason: string; version: number } | undefined> {
    const item = await this.scope.get('main', this.scope.key('UNIT', unitCode), `PREDIKAT#${periodId}`);
    return item
      ? { predikat: item.predikat as UnitPredikat, reason: item.reason as string, version: item.version as number }
      : undefined;
  }

  /** The unit predikat of every unit for a period (for the distribution check), by unit code. */
  async unitPredikats(unitCodes: string[], periodId: string): Promise<Map<string, UnitPredikat>> {
    const items = await this.scope.getMany(
      'main',
      unitCodes.map((c) => ({ pk: this.scope.key('UNIT', c), sk: `PREDIKAT#${periodId}` })),
    );
    return new Map(items.map((i) => [i.unitCode as string, i.predikat as UnitPredikat]));
  }

  async setUnitPredikat(
    unitCode: string,
    periodId: string,
    predikat: UnitPredikat,
    reason: string,
    ctx: WriteContext,
  ): Promise<void> {
    const pk = this.scope.key('UNIT', unitCode);
    const previous = await this.scope.get('main', pk, `PREDIKAT#${periodId}`, true);
    await this.scope.put('main', {
      pk,
      sk: `PREDIKAT#${periodId}`,
      unitCode,
      periodId,
      predikat,
      reason,
      ...this.scope.stamp(
        'UnitPredikat',
        `${unitCode}/${periodId}`,
        ctx,
        previous as { createdAt: string; version: number } | undefined,
      ),
    });
  }
}

import { periodIdFor } from '../domain/activities.ts';
import type { Cadence } from '../domain/periods.ts';
import { type Answers, FOLLOW_UP_HOURS, elementCodes, followUpReasons } from '../domain/skm.ts';
import { wibDate } from '../domain/time.ts';
import { AppError } from '../http/errors.ts';
import { type Item, type OrgScope, type TransactItem, type WriteContext, cancellationCodes, isConditionalFailure, withoutKeys } from './org-scope.ts';
import { ServiceTotalsRepository, TotalsChanges } from './service-totals.ts';
import type { ServiceTransaction } from './service-transactions.ts';

export interface SurveyResponse {
  answers: Answers;
  comment?: string;
  complaint: boolean;
}

export interface FollowUp {
  id: string;
  unitCode: string;
  serviceType: string;
  reasons: string[];
  answers: Answers;
  comment: string | null;
  submittedAt: string;
  /** Follow-up expected within 2×24 hours of the response. */
  dueAt: string;
  status: 'open' | 'resolved';
  resolution?: { note: string; by: string; at: string };
  version: number;
}

/**
 * Citizen survey responses (anonymous: nothing about the respondent is stored) and the follow-ups they raise.
 * Keys:
 *   pk ORG#o#TX#<externalId> / sk SURVEY            the one response a transaction's link accepts
 *   pk ORG#o#UNIT#<unit> / sk FOLLOWUP#<id>         a response the unit head must follow up (id sorts by time)
 */
export class SurveyRepository {
  constructor(private readonly scope: OrgScope) {}

  async hasResponse(externalId: string): Promise<boolean> {
    return (await this.scope.get('main', this.scope.key('TX', externalId), 'SURVEY', true)) !== undefined;
  }

  /**
   * Records a response with the totals it moves (the unit, its service type and each officer of the transaction,
   * in the periods of the day it is given) and, when it needs one, a follow-up for the unit head: one transaction,
   * conditioned on the transaction having no response yet.
   */
  async submit(tx: ServiceTransaction, response: SurveyResponse, cadence: Cadence, ctx: WriteContext): Promise<{ followUp?: FollowUp }> {
    const today = wibDate(new Date(ctx.now));
    const periodIds = [periodIdFor(today, cadence), today.slice(0, 4)];
    const reasons = followUpReasons(response.answers, response.complaint);
    const totals = new ServiceTotalsRepository(this.scope);
    const changes = new TotalsChanges();
    changes.add(totals.keysOf({ unitCode: tx.unitCode, serviceType: tx.serviceType, officers: tx.officers, periodIds }), {
      respondents: 1,
      sums: response.answers,
      followUps: reasons.length > 0 ? 1 : 0,
    });
    const answers = Object.fromEntries(elementCodes.map((c) => [c, response.answers[c]])) as Answers;
    const comment = response.comment?.trim() || null;
    const followUp: FollowUp | undefined =
      reasons.length > 0
        ? {
            id: `${ctx.now.replace(/[-:.]/g, '')}-${tx.linkId}`,
            unitCode: tx.unitCode,
            serviceType: tx.serviceType,
            reasons,
            answers,
            comment,
            submittedAt: ctx.now,
            dueAt: new Date(Date.parse(ctx.now) + FOLLOW_UP_HOURS * 3_600_000).toISOString(),
            status: 'open',
            version: 1,
          }
        : undefined;
    const writes: TransactItem[] = [
      {
        put: {
          table: 'main',
          item: { pk: this.scope.key('TX', tx.externalId), sk: 'SURVEY', unitCode: tx.unitCode, serviceType: tx.serviceType, periodIds, answers, comment, complaint: response.complaint, submittedAt: ctx.now },
          condition: 'attribute_not_exists(pk)',
        },
      },
      ...totals.updates(changes.changes),
      ...(followUp ? [{ put: { table: 'main' as const, item: { pk: this.scope.key('UNIT', tx.unitCode), sk: `FOLLOWUP#${followUp.id}`, ...followUp, ...this.scope.stamp('SurveyFollowUp', followUp.id, ctx) } } }] : []),
    ];
    // Responses to one unit share its totals: a concurrent transaction on them is retried after a jittered pause.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.scope.transact(writes);
        break;
      } catch (err) {
        const codes = cancellationCodes(err);
        if (codes[0] === 'ConditionalCheckFailed') throw new AppError(409, 'survey_already_answered');
        if (!codes.includes('TransactionConflict') || attempt >= 8) throw err;
        await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * (0.5 + Math.random())));
      }
    }
    return followUp ? { followUp } : {};
  }

  private static followUp(i: Item): FollowUp {
    const { orgId: _o, entity: _e, entityId: _i, requestId: _r, createdAt: _c, updatedAt: _u, updatedBy: _b, ...rest } = withoutKeys(i);
    return rest as unknown as FollowUp;
  }

  /** A unit's follow-ups, newest first. */
  async followUps(unitCode: string, limit: number, cursor?: string) {
    const page = await this.scope.query('main', { pk: this.scope.key('UNIT', unitCode), beginsWith: 'FOLLOWUP#', newestFirst: true, limit, cursor });
    return { items: page.items.map(SurveyRepository.followUp), nextCursor: page.nextCursor };
  }

  /** Records the unit head's follow-up; a follow-up is resolved once. */
  async resolve(unitCode: string, id: string, note: string, ctx: WriteContext): Promise<FollowUp> {
    const [pk, sk] = [this.scope.key('UNIT', unitCode), `FOLLOWUP#${id}`];
    const item = await this.scope.get('main', pk, sk, true);
    if (!item) throw new AppError(404, 'not_found', { what: 'follow_up' });
    if (item.status !== 'open') throw new AppError(409, 'follow_up_resolved', {}, { current: SurveyRepository.followUp(item) });
    const next = { ...item, status: 'resolved', resolution: { note, by: ctx.actor, at: ctx.now }, ...this.scope.stamp('SurveyFollowUp', id, ctx, item as { createdAt: string; version: number }) };
    try {
      await this.scope.put('main', next, { expression: 'version = :v', values: { ':v': item.version } });
    } catch (err) {
      if (isConditionalFailure(err)) throw new AppError(409, 'follow_up_resolved');
      throw err;
    }
    return SurveyRepository.followUp(next);
  }
}

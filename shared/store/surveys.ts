import type { Answers } from '../domain/skm.ts';
import { DomainError } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, recordOf, type WriteContext } from './org-scope.ts';

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

export interface StoredResponse extends SurveyResponse {
  linkId: string;
  unitCode: string;
  serviceType: string;
  followUpReasons: string[];
  submittedAt: string;
}

/**
 * Citizen survey responses (anonymous: nothing about the respondent is stored) and the follow-ups they raise.
 * The running totals and follow-ups follow from the stream (update-service-totals), so a response is one write.
 * Keys:
 *   pk ORG#o#SURVEY#<linkId> / sk RESPONSE          the one response a survey link accepts
 *   pk ORG#o#UNIT#<unit> / sk FOLLOWUP#<id>         a response the unit head must follow up (id sorts by time)
 */
export class SurveyRepository {
  constructor(private readonly scope: OrgScope) {}

  private key(linkId: string) {
    return { pk: this.scope.key('SURVEY', linkId), sk: 'RESPONSE' };
  }

  async hasResponse(linkId: string): Promise<boolean> {
    const k = this.key(linkId);
    return (await this.scope.get('main', k.pk, k.sk, true)) !== undefined;
  }

  /** Records the link's one response (a conditional put: a second submission changes nothing and gets 409). */
  async submit(response: StoredResponse, ctx: WriteContext): Promise<void> {
    try {
      await this.scope.put(
        'main',
        { ...this.key(response.linkId), ...response, ...this.scope.stamp('SurveyResponse', response.linkId, ctx) },
        { expression: 'attribute_not_exists(pk)' },
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw new DomainError('survey_already_answered');
      throw err;
    }
  }

  /** The item of a follow-up a flagged response raises (written by the totals consumer, with the totals it moves). */
  followUpItem(followUp: FollowUp, ctx: WriteContext): Item {
    return {
      pk: this.scope.key('UNIT', followUp.unitCode),
      sk: `FOLLOWUP#${followUp.id}`,
      ...followUp,
      ...this.scope.stamp('SurveyFollowUp', followUp.id, ctx),
    };
  }

  private static followUp(i: Item): FollowUp {
    const rest = recordOf(i, 'createdAt', 'updatedAt', 'updatedBy');
    return rest as unknown as FollowUp;
  }

  /** A unit's follow-ups, newest first. */
  async followUps(unitCode: string, limit: number, cursor?: string) {
    const page = await this.scope.query('main', {
      pk: this.scope.key('UNIT', unitCode),
      beginsWith: 'FOLLOWUP#',
      newestFirst: true,
      limit,
      cursor,
    });
    return { items: page.items.map(SurveyRepository.followUp), nextCursor: page.nextCursor };
  }

  /** Records the unit head's follow-up; a follow-up is resolved once. */
  async resolve(unitCode: string, id: string, note: string, ctx: WriteContext): Promise<FollowUp> {
    const [pk, sk] = [this.scope.key('UNIT', unitCode), `FOLLOWUP#${id}`];
    const item = await this.scope.get('main', pk, sk, true);
    if (!item) throw new DomainError('not_found', { what: 'follow_up' });
    if (item.status !== 'open')
      throw new DomainError('follow_up_resolved', {}, { current: SurveyRepository.followUp(item) });
    const next = {
      ...item,
      status: 'resolved',
      resolution: { note, by: ctx.actor, at: ctx.now },
      ...this.scope.stamp('SurveyFollowUp', id, ctx, item as { createdAt: string; version: number }),
    };
    try {
      await this.scope.put('main', next, { expression: 'version = :v', values: { ':v': item.version } });
    } catch (err) {
      if (isConditionalFailure(err)) throw new DomainError('follow_up_resolved');
      throw err;
    }
    return SurveyRepository.followUp(next);
  }
}

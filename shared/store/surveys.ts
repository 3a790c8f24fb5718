import type { Answers, Contact } from '../domain/skm.ts';
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
  /** The agency's reference of the transaction the response is about (its externalId), when known. */
  reference: string | null;
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
 * A contact the citizen leaves for a follow-up is its own record, beside the response and never in it: it carries
 * no entity, so neither the audit trail nor any consumer copies it, it is read only for those handling the
 * follow-up, and it is deleted when the follow-up is resolved.
 * Keys:
 *   pk ORG#o#SURVEY#<linkId> / sk RESPONSE          the one response a survey link accepts
 *   pk ORG#o#SURVEY#<linkId> / sk CONTACT           the citizen's contact for the follow-up (optional)
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

  private contactKey(linkId: string) {
    return { pk: this.scope.key('SURVEY', linkId), sk: 'CONTACT' };
  }

  /**
   * Records the link's one response, and the contact for its follow-up if given, together (conditional: a second
   * submission changes nothing and gets 409).
   */
  async submit(response: StoredResponse, ctx: WriteContext, contact?: Contact): Promise<void> {
    const item = {
      ...this.key(response.linkId),
      ...response,
      ...this.scope.stamp('SurveyResponse', response.linkId, ctx),
    };
    try {
      if (!contact) await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
      else
        await this.scope.transact([
          { put: { table: 'main', item, condition: 'attribute_not_exists(pk)' } },
          { put: { table: 'main', item: { ...this.contactKey(response.linkId), ...contact, createdAt: ctx.now } } },
        ]);
    } catch (err) {
      // A failed condition, or another submission's transaction in flight: answered already either way.
      if (isConditionalFailure(err)) throw new DomainError('survey_already_answered');
      throw err;
    }
  }

  /** The contacts left for these follow-ups, by follow-up id (one batch read): for those handling them only. */
  async contactsOf(followUps: Pick<FollowUp, 'id'>[]): Promise<Map<string, Contact>> {
    if (followUps.length === 0) return new Map();
    const byLink = new Map(followUps.map((f) => [linkIdOfFollowUp(f.id), f.id]));
    const items = await this.scope.getMany(
      'main',
      [...byLink.keys()].map((l) => this.contactKey(l)),
    );
    return new Map(
      items.map((i) => [
        byLink.get((i.pk as string).slice(this.scope.key('SURVEY', '').length))!,
        { kind: i.kind, value: i.value } as Contact,
      ]),
    );
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
    // Follow-ups raised before the reference was carried have none.
    return { reference: null, ...rest } as unknown as FollowUp;
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

  /** Records the unit head's follow-up, once; the citizen's contact, needed no longer, goes with it. */
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
      await this.scope.transact([
        { put: { table: 'main', item: next, condition: 'version = :v', values: { ':v': item.version } } },
        { delete: { table: 'main', key: this.contactKey(linkIdOfFollowUp(id)) } },
      ]);
    } catch (err) {
      // Resolved meanwhile, or being resolved by someone else's transaction in flight: a 409 either way.
      if (isConditionalFailure(err)) throw new DomainError('follow_up_resolved');
      throw err;
    }
    return SurveyRepository.followUp(next);
  }
}

/** A follow-up's id is `<time>-<linkId>` (the time has no dash): the survey link it came from. */
export const linkIdOfFollowUp = (id: string): string => id.slice(id.indexOf('-') + 1);

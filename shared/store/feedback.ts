import { randomUUID } from 'node:crypto';
import { DomainError } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, recordOf, type WriteContext } from './org-scope.ts';

export type FeedbackAbout =
  | { kind: 'general' }
  | { kind: 'period'; periodId: string }
  | { kind: 'rhk'; year: number; rhkId: string }
  | { kind: 'activity'; date: string; activityId: string };

export interface Feedback {
  id: string;
  nip: string;
  /** The supervisor who gave it. */
  from: string;
  about: FeedbackAbout;
  text: string;
  replies: { by: string; text: string; at: string }[];
  acknowledgedAt?: string;
  createdAt: string;
  version: number;
}

export interface Dialog {
  id: string;
  nip: string;
  supervisorNip: string | null;
  date: string;
  topics: string[];
  followUps: { text: string; owner: 'employee' | 'supervisor'; due?: string }[];
  notes?: string;
  recordedBy: string;
  createdAt: string;
}

/** Ids that sort by time, so a person's feedback is one key range read newest first. */
const timeId = (now: string) => `${now.replace(/[-:.TZ]/g, '')}-${randomUUID().slice(0, 8)}`;

/**
 * Continuous feedback and performance dialogs, in the employee's partition. Keys:
 *   pk ORG#o#EMP#<nip> / sk FEEDBACK#<id>            feedback received, with its replies
 *   pk ORG#o#EMP#<nip> / sk DIALOG#<date>#<id>        a performance dialog
 */
export class FeedbackRepository {
  constructor(private readonly scope: OrgScope) {}

  private static clean<T>(i: Item): T {
    const rest = recordOf(i, 'updatedAt', 'updatedBy');
    return rest as T;
  }

  async give(nip: string, from: string, about: FeedbackAbout, text: string, ctx: WriteContext): Promise<Feedback> {
    const id = timeId(ctx.now);
    const item = {
      pk: this.scope.key('EMP', nip),
      sk: `FEEDBACK#${id}`,
      id,
      nip,
      from,
      about,
      text,
      replies: [],
      subjectNip: nip,
      ...this.scope.stamp('Feedback', `${nip}/${id}`, ctx),
    };
    await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
    return FeedbackRepository.clean(item);
  }

  async get(nip: string, id: string): Promise<Feedback | undefined> {
    const item = await this.scope.get('main', this.scope.key('EMP', nip), `FEEDBACK#${id}`, true);
    return item ? FeedbackRepository.clean<Feedback>(item) : undefined;
  }

  async list(nip: string, limit: number, cursor?: string) {
    const page = await this.scope.query('main', {
      pk: this.scope.key('EMP', nip),
      beginsWith: 'FEEDBACK#',
      newestFirst: true,
      limit,
      cursor,
    });
    return {
      items: page.items.map((i) => FeedbackRepository.clean<Feedback>(i)),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  /** Changes a feedback under optimistic locking; `change` sees it as stored. */
  async change(
    nip: string,
    id: string,
    expectedVersion: number,
    change: (f: Feedback) => Partial<Feedback>,
    ctx: WriteContext,
  ): Promise<Feedback> {
    const pk = this.scope.key('EMP', nip);
    const item = await this.scope.get('main', pk, `FEEDBACK#${id}`, true);
    if (!item) throw new DomainError('not_found', { what: 'feedback' });
    const current = FeedbackRepository.clean<Feedback>(item);
    if (current.version !== expectedVersion)
      throw new DomainError('version_conflict', { current: current.version, sent: expectedVersion }, { current });
    const next = {
      ...item,
      ...change(current),
      ...this.scope.stamp('Feedback', `${nip}/${id}`, ctx, item as { createdAt: string; version: number }),
    };
    try {
      await this.scope.put('main', next, { expression: 'version = :v', values: { ':v': expectedVersion } });
    } catch (err) {
      if (isConditionalFailure(err)) {
        // Changed between the read and the write: answer with the record as it is now, as a stale version does.
        const now = await this.scope.get('main', pk, `FEEDBACK#${id}`, true);
        const latest = now ? FeedbackRepository.clean<Feedback>(now) : null;
        throw new DomainError(
          'version_conflict',
          { current: latest?.version ?? '-', sent: expectedVersion },
          { current: latest },
        );
      }
      throw err;
    }
    return FeedbackRepository.clean(next);
  }

  async recordDialog(d: Omit<Dialog, 'id' | 'createdAt'>, ctx: WriteContext): Promise<Dialog> {
    const id = timeId(ctx.now);
    const item = {
      pk: this.scope.key('EMP', d.nip),
      sk: `DIALOG#${d.date}#${id}`,
      id,
      ...d,
      subjectNip: d.nip,
      ...this.scope.stamp('Dialog', `${d.nip}/${id}`, ctx),
    };
    await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
    const { version: _v, ...dialog } = FeedbackRepository.clean<Dialog & { version: number }>(item);
    return dialog;
  }

  async dialogs(nip: string, limit: number, cursor?: string) {
    const page = await this.scope.query('main', {
      pk: this.scope.key('EMP', nip),
      beginsWith: 'DIALOG#',
      newestFirst: true,
      limit,
      cursor,
    });
    return {
      items: page.items.map((i) => {
        const { version: _v, ...d } = FeedbackRepository.clean<Dialog & { version: number }>(i);
        return d;
      }),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}

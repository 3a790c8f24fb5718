import { createHash } from 'node:crypto';
import { forEachConcurrently } from '../concurrency.ts';
import { unitHeads } from '../domain/units.ts';
import type { Audience, NotificationDraft, NotificationType } from '../domain/notifications.ts';
import { ActingRepository } from './acting.ts';
import { logger, metrics } from '../observability.ts';
import { emailChannel } from './email.ts';
import { type Employee, EmployeeRepository } from './employees.ts';
import { EvaluationRepository } from './evaluations.ts';
import { type Item, type OrgScope, type WriteContext, isConditionalFailure, recordOf } from './org-scope.ts';
import { UnitRepository } from './units.ts';

export interface Notification {
  id: string;
  nip: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string;
  read: boolean;
  createdAt: string;
  readAt?: string;
}

/**
 * The in-app inbox, in the recipient's partition. A notification's id comes from the stream record that caused it
 * and its recipient, so a redelivered record finds it already there: at-least-once input, exactly-once effect.
 *   pk ORG#o#EMP#<nip> / sk NOTIF#<id>                    a notification (ids sort by time)
 *        gsi1 ORG#o#UNREAD#<nip> / NOTIF#<id>             while unread: the unread list and its count
 */
export class NotificationRepository {
  constructor(private readonly scope: OrgScope) {}

  static idFor(eventAt: string, eventId: string, type: string, nip: string): string {
    return `${eventAt.replace(/[-:.TZ]/g, '')}-${createHash('sha256').update(`${eventId}|${type}|${nip}`).digest('base64url').slice(0, 16)}`;
  }

  private static fromItem(i: Item): Notification {
    const rest = recordOf(i, 'updatedAt', 'updatedBy', 'version', 'emailedAt');
    return rest as unknown as Notification;
  }

  /** Stores a notification unless it is already there; true when it is new. */
  async add(n: Omit<Notification, 'read' | 'readAt'>): Promise<boolean> {
    try {
      await this.scope.put(
        'main',
        { pk: this.scope.key('EMP', n.nip), sk: `NOTIF#${n.id}`, gsi1pk: this.scope.key('UNREAD', n.nip), gsi1sk: `NOTIF#${n.id}`, ...n, read: false },
        { expression: 'attribute_not_exists(pk)' },
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }

  async get(nip: string, id: string): Promise<(Notification & { emailedAt?: string }) | undefined> {
    const item = await this.scope.get('main', this.scope.key('EMP', nip), `NOTIF#${id}`, true);
    return item ? { ...NotificationRepository.fromItem(item), ...(item.emailedAt ? { emailedAt: item.emailedAt as string } : {}) } : undefined;
  }

  async markEmailed(nip: string, id: string, at: string): Promise<void> {
    await this.scope.update('main', { pk: this.scope.key('EMP', nip), sk: `NOTIF#${id}` }, { set: 'SET emailedAt = :at', values: { ':at': at } });
  }

  async list(nip: string, opts: { unreadOnly: boolean; limit: number; cursor?: string }) {
    const page = opts.unreadOnly
      ? await this.scope.query('main', { index: 'gsi1', pk: this.scope.key('UNREAD', nip), newestFirst: true, limit: opts.limit, cursor: opts.cursor })
      : await this.scope.query('main', { pk: this.scope.key('EMP', nip), beginsWith: 'NOTIF#', newestFirst: true, limit: opts.limit, cursor: opts.cursor });
    return { items: page.items.map(NotificationRepository.fromItem), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  unreadCount(nip: string): Promise<number> {
    return this.scope.count('main', { index: 'gsi1', pk: this.scope.key('UNREAD', nip) });
  }

  /** Marks the given notifications (or all unread ones) read; unknown ids are ignored. Returns how many changed. */
  async markRead(nip: string, ids: string[] | 'all', ctx: WriteContext): Promise<number> {
    const targets = ids === 'all' ? (await this.scope.queryAll('main', { index: 'gsi1', pk: this.scope.key('UNREAD', nip) })).map((i) => (i.sk as string).slice('NOTIF#'.length)) : ids;
    let changed = 0;
    for (const id of targets) {
      try {
        await this.scope.update(
          'main',
          { pk: this.scope.key('EMP', nip), sk: `NOTIF#${id}` },
          { set: 'SET #read = :true, readAt = :at REMOVE gsi1pk, gsi1sk', condition: 'attribute_exists(pk) AND #read = :false', names: { '#read': 'read' }, values: { ':true': true, ':false': false, ':at': ctx.now } },
        );
        changed++;
      } catch (err) {
        if (!isConditionalFailure(err)) throw err;
      }
    }
    return changed;
  }
}

/** The people an audience names, as of the event: holders of the positions and their Plt/Plh on the day. */
export async function recipientsOf(scope: OrgScope, audience: Audience): Promise<Employee[]> {
  const employees = new EmployeeRepository(scope);
  const acting = new ActingRepository(scope);
  const withActing = async (holders: string[], date: string) => {
    const actingNips = (await Promise.all(holders.map((h) => acting.covering(h)))).flat().filter((a) => a.startDate <= date && date <= a.endDate).map((a) => a.actingNip);
    return [...new Set([...holders, ...actingNips])];
  };
  let nips: string[] = [];
  if (audience.role === 'person') nips = [audience.nip];
  else if (audience.role === 'supervisor_of' || audience.role === 'second_level_of') {
    const person = await employees.get(audience.nip);
    const chain = person ? await employees.supervisorChain(person) : [];
    const holder = chain[audience.role === 'supervisor_of' ? 0 : 1];
    nips = holder ? await withActing([holder.nip], audience.date) : [];
  } else if (audience.role === 'reviewers_of_period' || audience.role === 'evaluated_in_period') {
    const evaluated = await new EvaluationRepository(scope).inUnit(audience.periodId, '/');
    if (audience.role === 'evaluated_in_period') nips = evaluated.map((e) => e.nip);
    else nips = await withActing([...new Set(evaluated.flatMap((e) => (e.supervisorNip ? [e.supervisorNip] : [])))], audience.date);
  } else {
    const unit = await new UnitRepository(scope).get(audience.unitCode);
    const members = unit ? (await employees.allUnitMembers(unit.path)).filter((m) => m.unitCode === unit.code) : [];
    nips = await withActing(unitHeads(members).map((m) => m.nip as string), audience.date);
  }
  const found = await employees.getMany(nips);
  return nips.flatMap((n) => (found.get(n)?.status === 'active' ? [found.get(n)!] : []));
}

/**
 * Delivers one draft to people: an inbox entry each (its id from the event and the person, so a second delivery
 * adds nothing) and, for people with an address, one e-mail (marked when sent, so a retry sends only what is
 * missing). Sixteen people at a time: a finalised period reaches everyone evaluated in it.
 */
export async function deliver(scope: OrgScope, people: Employee[], draft: NotificationDraft, event: { at: string; id: string }): Promise<number> {
  const repo = new NotificationRepository(scope);
  const mail = emailChannel();
  let added = 0;
  await forEachConcurrently(people, 16, async (person) => {
    const id = NotificationRepository.idFor(event.at, event.id, draft.type, person.nip);
    if (await repo.add({ id, nip: person.nip, type: draft.type, title: draft.title, body: draft.body, link: draft.link, createdAt: event.at })) added++;
    if (mail && person.email && !(await repo.get(person.nip, id))?.emailedAt) {
      try {
        await mail({ name: person.name, email: person.email }, draft, id);
        await repo.markEmailed(person.nip, id, new Date().toISOString());
      } catch (err) {
        // The inbox holds the notification; a refused address must not hold back the record or the others.
        logger.warn('e-mail not sent', { nip: person.nip, type: draft.type, error: err as Error });
        metrics.addMetric('EmailFailed', 'Count', 1);
      }
    }
  });
  return added;
}

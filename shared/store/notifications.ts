import { createHash } from 'node:crypto';
import type { NotificationType } from '../domain/notifications.ts';
import { type Item, isConditionalFailure, type OrgScope, recordOf, type WriteContext } from './org-scope.ts';

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
        {
          pk: this.scope.key('EMP', n.nip),
          sk: `NOTIF#${n.id}`,
          gsi1pk: this.scope.key('UNREAD', n.nip),
          gsi1sk: `NOTIF#${n.id}`,
          ...n,
          read: false,
        },
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
    return item
      ? { ...NotificationRepository.fromItem(item), ...(item.emailedAt ? { emailedAt: item.emailedAt as string } : {}) }
      : undefined;
  }

  async markEmailed(nip: string, id: string, at: string): Promise<void> {
    await this.scope.update(
      'main',
      { pk: this.scope.key('EMP', nip), sk: `NOTIF#${id}` },
      { set: 'SET emailedAt = :at', values: { ':at': at } },
    );
  }

  async list(nip: string, opts: { unreadOnly: boolean; limit: number; cursor?: string }) {
    const page = opts.unreadOnly
      ? await this.scope.query('main', {
          index: 'gsi1',
          pk: this.scope.key('UNREAD', nip),
          newestFirst: true,
          limit: opts.limit,
          cursor: opts.cursor,
        })
      : await this.scope.query('main', {
          pk: this.scope.key('EMP', nip),
          beginsWith: 'NOTIF#',
          newestFirst: true,
          limit: opts.limit,
          cursor: opts.cursor,
        });
    return {
      items: page.items.map(NotificationRepository.fromItem),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  unreadCount(nip: string): Promise<number> {
    return this.scope.count('main', { index: 'gsi1', pk: this.scope.key('UNREAD', nip) });
  }

  /** Marks the given notifications (or all unread ones) read; unknown ids are ignored. Returns how many changed. */
  async markRead(nip: string, ids: string[] | 'all', ctx: WriteContext): Promise<number> {
    const targets =
      ids === 'all'
        ? (await this.scope.queryAll('main', { index: 'gsi1', pk: this.scope.key('UNREAD', nip) })).map((i) =>
            (i.sk as string).slice('NOTIF#'.length),
          )
        : ids;
    let changed = 0;
    for (const id of targets) {
      try {
        await this.scope.update(
          'main',
          { pk: this.scope.key('EMP', nip), sk: `NOTIF#${id}` },
          {
            set: 'SET #read = :true, readAt = :at REMOVE gsi1pk, gsi1sk',
            condition: 'attribute_exists(pk) AND #read = :false',
            names: { '#read': 'read' },
            values: { ':true': true, ':false': false, ':at': ctx.now },
          },
        );
        changed++;
      } catch (err) {
        if (!isConditionalFailure(err)) throw err;
      }
    }
    return changed;
  }
}

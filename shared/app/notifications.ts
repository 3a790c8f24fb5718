/**
 * The in-app inbox of the caller, and the notify consumer's work: from one stored change, the notifications it
 * calls for, to the people concerned as of the event, in the inbox and by e-mail.
 */

import { forEachConcurrently } from '../concurrency.ts';
import {
  type Audience,
  draftsFor,
  type NoticeNames,
  type NotificationDraft,
  namesToRead,
  serviceKey,
} from '../domain/notifications.ts';
import { wibDate } from '../domain/time.ts';
import { unitHeads } from '../domain/units.ts';
import { DomainError } from '../messages/errors.ts';
import { logger, metrics } from '../observability.ts';
import { ActingRepository } from '../store/acting.ts';
import { emailChannel } from '../store/email.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import { NotificationRepository } from '../store/notifications.ts';
import { OrgScope } from '../store/org-scope.ts';
import { ServiceCatalogueRepository } from '../store/service-catalogue.ts';
import { UnitRepository } from '../store/units.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';

/** The caller's own inbox: newest first, optionally unread only, with the unread count. */
export async function inboxOf(ctx: UseCaseContext, opts: { unreadOnly: boolean; limit?: number; cursor?: string }) {
  const repo = new NotificationRepository(ctx.scope);
  const [page, unreadCount] = await Promise.all([
    repo.list(ctx.principal.nip, {
      unreadOnly: opts.unreadOnly,
      limit: opts.limit ?? 25,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
    repo.unreadCount(ctx.principal.nip),
  ]);
  return { ...page, unreadCount };
}

/** Marks the caller's notifications read (the ids given, or all); answers how many changed and how many stay unread. */
export async function markInboxRead(
  ctx: UseCaseContext,
  input: { ids?: string[]; all?: true },
): Promise<{ marked: number; unreadCount: number }> {
  const { ids, all } = input;
  if (!all && !ids?.length)
    throw new DomainError('validation_failed', {}, [{ field: 'body', message: 'ids or all: true' }]);
  const repo = new NotificationRepository(ctx.scope);
  const marked = await repo.markRead(ctx.principal.nip, all ? 'all' : ids!, writeContextOf(ctx));
  return { marked, unreadCount: await repo.unreadCount(ctx.principal.nip) };
}

type Image = Record<string, unknown>;

/** One record's change as the table's stream delivers it. */
export interface StoredChange {
  eventId: string;
  /** The stream's own time of the change (whole seconds). */
  approximateAt: Date;
  before?: Image;
  after?: Image;
}

/**
 * One change → the notifications it calls for, to the people concerned as of the event (acting officials
 * included), never to whoever made the change; exactly once per record (see deliver).
 */
export async function notifyOfChange(change: StoredChange): Promise<void> {
  const { before, after } = change;
  const subject = after ?? before;
  if (!subject || typeof subject.orgId !== 'string') return;
  const scope = new OrgScope(subject.orgId);
  // When the change was made, to the millisecond (the stream's own time has whole seconds): the same on every
  // delivery of the record, and it keeps the inbox in order.
  const eventAt = typeof subject.updatedAt === 'string' ? subject.updatedAt : change.approximateAt.toISOString();
  const today = wibDate(new Date(eventAt));
  // Most changes notify nobody: names are read (in one batch) only for those that do.
  if (draftsFor(before, after, today).length === 0) return;
  const names = await noticeNames(scope, after);
  for (const draft of draftsFor(before, after, today, names)) {
    const people = (await recipientsOf(scope, draft.audience)).filter((p) => subject.updatedBy !== `nip:${p.nip}`); // never the actor
    const added = await deliver(scope, people, draft, { at: eventAt, id: change.eventId });
    metrics.addMetric('NotificationAdded', 'Count', added);
  }
}

/** The names a change's texts use: people in one batch read, service types in another. */
async function noticeNames(scope: OrgScope, image: Image | undefined): Promise<NoticeNames> {
  const { nips, services } = namesToRead(image);
  const [people, types] = await Promise.all([
    new EmployeeRepository(scope).namesOf(nips),
    new ServiceCatalogueRepository(scope).typesOf(services),
  ]);
  return { people, services: new Map(types.map((t) => [serviceKey(t.unitCode, t.code), t.name])) };
}

/** The people an audience names, as of the event: holders of the positions and their Plt/Plh on the day. */
async function recipientsOf(scope: OrgScope, audience: Audience): Promise<Employee[]> {
  const employees = new EmployeeRepository(scope);
  const acting = new ActingRepository(scope);
  const withActing = async (holders: string[], date: string) => {
    const actingNips = (await Promise.all(holders.map((h) => acting.covering(h))))
      .flat()
      .filter((a) => a.startDate <= date && date <= a.endDate)
      .map((a) => a.actingNip);
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
    const repo = new EvaluationRepository(scope);
    const opds = audience.role === 'evaluated_in_period' ? audience.opds : undefined;
    const evaluated = opds
      ? (await Promise.all(opds.map((code) => repo.inUnit(audience.periodId, `/${code}/`)))).flat()
      : await repo.inUnit(audience.periodId, '/');
    if (audience.role === 'evaluated_in_period') nips = evaluated.map((e) => e.nip);
    else
      nips = await withActing(
        [...new Set(evaluated.flatMap((e) => (e.supervisorNip ? [e.supervisorNip] : [])))],
        audience.date,
      );
  } else {
    const unit = await new UnitRepository(scope).get(audience.unitCode);
    const members = unit ? (await employees.allUnitMembers(unit.path)).filter((m) => m.unitCode === unit.code) : [];
    nips = await withActing(
      unitHeads(members).map((m) => m.nip as string),
      audience.date,
    );
  }
  const found = await employees.getMany(nips);
  return nips.flatMap((n) => (found.get(n)?.status === 'active' ? [found.get(n)!] : []));
}

/**
 * Delivers one draft to people: an inbox entry each (its id from the event and the person, so a second delivery
 * adds nothing) and, for people with an address, one e-mail (marked when sent, so a retry sends only what is
 * missing). Sixteen people at a time: a finalised period reaches everyone evaluated in it.
 */
export async function deliver(
  scope: OrgScope,
  people: Employee[],
  draft: NotificationDraft,
  event: { at: string; id: string },
): Promise<number> {
  const repo = new NotificationRepository(scope);
  const mail = emailChannel();
  let added = 0;
  await forEachConcurrently(people, 16, async (person) => {
    const id = NotificationRepository.idFor(event.at, event.id, draft.type, person.nip);
    if (
      await repo.add({
        id,
        nip: person.nip,
        type: draft.type,
        title: draft.title,
        body: draft.body,
        link: draft.link,
        createdAt: event.at,
      })
    )
      added++;
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

/** Continuous feedback and performance dialogs between an employee and their direct supervisor. */

import { type Relation, reasons } from '../auth/policy.ts';
import { yearOf } from '../domain/time.ts';
import { DomainError, forbidden } from '../messages/errors.ts';
import { ActivityRepository } from '../store/activities.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { type Dialog, type Feedback, type FeedbackAbout, FeedbackRepository } from '../store/feedback.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { PlanRepository } from '../store/plans.ts';
import { YearRepository } from '../store/years.ts';
import { ownNip, readableEmployee } from './access.ts';
import { type PageRequest, type UseCaseContext, writeContextOf } from './context.ts';

/** A thread is one record: past this many replies, a new conversation is a new feedback or a dialog. */
const MAX_REPLIES = 50;

/** Names beside every NIP (the employee, the giver, each replier), read in one batch; null for someone not found. */
async function withNames(scope: OrgScope, list: Feedback[]) {
  const names = await new EmployeeRepository(scope).namesOf(
    list.flatMap((f) => [f.nip, f.from, ...f.replies.map((r) => r.by)]),
  );
  const nameOf = (nip: string) => names.get(nip) ?? null;
  return list.map((f) => ({
    ...f,
    name: nameOf(f.nip),
    fromName: nameOf(f.from),
    replies: f.replies.map((r) => ({ ...r, byName: nameOf(r.by) })),
  }));
}

/** Names beside the employee, their supervisor and who recorded the dialog, read in one batch. */
async function dialogsWithNames(scope: OrgScope, list: Dialog[]) {
  const names = await new EmployeeRepository(scope).namesOf(
    list.flatMap((d) => [d.nip, d.recordedBy, ...(d.supervisorNip ? [d.supervisorNip] : [])]),
  );
  const nameOf = (nip: string | null) => (nip ? (names.get(nip) ?? null) : null);
  return list.map((d) => ({
    ...d,
    name: nameOf(d.nip),
    supervisorName: nameOf(d.supervisorNip),
    recordedByName: nameOf(d.recordedBy),
  }));
}

const one = async <T, N>(named: (scope: OrgScope, list: T[]) => Promise<N[]>, scope: OrgScope, item: T) =>
  (await named(scope, [item]))[0]!;

/** Only the employee and their direct supervisor (or the Plt/Plh of the position today) take part. */
function requireParty(relation: Relation): void {
  if (relation !== 'self' && relation !== 'direct_supervisor') throw forbidden(reasons.feedbackParties);
}

/** What a feedback refers to must exist for that employee: the period, an RHK of their plan, their activity. */
async function checkAbout(scope: OrgScope, nip: string, about: FeedbackAbout): Promise<void> {
  const unknown = (kind: string, ref: string) => new DomainError('feedback_target_unknown', { kind, ref });
  if (about.kind === 'period') {
    const year = await new YearRepository(scope).get(yearOf(about.periodId));
    if (!year?.periods.some((p) => p.id === about.periodId)) throw unknown('periode / period', about.periodId);
  } else if (about.kind === 'rhk') {
    const versions = await new PlanRepository(scope).versions(nip, about.year);
    if (!versions.some((v) => v.rhk.some((r) => r.id === about.rhkId)))
      throw unknown('RHK', `${about.year}/${about.rhkId}`);
  } else if (about.kind === 'activity') {
    if (!(await new ActivityRepository(scope).find(nip, about.activityId, about.date)))
      throw unknown('aktivitas / activity', `${about.date}/${about.activityId}`);
  }
}

/** The direct supervisor (or today's Plt/Plh of the position) gives feedback to a subordinate. */
export async function giveFeedbackTo(
  ctx: UseCaseContext,
  nipParam: string,
  input: { about: FeedbackAbout; text: string },
) {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  if (relation !== 'direct_supervisor') throw forbidden(reasons.directSupervisorOnly);
  await checkAbout(ctx.scope, target.nip, input.about);
  const given = await new FeedbackRepository(ctx.scope).give(
    target.nip,
    ctx.principal.nip,
    input.about,
    input.text,
    writeContextOf(ctx),
  );
  return one(withNames, ctx.scope, given);
}

/** The employee replies, and the supervisor may answer: the feedback becomes a dialog. */
export async function replyToFeedback(
  ctx: UseCaseContext,
  nipParam: string,
  id: string,
  input: { text: string; version: number },
) {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  requireParty(relation);
  const write = writeContextOf(ctx);
  const changed = await new FeedbackRepository(ctx.scope).change(
    target.nip,
    id,
    input.version,
    (f) => {
      if (f.replies.length >= MAX_REPLIES) throw new DomainError('feedback_thread_full', { max: MAX_REPLIES });
      return { replies: [...f.replies, { by: ctx.principal.nip, text: input.text, at: write.now }] };
    },
    write,
  );
  return one(withNames, ctx.scope, changed);
}

/** The employee confirms having read and understood the feedback (once; later calls keep the first time). */
export async function acknowledgeOwnFeedback(ctx: UseCaseContext, nipParam: string, id: string, version: number) {
  const nip = ownNip(ctx.principal, nipParam, reasons.feedbackParties);
  const write = writeContextOf(ctx);
  const changed = await new FeedbackRepository(ctx.scope).change(
    nip,
    id,
    version,
    (f) => ({ acknowledgedAt: f.acknowledgedAt ?? write.now }),
    write,
  );
  return one(withNames, ctx.scope, changed);
}

/** Feedback an employee received, newest first: the employee, their supervisors and admins read it. */
export async function feedbackReceived(ctx: UseCaseContext, nipParam: string, page: PageRequest) {
  const { target } = await readableEmployee(ctx, nipParam);
  const found = await new FeedbackRepository(ctx.scope).list(target.nip, page.limit ?? 25, page.cursor);
  return { ...found, items: await withNames(ctx.scope, found.items) };
}

/** Either side of a performance dialog records it: the date, the topics and the agreed follow-ups. */
export async function recordDialogWith(
  ctx: UseCaseContext,
  nipParam: string,
  input: { date: string; topics: string[]; followUps?: Dialog['followUps']; notes?: string },
) {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  requireParty(relation);
  const { date, topics, followUps, notes } = input;
  const recorded = await new FeedbackRepository(ctx.scope).recordDialog(
    {
      nip: target.nip,
      supervisorNip: target.supervisorNip ?? null,
      date,
      topics,
      followUps: followUps ?? [],
      ...(notes ? { notes } : {}),
      recordedBy: ctx.principal.nip,
    },
    writeContextOf(ctx),
  );
  return one(dialogsWithNames, ctx.scope, recorded);
}

/** The performance dialogs of an employee, newest first; whoever may read the employee reads them. */
export async function dialogsOf(ctx: UseCaseContext, nipParam: string, page: PageRequest) {
  const { target } = await readableEmployee(ctx, nipParam);
  const found = await new FeedbackRepository(ctx.scope).dialogs(target.nip, page.limit ?? 25, page.cursor);
  return { ...found, items: await dialogsWithNames(ctx.scope, found.items) };
}

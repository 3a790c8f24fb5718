import { readableEmployee } from './access.ts';
import { type Relation, reasons } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { DomainError, forbidden } from '../messages/errors.ts';
import { ActivityRepository } from '../store/activities.ts';
import type { Employee } from '../store/employees.ts';
import type { FeedbackAbout } from '../store/feedback.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { PlanRepository } from '../store/plans.ts';
import { YearRepository } from '../store/years.ts';

interface Ctx {
  principal: UserPrincipal;
  actor: Employee;
  scope: OrgScope;
  now: Date;
}

/** The employee of a feedback or dialog path, with how the caller stands to them (404/403 as for any read). */
export const feedbackParty = (ctx: Ctx, nipParam: string): Promise<{ target: Employee; relation: Relation }> => readableEmployee(ctx, nipParam);

/** Only the employee and their direct supervisor (or the Plt/Plh of the position today) take part. */
export function requireParty(relation: Relation): void {
  if (relation !== 'self' && relation !== 'direct_supervisor') throw forbidden(reasons.feedbackParties);
}

/** What a feedback refers to must exist for that employee: the period, an RHK of their plan, their activity. */
export async function checkAbout(scope: OrgScope, nip: string, about: FeedbackAbout): Promise<void> {
  const unknown = (kind: string, ref: string) => new DomainError('feedback_target_unknown', { kind, ref });
  if (about.kind === 'period') {
    const year = await new YearRepository(scope).get(Number(about.periodId.slice(0, 4)));
    if (!year?.periods.some((p) => p.id === about.periodId)) throw unknown('periode / period', about.periodId);
  } else if (about.kind === 'rhk') {
    const versions = await new PlanRepository(scope).versions(nip, about.year);
    if (!versions.some((v) => v.rhk.some((r) => r.id === about.rhkId))) throw unknown('RHK', `${about.year}/${about.rhkId}`);
  } else if (about.kind === 'activity') {
    if (!(await new ActivityRepository(scope).find(nip, about.activityId, about.date))) throw unknown('aktivitas / activity', `${about.date}/${about.activityId}`);
  }
}

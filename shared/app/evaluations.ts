import { decidesFor, readableEmployee } from './access.ts';
import { reasons } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import type { Employee } from '../store/employees.ts';
import { type BehaviourInput, type Evaluation, EvaluationRepository } from '../store/evaluations.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { type Period, YearRepository } from '../store/years.ts';

interface Ctx {
  principal: UserPrincipal;
  actor: Employee;
  scope: OrgScope;
  now: Date;
}


/** An evaluation the caller may read (the person, their supervisors, admins of their OPD, BKPSDM, auditors). */
export async function readableEvaluation(ctx: Ctx, nipParam: string, periodId: string): Promise<{ target: Employee; evaluation: Evaluation; input: BehaviourInput[]; period: Period }> {
  const { target } = await readableEmployee(ctx, nipParam);
  const [found, period] = await Promise.all([new EvaluationRepository(ctx.scope).getWithInput(target.nip, periodId), new YearRepository(ctx.scope).findPeriod(periodId)]);
  if (!found) throw notFound('evaluation');
  return { target, evaluation: found.evaluation, input: found.input, period };
}

/** The supervisor's side of an evaluation (behaviour ratings, review): the person deciding for the employee, before finalisation. */
export async function reviewableEvaluation(ctx: Ctx, nipParam: string, periodId: string): Promise<{ target: Employee; period: Period }> {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  if (!(await decidesFor(ctx, target, relation))) throw forbidden(reasons.notEvaluator);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  if (period.state === 'finalised') throw new DomainError('period_finalised_locked', { period: period.id });
  if (period.state !== 'scored' && period.state !== 'closed') throw new DomainError('period_not_scored', { period: period.id, state: period.state });
  return { target, period };
}

/**
 * Gathers the facts the policy needs (the caller's own record, the target's chain, acting assignments on the
 * day) and asks the policy. Handlers call these instead of deciding themselves.
 */
import { wibDate } from '../domain/time.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { ActingRepository } from '../store/acting.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { type Relation, canReadEmployee, reasons, relationOf } from './policy.ts';
import type { UserPrincipal } from './principal.ts';

export interface AccessContext {
  principal: UserPrincipal;
  scope: OrgScope;
  now: Date;
}

/** `me` in a path means the caller. */
export const resolveNip = (principal: UserPrincipal, nip: string): string => (nip === 'me' ? principal.nip : nip);

export async function relationTo(ctx: AccessContext, target: Employee): Promise<Relation> {
  if (ctx.principal.nip === target.nip) return 'self';
  const employees = new EmployeeRepository(ctx.scope);
  const [chain, actingFor] = await Promise.all([
    employees.supervisorChain(target),
    new ActingRepository(ctx.scope).actingForOn(ctx.principal.nip, wibDate(ctx.now)),
  ]);
  return relationOf(ctx.principal.nip, target.nip, chain.map((e) => e.nip), actingFor);
}

/** Loads an employee the caller may read, or answers 404 (absent in this organisation) / 403 (not theirs). */
export async function readableEmployee(ctx: AccessContext, nipParam: string): Promise<{ target: Employee; relation: Relation; actor?: Employee }> {
  const nip = resolveNip(ctx.principal, nipParam);
  const employees = new EmployeeRepository(ctx.scope);
  const [target, actor] = await Promise.all([employees.get(nip), nip === ctx.principal.nip ? undefined : employees.get(ctx.principal.nip)]);
  if (!target) throw notFound('employee');
  const relation = await relationTo(ctx, target);
  const allowed = canReadEmployee(ctx.principal, { relation, targetUnitPath: target.unitPath, actorUnitPath: (actor ?? target).unitPath });
  if (!allowed) throw forbidden(reasons.notYourData);
  return { target, relation, actor: actor ?? target };
}

/** The caller's own employee record; a user token for a person not (or no longer) registered is refused. */
export async function actorRecord(ctx: AccessContext): Promise<Employee | undefined> {
  return new EmployeeRepository(ctx.scope).get(ctx.principal.nip);
}

export const requireUnitPath = (unit: { path: string } | undefined, code: string): string => {
  if (!unit) throw new AppError(422, 'unit_not_found', { code });
  return unit.path;
};

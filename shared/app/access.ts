/**
 * Gathers the facts the policy needs (the target's chain, the caller's acting assignments on the day) and asks
 * the policy. Handlers call these instead of deciding themselves.
 */

import {
  canManagePeopleIn,
  canMonitorUnit,
  canReadEmployee,
  canReadUnitIndicators,
  type Decider,
  deciderFor,
  type Relation,
  reasons,
  relationOf,
} from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { wibDate } from '../domain/time.ts';
import { unitHeads } from '../domain/units.ts';
import { type Bilingual, forbidden, notFound } from '../messages/errors.ts';
import { ActingRepository } from '../store/acting.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import type { Item, OrgScope } from '../store/org-scope.ts';
import { type Unit, UnitRepository } from '../store/units.ts';

export interface AccessContext {
  principal: UserPrincipal;
  /** The caller's own record (checked registered and active by the HTTP layer). */
  actor: Employee;
  scope: OrgScope;
  now: Date;
}

/** `me` in a path means the caller. */
export const resolveNip = (principal: UserPrincipal, nip: string): string => (nip === 'me' ? principal.nip : nip);

/** The path's NIP when it is the caller's own (plans, activities, queues are their owner's), else 403 with `reason`. */
export function ownNip(principal: UserPrincipal, nipParam: string, reason: Bilingual): string {
  const nip = resolveNip(principal, nipParam);
  if (nip !== principal.nip) throw forbidden(reason);
  return nip;
}

export async function relationTo(ctx: AccessContext, target: Employee): Promise<Relation> {
  if (ctx.principal.nip === target.nip) return 'self';
  const [chain, actingFor] = await Promise.all([
    new EmployeeRepository(ctx.scope).supervisorChain(target),
    new ActingRepository(ctx.scope).actingForOn(ctx.principal.nip, wibDate(ctx.now)),
  ]);
  return relationOf(
    ctx.principal.nip,
    target.nip,
    chain.map((e) => e.nip),
    actingFor,
  );
}

/** Loads an employee the caller may read, or answers 404 (absent in this organisation) / 403 (not theirs). */
export async function readableEmployee(
  ctx: AccessContext,
  nipParam: string,
): Promise<{ target: Employee; relation: Relation }> {
  const nip = resolveNip(ctx.principal, nipParam);
  const target = nip === ctx.actor.nip ? ctx.actor : await new EmployeeRepository(ctx.scope).get(nip);
  if (!target) throw notFound('employee');
  const relation = await relationTo(ctx, target);
  if (
    !canReadEmployee(ctx.principal, { relation, targetUnitPath: target.unitPath, actorUnitPath: ctx.actor.unitPath })
  ) {
    throw forbidden(reasons.notYourData);
  }
  return { target, relation };
}

/**
 * How the caller decides for `owner` (plans, activities, evaluations), given how they stand to each other:
 * `supervisor`, `recorder` (BKPSDM recording the outside superior's decision), or undefined.
 */
export async function deciderOf(
  ctx: AccessContext,
  owner: Employee,
  relation?: Relation,
): Promise<Decider | undefined> {
  const rel = relation ?? (await relationTo(ctx, owner));
  return deciderFor(ctx.principal, {
    relation: rel,
    ownerHasSupervisor: !!owner.supervisorNip,
    ownerIsActorsSupervisor: !!ctx.actor.supervisorNip && ctx.actor.supervisorNip === owner.nip,
  });
}

/** Whether the caller decides for `owner` at all (see deciderOf). */
export const decidesFor = async (ctx: AccessContext, owner: Employee, relation?: Relation): Promise<boolean> =>
  (await deciderOf(ctx, owner, relation)) !== undefined;

/**
 * The team a person leads today: the direct subordinates of their own position and, when they look themselves,
 * of the positions they hold as Plt/Plh. Someone else looking sees only the members they may read.
 */
export async function teamOf(ctx: AccessContext, leader: Employee, relation: Relation): Promise<Item[]> {
  const self = leader.nip === ctx.principal.nip;
  const holders = [
    leader.nip,
    ...(self ? await new ActingRepository(ctx.scope).actingForOn(leader.nip, wibDate(ctx.now)) : []),
  ];
  const employees = new EmployeeRepository(ctx.scope);
  const members = new Map(
    (await Promise.all(holders.map((h) => employees.allDirectSubordinates(h)))).flat().map((e) => [e.nip as string, e]),
  );
  members.delete(leader.nip);
  const asCaller = relation === 'self' || relation === 'none' ? 'none' : 'indirect_supervisor';
  return [...members.values()].filter(
    (m) =>
      self ||
      canReadEmployee(ctx.principal, {
        relation: asCaller,
        targetUnitPath: m.unitPath as string,
        actorUnitPath: ctx.actor.unitPath,
      }),
  );
}

/**
 * A unit the caller may monitor (its heads — or their Plt/Plh today —, people of units above it, the OPD admin,
 * BKPSDM, auditors), with its members (the subtree) and its heads (the members whose supervisor is outside it).
 */
export async function monitoredUnit(
  ctx: AccessContext,
  code: string,
): Promise<{ unit: Unit; members: Item[]; heads: Item[]; isHead: boolean }> {
  const facts = await unitFacts(ctx, code);
  if (!canMonitorUnit(ctx.principal, ctx.actor.unitPath, facts.unit.path, facts.isHead))
    throw forbidden(reasons.notYourUnit);
  return facts;
}

/**
 * A unit whose service indicators the caller may read: those who monitor it (`monitors`), and its own people.
 */
export async function indicatorUnit(
  ctx: AccessContext,
  code: string,
): Promise<{ unit: Unit; members: Item[]; monitors: boolean }> {
  const { unit, members, isHead } = await unitFacts(ctx, code);
  if (!canReadUnitIndicators(ctx.principal, ctx.actor.unitPath, unit.path, isHead))
    throw forbidden(reasons.notYourUnit);
  return { unit, members, monitors: canMonitorUnit(ctx.principal, ctx.actor.unitPath, unit.path, isHead) };
}

/** A unit (or 404), its members (the subtree), its heads, and whether the caller is one of them (or their Plt/Plh). */
async function unitFacts(ctx: AccessContext, code: string) {
  const unit = await new UnitRepository(ctx.scope).get(code);
  if (!unit) throw notFound('unit');
  const [members, actingFor] = await Promise.all([
    new EmployeeRepository(ctx.scope).allUnitMembers(unit.path),
    new ActingRepository(ctx.scope).actingForOn(ctx.principal.nip, wibDate(ctx.now)),
  ]);
  const heads = unitHeads(members);
  const isHead = heads.some((h) => h.nip === ctx.principal.nip || actingFor.has(h.nip as string));
  return { unit, members, heads, isHead };
}

/** A unit whose data the caller administers (BKPSDM anywhere, the Admin OPD within their OPD), else 404/403. */
export async function managedUnit(ctx: AccessContext, code: string): Promise<Unit> {
  const unit = await new UnitRepository(ctx.scope).get(code);
  if (!unit) throw notFound('unit');
  if (!canManagePeopleIn(ctx.principal, ctx.actor.unitPath, unit.path)) throw forbidden(reasons.notAdminHere);
  return unit;
}

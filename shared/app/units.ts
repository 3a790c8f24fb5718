/** The organisation's unit tree: creating units, and the directory every signed-in person of it may read. */
import { canCreateUnitUnder, canSeeMachineClients, reasons } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { forEachConcurrently } from '../concurrency.ts';
import { personMatcher } from '../domain/people-search.ts';
import { activityCounts, breakdownByChild } from '../domain/roll-up.ts';
import { parentProblem, type UnitKind, unitPath } from '../domain/units.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import { ActivityRepository } from '../store/activities.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { listMachineClients as registeredClients } from '../store/machine-clients.ts';
import type { Item, OrgScope } from '../store/org-scope.ts';
import { summary } from '../store/summaries.ts';
import { type Unit, UnitRepository } from '../store/units.ts';
import type { PageRequest } from './context.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';
import { withSupervisorNames } from './names.ts';

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
}

/** A unit under its parent (an OPD at the top); a retry of the same creation is `replayed`. */
export async function createUnit(
  ctx: UseCaseContext,
  { code, name, kind, parentCode }: NewUnit,
): Promise<{ unit: Unit; replayed: boolean }> {
  const units = new UnitRepository(ctx.scope);
  const parent = parentCode ? await units.get(parentCode) : undefined;
  if (parentCode && !parent) throw new DomainError('unit_not_found', { code: parentCode });
  const problem = parentProblem(kind, parent?.kind);
  if (problem) throw new DomainError(problem, { kind, parentKind: parent?.kind ?? '-' });
  if (!canCreateUnitUnder(ctx.principal, ctx.actor.unitPath, parent?.path)) throw forbidden(reasons.notAdminHere);
  return units.create(
    { code, name, kind, ...(parent ? { parentCode: parent.code } : {}), path: unitPath(parent?.path, code) },
    writeContextOf(ctx),
  );
}

/** The agency systems registered to push to and read from the organisation: BKPSDM only. */
export async function listMachineClients(ctx: UseCaseContext) {
  if (!canSeeMachineClients(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  return { items: await registeredClients(ctx.scope) };
}

/** The organisation and its whole unit tree: its public directory. */
export async function listUnits(scope: OrgScope) {
  const units = new UnitRepository(scope);
  const [organisation, tree] = await Promise.all([units.organisation(), units.tree()]);
  if (!organisation) throw notFound('organisation');
  return { organisation, units: tree };
}

/**
 * A directory listing (NIP, name, position, unit, supervisor and their name) of a unit subtree, a page at a time;
 * with `q`, only the people it finds (NIP prefix or name, see personMatcher), searched within the subtree only.
 * An agency system (scope `directory.read`) reads name, NIP, unit and position only.
 */
export async function listUnitEmployees(
  scope: OrgScope,
  code: string,
  { limit, cursor, q }: PageRequest & { q?: string },
  caller: Principal['kind'],
) {
  const unit = await new UnitRepository(scope).get(code);
  if (!unit) throw notFound('unit');
  const employees = new EmployeeRepository(scope);
  const matches = q === undefined ? undefined : personMatcher(q);
  const page = matches
    ? await employees.searchUnitMembers(
        unit.path,
        (i) => matches({ nip: i.nip as string, name: i.name as string }),
        limit ?? 25,
        cursor,
      )
    : await employees.unitMembers(unit.path, limit ?? 25, cursor);
  const items = page.items.map(summary);
  return {
    items:
      caller === 'machine'
        ? items.map(({ nip, name, unitCode, position }) => ({ nip, name, unitCode, position }))
        : await withSupervisorNames(scope, items),
    nextCursor: page.nextCursor,
  };
}

/**
 * The activity roll-up of a unit subtree in a period (the unit's monitoring): everyone's counts and counted minutes
 * summed for the whole subtree and per direct child unit (each with its own subtree), with how many logged anything
 * (adoption) and the oldest entry waiting for a verifier of the unit. One batch read of the period totals of
 * `members` (the subtree's people), one query of the unit tree, and two index queries per verifier of the subtree
 * (the head of the queue and its length: per supervisor, never per person).
 */
export async function unitActivityRollUp(scope: OrgScope, unit: Unit, members: Item[], periodId: string) {
  const activities = new ActivityRepository(scope);
  const verifiers = members.filter((m) => members.some((o) => o.supervisorNip === m.nip));
  const queues = new Map<string, { waiting: number; oldestDate: string | null }>();
  const [totals, tree] = await Promise.all([
    activities.periodTotalsOf(
      members.map((m) => m.nip as string),
      periodId,
    ),
    new UnitRepository(scope).tree(),
    forEachConcurrently(verifiers, 8, async (v) => {
      const [head, waiting] = await Promise.all([
        activities.queue(v.nip as string, 1),
        activities.queueLength(v.nip as string),
      ]);
      queues.set(v.nip as string, { waiting, oldestDate: (head.items[0]?.date as string | undefined) ?? null });
    }),
  ]);
  const rollUp = breakdownByChild(
    unit,
    tree,
    members.map((m, i) => {
      const { pending, approved, rejected, countedMinutes } = totals[i]!;
      return {
        path: m.unitPath as string,
        value: {
          members: 1,
          logging: pending + approved + rejected > 0 ? 1 : 0,
          pending,
          approved,
          rejected,
          countedMinutes,
          oldestPending: queues.get(m.nip as string)?.oldestDate ?? null,
        },
      };
    }),
    activityCounts,
  );
  return {
    totals: rollUp.total,
    children: rollUp.children.map((c) => ({ unitCode: c.unit.code, name: c.unit.name, kind: c.unit.kind, ...c.total })),
    backlog: verifiers
      .flatMap((v) => {
        const q = queues.get(v.nip as string);
        return q && q.waiting > 0 && q.oldestDate
          ? [
              {
                nip: v.nip as string,
                name: v.name as string,
                unitCode: v.unitCode as string,
                waiting: q.waiting,
                oldestDate: q.oldestDate,
              },
            ]
          : [];
      })
      .sort((a, b) => a.oldestDate.localeCompare(b.oldestDate) || a.nip.localeCompare(b.nip)),
  };
}

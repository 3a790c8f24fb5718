import { getUnitCascade } from '#shared/api/plans';
import { canReadUnitPlans, reasons } from '#shared/auth/policy';
import { versionInForce } from '#shared/domain/plans';
import { dayWithinYear } from '#shared/domain/time';
import { forbidden, notFound } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { EmployeeRepository } from '#shared/store/employees';
import { PlanRepository } from '#shared/store/plans';
import { UnitRepository } from '#shared/store/units';

interface Node {
  nip: string;
  name: string;
  rhkId: string;
  title: string;
  kind: string;
  planVersion: number;
  planState: string;
  unitGoal?: string | null;
  children: Node[];
}

/** Which subordinate RHK serve which RHK above them, in a unit subtree. */
export const handler = userHandler(getUnitCascade, async ({ scope, params, now, principal, actor }) => {
  const unit = await new UnitRepository(scope).get(params.code);
  if (!unit) throw notFound('unit');
  if (!canReadUnitPlans(principal, actor.unitPath, unit.path)) throw forbidden(reasons.notYourUnit);
  const members = await new EmployeeRepository(scope).allUnitMembers(unit.path);
  const plans = new PlanRepository(scope);
  const onDay = dayWithinYear(now, params.year);

  const nodes = new Map<string, Node>();
  const parents = new Map<string, string>();
  await Promise.all(
    members.map(async (m) => {
      const versions = await plans.versions(m.nip as string, params.year);
      // The plan in force, else the one awaiting a decision; a draft is its owner's own business.
      const plan = versionInForce(versions, onDay) ?? versions.findLast((v) => v.state === 'submitted');
      for (const r of plan?.rhk ?? []) {
        // RHK ids are unique within a plan only: a node is keyed by owner and id.
        const key = `${m.nip}/${r.id}`;
        nodes.set(key, { nip: m.nip as string, name: m.name as string, rhkId: r.id, title: r.title, kind: r.kind, planVersion: plan!.planVersion, planState: plan!.state, unitGoal: r.unitGoal, children: [] });
        if (r.parentRhkId && m.supervisorNip) parents.set(key, `${m.supervisorNip}/${r.parentRhkId}`);
      }
    }),
  );
  const roots: Node[] = [];
  for (const [key, node] of [...nodes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const parent = nodes.get(parents.get(key) ?? '');
    (parent ? parent.children : roots).push(node);
  }
  return json({ roots });
});

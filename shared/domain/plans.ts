/**
 * SKP (Sasaran Kinerja Pegawai): a yearly plan of RHK (work results) with IKI (indicators), its workflow and its
 * versions. Pure: callers supply the supervisor's plan and the dates.
 */
import type { MessageCode } from '../messages/catalogue.ts';
import type { ServiceMetric } from './service-indicators.ts';
import { addDays } from './time.ts';

export type Aspect = 'kuantitas' | 'kualitas' | 'waktu' | 'biaya';
export type Direction = 'higher' | 'lower';
export type Source = 'manual' | 'service' | 'activities';
export type Target = { kind: 'single'; value: number } | { kind: 'range'; lo: number; hi: number };

export interface Iki {
  id: string;
  name: string;
  aspect: Aspect;
  target: Target;
  unit: string;
  direction: Direction;
  /** Share of this indicator in the plan's score; a plan's weights sum to 100. */
  weight: number;
  /** How realisasi is measured: entered (the default), from service transactions, or from approved activities' output. */
  source?: Source;
  /** For `source: 'service'`: which service indicator of the officer is the realisasi. */
  serviceMetric?: ServiceMetric;
}

export interface Rhk {
  id: string;
  kind: 'utama' | 'tambahan';
  title: string;
  /** Intervensi: the supervisor's RHK this one contributes to (cascading). */
  parentRhkId?: string | null;
  /** For the head of a unit (no supervisor in the system): the unit goal served instead. */
  unitGoal?: string | null;
  iki: Iki[];
}

export type PlanState = 'draft' | 'submitted' | 'returned' | 'approved' | 'superseded';

export interface PlanProblem {
  path: string;
  code: MessageCode;
  params: Record<string, unknown>;
}

/** Bounds that keep a plan, and the audit entry holding its before and after, well inside DynamoDB's 400 KB item. */
export const MAX_IKI_PER_PLAN = 60;
export const MAX_PLAN_BYTES = 100_000;

/** Structure, checked on every save: size, unique ids, at least one RHK and IKI, ranges the right way round. */
export function structureProblems(rhk: Rhk[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const ikiCount = rhk.reduce((n, r) => n + r.iki.length, 0);
  const bytes = new TextEncoder().encode(JSON.stringify(rhk)).length;
  if (ikiCount > MAX_IKI_PER_PLAN || bytes > MAX_PLAN_BYTES) {
    return [
      {
        path: 'rhk',
        code: 'plan_too_large',
        params: { iki: ikiCount, maxIki: MAX_IKI_PER_PLAN, kb: Math.ceil(bytes / 1000), maxKb: MAX_PLAN_BYTES / 1000 },
      },
    ];
  }
  const ids = new Set<string>();
  const once = (id: string, path: string) => {
    if (ids.has(id)) problems.push({ path, code: 'plan_duplicate_id', params: { id } });
    ids.add(id);
  };
  if (rhk.length === 0) problems.push({ path: 'rhk', code: 'plan_empty', params: {} });
  rhk.forEach((r, i) => {
    once(r.id, `rhk.${i}.id`);
    if (r.iki.length === 0)
      problems.push({ path: `rhk.${i}.iki`, code: 'plan_rhk_without_iki', params: { rhk: r.title } });
    r.iki.forEach((k, j) => {
      once(k.id, `rhk.${i}.iki.${j}.id`);
      if (k.target.kind === 'range' && k.target.lo >= k.target.hi) {
        problems.push({
          path: `rhk.${i}.iki.${j}.target`,
          code: 'plan_range_inverted',
          params: { iki: k.name, lo: k.target.lo, hi: k.target.hi },
        });
      }
    });
  });
  return problems;
}

export const totalWeight = (rhk: Rhk[]): number =>
  Math.round(rhk.flatMap((r) => r.iki).reduce((sum, k) => sum + k.weight, 0) * 1000) / 1000;

/**
 * Completeness, checked when a plan is submitted and approved: weights sum to 100, at least one RHK utama, and
 * every RHK linked — to an RHK of the supervisor's plan when there is a supervisor, to a unit goal otherwise.
 */
export function submissionProblems(
  rhk: Rhk[],
  supervisor: { nip: string; rhkIds: ReadonlySet<string> } | null,
): PlanProblem[] {
  const problems = structureProblems(rhk);
  const total = totalWeight(rhk);
  if (total !== 100) problems.push({ path: 'rhk', code: 'plan_weights_not_100', params: { total } });
  if (!rhk.some((r) => r.kind === 'utama')) problems.push({ path: 'rhk', code: 'plan_no_utama', params: {} });
  rhk.forEach((r, i) => {
    if (supervisor) {
      if (!r.parentRhkId)
        problems.push({ path: `rhk.${i}.parentRhkId`, code: 'plan_intervensi_missing', params: { rhk: r.title } });
      else if (!supervisor.rhkIds.has(r.parentRhkId)) {
        problems.push({
          path: `rhk.${i}.parentRhkId`,
          code: 'plan_intervensi_not_supervisors',
          params: { rhk: r.title, parent: r.parentRhkId, supervisor: supervisor.nip },
        });
      }
    } else if (!r.unitGoal) {
      problems.push({ path: `rhk.${i}.unitGoal`, code: 'plan_unit_goal_missing', params: { rhk: r.title } });
    }
    r.iki.forEach((k, j) => {
      if (k.source === 'service' && !k.serviceMetric)
        problems.push({
          path: `rhk.${i}.iki.${j}.serviceMetric`,
          code: 'plan_service_metric_missing',
          params: { iki: k.name },
        });
    });
  });
  return problems;
}

/** What each action needs the plan's state to be. */
export const planActions = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  revise: ['approved'],
} as const satisfies Record<string, readonly PlanState[]>;

export type PlanAction = keyof typeof planActions;

export const allows = (action: PlanAction, state: PlanState): boolean =>
  (planActions[action] as readonly PlanState[]).includes(state);

export interface VersionDates {
  planVersion: number;
  state: PlanState;
  effectiveFrom?: string;
  effectiveTo?: string;
}

/** The approved version in force on a date (WIB): the one whose effective range holds the date. */
export const versionInForce = <V extends VersionDates>(versions: V[], date: string): V | undefined =>
  versions
    .filter(
      (v) =>
        (v.state === 'approved' || v.state === 'superseded') &&
        v.effectiveFrom &&
        v.effectiveFrom <= date &&
        (!v.effectiveTo || date <= v.effectiveTo),
    )
    .sort((a, b) => b.planVersion - a.planVersion)[0];

/** The day before a date, for closing the previous version when a revision takes effect. */
export const dayBefore = (date: string): string => addDays(date, -1);

export const dayAfter = (date: string): string => addDays(date, 1);

/**
 * The day an approval takes effect: `candidate`, moved past any period already scored or finalised (their scores
 * must not be re-based). Undefined when the year itself is locked or no open day is left in it.
 */
export function effectiveStart(
  periods: { kind: string; start: string; end: string; state: string }[],
  candidate: string,
): string | undefined {
  const locked = (p: { state: string }) => p.state === 'scored' || p.state === 'finalised';
  const year = periods.find((p) => p.kind === 'year');
  if (!year || locked(year)) return undefined;
  let day = candidate;
  for (const p of [...periods].filter((x) => x.kind !== 'year').sort((a, b) => a.start.localeCompare(b.start))) {
    if (locked(p) && p.start <= day && day <= p.end) day = dayAfter(p.end);
  }
  return day <= year.end ? day : undefined;
}

/** A plan copied from another year: same results and indicators, links cleared (the supervisor's plan is new too). */
export const copyForNewYear = (rhk: Rhk[]): Rhk[] => structuredClone(rhk).map((r) => ({ ...r, parentRhkId: null }));

/** One RHK in a unit's cascade tree, with the RHK of subordinates that serve it. */
export interface CascadeNode {
  nip: string;
  name: string;
  rhkId: string;
  title: string;
  kind: string;
  planVersion: number;
  planState: string;
  unitGoal?: string | null;
  children: CascadeNode[];
}

/**
 * The cascade of a unit's plans: each RHK nested under its supervisor's RHK it contributes to; an RHK whose
 * parent is not among the plans given (a unit goal, or an RHK outside the unit) is a root. Siblings are in
 * owner and id order.
 */
export function cascadeTree(
  plans: {
    owner: { nip: string; name: string; supervisorNip?: string | null };
    plan: { planVersion: number; state: string; rhk: Rhk[] };
  }[],
): CascadeNode[] {
  const nodes = new Map<string, CascadeNode>();
  const parents = new Map<string, string>();
  for (const { owner, plan } of plans) {
    for (const r of plan.rhk) {
      // RHK ids are unique within a plan only: a node is keyed by owner and id.
      const key = `${owner.nip}/${r.id}`;
      nodes.set(key, {
        nip: owner.nip,
        name: owner.name,
        rhkId: r.id,
        title: r.title,
        kind: r.kind,
        planVersion: plan.planVersion,
        planState: plan.state,
        unitGoal: r.unitGoal,
        children: [],
      });
      if (r.parentRhkId && owner.supervisorNip) parents.set(key, `${owner.supervisorNip}/${r.parentRhkId}`);
    }
  }
  const roots: CascadeNode[] = [];
  for (const [key, node] of [...nodes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const parent = nodes.get(parents.get(key) ?? '');
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

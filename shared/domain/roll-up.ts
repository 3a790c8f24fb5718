/**
 * Roll-up of a unit subtree (OPD → bidang → seksi): figures recorded at units or by people anywhere under a unit,
 * summed for the whole subtree and broken down per direct child unit. Pure. Summing happens on the raw counts and
 * sums, never on figures derived from them, so a share or an IKM of the roll-up is computed from everything below
 * (never an average of averages).
 */
import { type UnitKind, unitKinds } from './units.ts';

export interface TreeUnit {
  code: string;
  name: string;
  kind: UnitKind;
  path: string;
}

/** How values of one kind are summed. */
export interface Summing<T> {
  empty: () => T;
  add: (a: T, b: T) => T;
}

export interface Breakdown<T> {
  /** The whole subtree. */
  total: T;
  /** Recorded at the unit itself, not under any of its children. */
  own: T;
  /** Each direct child unit's subtree, in path order; a child with nothing recorded shows the empty value. */
  children: { unit: TreeUnit; total: T }[];
}

/** The direct child of `rootPath` under which `path` lies: its code, or undefined for the root itself or outside it. */
export function childCodeUnder(rootPath: string, path: string): string | undefined {
  if (!path.startsWith(rootPath) || path === rootPath) return undefined;
  return path.slice(rootPath.length).split('/')[0] || undefined;
}

/** A child known only by the paths under it: named by its code, of the kind one level below the root. */
const unknownChild = (rootPath: string, code: string): TreeUnit => {
  const depth = rootPath.split('/').length - 2;
  return { code, name: code, kind: unitKinds[Math.min(depth, unitKinds.length - 1)]!, path: `${rootPath}${code}/` };
};

/**
 * Sums values recorded at unit paths (a unit's own totals, or a member's) into the subtree of `root`, per direct
 * child. Values outside the subtree are left out. A value under a child missing from `units` (a unit removed from
 * the directory) still counts in the total, under a child row named by its code.
 */
export function breakdownByChild<T>(
  root: Pick<TreeUnit, 'path'>,
  units: readonly TreeUnit[],
  values: readonly { path: string; value: T }[],
  sum: Summing<T>,
): Breakdown<T> {
  const children = new Map<string, { unit: TreeUnit; total: T }>();
  for (const u of [...units].sort((a, b) => a.path.localeCompare(b.path))) {
    const code = childCodeUnder(root.path, u.path);
    if (code === u.code) children.set(code, { unit: u, total: sum.empty() });
  }
  let total = sum.empty();
  let own = sum.empty();
  for (const { path, value } of values) {
    if (!path.startsWith(root.path)) continue;
    total = sum.add(total, value);
    const code = childCodeUnder(root.path, path);
    if (code === undefined) {
      own = sum.add(own, value);
      continue;
    }
    const row = children.get(code) ?? { unit: unknownChild(root.path, code), total: sum.empty() };
    row.total = sum.add(row.total, value);
    children.set(code, row);
  }
  return { total, own, children: [...children.values()] };
}

/** Activity counts of people, summed per unit (the monitoring roll-up). */
export interface ActivityCounts {
  members: number;
  /** Members with at least one entry in the period (pending, approved or rejected): adoption. */
  logging: number;
  pending: number;
  approved: number;
  rejected: number;
  countedMinutes: number;
  /** The date of the oldest entry waiting in the queue of a verifier of the unit; null when none waits. */
  oldestPending: string | null;
}

/** The earlier of two ISO dates (they compare as strings), null standing for none. */
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

export const activityCounts: Summing<ActivityCounts> = {
  empty: () => ({
    members: 0,
    logging: 0,
    pending: 0,
    approved: 0,
    rejected: 0,
    countedMinutes: 0,
    oldestPending: null,
  }),
  add: (a, b) => ({
    members: a.members + b.members,
    logging: a.logging + b.logging,
    pending: a.pending + b.pending,
    approved: a.approved + b.approved,
    rejected: a.rejected + b.rejected,
    countedMinutes: a.countedMinutes + b.countedMinutes,
    oldestPending: earlier(a.oldestPending, b.oldestPending),
  }),
};

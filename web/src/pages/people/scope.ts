/**
 * What part of the organisation the page offers: BKPSDM the whole tree, an Admin OPD only their own OPD (the OPD
 * of their own unit, as the API decides it). The API refuses the rest anyway; the page just does not offer it.
 */

export interface ScopedUnit {
  code: string;
  name: string;
  kind: 'opd' | 'bidang' | 'seksi';
  parentCode?: string;
  path: string;
}

export interface ManagerScope {
  /** The whole organisation (BKPSDM). */
  wholeOrg: boolean;
  /** The path of the Admin OPD's OPD (`/DISDUKCAPIL/`); undefined for BKPSDM, or without a unit. */
  opdPath?: string;
}

export function managerScope(groups: string[], unitPath: string | undefined): ManagerScope {
  if (groups.includes('admin_bkpsdm')) return { wholeOrg: true };
  const opd = unitPath?.split('/').filter(Boolean)[0];
  return { wholeOrg: false, ...(groups.includes('admin_opd') && opd ? { opdPath: `/${opd}/` } : {}) };
}

/** The units the page offers, in the API's tree order. */
export function unitsInScope<U extends ScopedUnit>(units: U[], scope: ManagerScope): U[] {
  if (scope.wholeOrg) return units;
  const opd = scope.opdPath;
  return opd ? units.filter((u) => u.path.startsWith(opd)) : [];
}

/** The kind of unit that sits under `parent` (an OPD when there is none); undefined under a seksi. */
export function childKind(parent: ScopedUnit | undefined): ScopedUnit['kind'] | undefined {
  if (!parent) return 'opd';
  return parent.kind === 'opd' ? 'bidang' : parent.kind === 'bidang' ? 'seksi' : undefined;
}

export interface TreeNode<U> {
  unit: U;
  children: TreeNode<U>[];
}

/** The units as a tree: a unit whose parent is not among them is a root (an Admin OPD's OPD). */
export function treeOf<U extends ScopedUnit>(units: U[]): TreeNode<U>[] {
  const nodes = new Map(units.map((u) => [u.code, { unit: u, children: [] as TreeNode<U>[] }]));
  const roots: TreeNode<U>[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentCode ? nodes.get(node.unit.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

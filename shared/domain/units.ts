/** The unit tree of an organisation: OPD → bidang → seksi. Pure rules. */
export const unitKinds = ['opd', 'bidang', 'seksi'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Which kind may sit directly under which; an OPD sits at the top of the organisation. */
const allowedParent: Record<UnitKind, UnitKind | null> = { opd: null, bidang: 'opd', seksi: 'bidang' };

export function parentProblem(
  kind: UnitKind,
  parentKind: UnitKind | undefined,
): 'parent_unit_required' | 'invalid_unit_parent' | undefined {
  const expected = allowedParent[kind];
  if (expected === null) return parentKind === undefined ? undefined : 'invalid_unit_parent';
  if (parentKind === undefined) return 'parent_unit_required';
  return parentKind === expected ? undefined : 'invalid_unit_parent';
}

/** Materialised path `/OPD/BIDANG/SEKSI/`: a subtree is one begins_with range, and the trailing slash keeps
 * `/DUKCAPIL/` from matching `/DUKCAPIL2/`. */
export const unitPath = (parentPath: string | undefined, code: string): string => `${parentPath ?? '/'}${code}/`;

export const opdOf = (path: string): string => path.split('/')[1] ?? '';

export const isWithin = (path: string, ancestorPath: string): boolean => path.startsWith(ancestorPath);

/** The heads among a unit's members: those whose supervisor is not one of the members (or who have none). */
export function unitHeads<M extends Record<string, unknown>>(members: readonly M[]): M[] {
  const inside = new Set(members.map((m) => m.nip));
  return members.filter((m) => !m.supervisorNip || !inside.has(m.supervisorNip));
}

/**
 * Facts about stored employee records that storage needs too (what counts as a change, the order of writes, how
 * deep a chain may be). Apart from the record rules (employee-rules.ts), so repositories do not carry those.
 */

/** Deeper chains than this are refused: no real organisation has them, and cycle checks stay bounded. */
export const MAX_HIERARCHY_DEPTH = 30;

/** The fields whose change is a real change (what a retried create, an update and an import compare). */
export const businessFields = [
  'name',
  'position',
  'employmentType',
  'unitCode',
  'unitPath',
  'supervisorNip',
  'email',
  'status',
] as const;

type BusinessRecord = { [F in (typeof businessFields)[number]]?: unknown };

/** Whether two records of a person say the same (a missing field and null are the same). */
export const sameEmployee = (a: BusinessRecord, b: BusinessRecord): boolean =>
  businessFields.every((f) => (a[f] ?? null) === (b[f] ?? null));

/**
 * Orders people so that everyone comes after their supervisor when both are in the list. Writes that must be
 * split into several transactions then never leave a stored person pointing at a supervisor not yet stored.
 * Expects no cycles (importProblems has refused them).
 */
export function supervisorsFirst<T extends { nip: string; supervisorNip?: string | null }>(people: T[]): T[] {
  const byNip = new Map(people.map((p) => [p.nip, p]));
  const depth = new Map<string, number>();
  const depthOf = (p: T): number => {
    const known = depth.get(p.nip);
    if (known !== undefined) return known;
    const sup = p.supervisorNip ? byNip.get(p.supervisorNip) : undefined;
    const d = sup ? depthOf(sup) + 1 : 0;
    depth.set(p.nip, d);
    return d;
  };
  return people
    .map((p, i) => ({ p, i, d: depthOf(p) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.p);
}

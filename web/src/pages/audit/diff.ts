/**
 * What an audit entry changed, in a form people read: each changed field flattened to the leaves that differ
 * (`review.hasilKerja: sesuai → di_atas`), and the reasons the change carries (a `reason`, or a `reasons` map, new
 * or changed in it). Pure: the page and its unit test share it.
 */
type Json = unknown;

export interface FieldChange {
  /** Dotted path from the record's field: `review.reasons.hasilKerja`, `rhk.0.title`. */
  path: string;
  before: Json;
  after: Json;
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every leaf of a value by dotted path (arrays by index); an empty object or list is a leaf of its own. */
function leaves(value: Json, path: string, out: Map<string, Json>): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => {
      leaves(v, `${path}.${i}`, out);
    });
  } else out.set(path, value);
}

const same = (a: Json, b: Json) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The leaves that differ between before and after, for the fields the entry names as changed, in their order. */
export function fieldChanges(entry: {
  changedFields: string[];
  before?: Record<string, Json>;
  after?: Record<string, Json>;
}): FieldChange[] {
  return entry.changedFields.flatMap((field) => {
    const before = new Map<string, Json>();
    const after = new Map<string, Json>();
    if (entry.before && field in entry.before) leaves(entry.before[field], field, before);
    if (entry.after && field in entry.after) leaves(entry.after[field], field, after);
    const paths = [...new Set([...before.keys(), ...after.keys()])];
    return paths
      .filter((p) => !same(before.get(p), after.get(p)))
      .map((path) => ({ path, before: before.get(path), after: after.get(path) }));
  });
}

/** The reasons the change brought: leaves named `reason`, or under `reasons`, new or changed. */
export function reasonsOf(changes: FieldChange[]): string[] {
  return changes
    .filter((c) => typeof c.after === 'string' && c.after !== '' && /(^|\.)(reason|reasons\.[^.]+)$/.test(c.path))
    .map((c) => c.after as string);
}

/** A leaf as text: absent is "—", text as is, anything else as JSON. */
export const valueText = (v: Json): string =>
  v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * The plan being edited, as the form holds it (every input a string, so a half-typed number stays as typed), and
 * the way back to the API's RHK. Checking is the API's: an empty number is left out and the API names the field.
 */
import { ApiError, type FieldError } from '../../api/client';
import type { Iki, Rhk } from './types';

export interface IkiDraft {
  id: string;
  name: string;
  aspect: Iki['aspect'];
  targetKind: Iki['target']['kind'];
  value: string;
  lo: string;
  hi: string;
  unit: string;
  direction: Iki['direction'];
  weight: string;
  source: NonNullable<Iki['source']>;
  serviceMetric: string;
}

export interface RhkDraft {
  id: string;
  kind: Rhk['kind'];
  title: string;
  parentRhkId: string;
  unitGoal: string;
  iki: IkiDraft[];
}

/** A client-made id (the API's ids are the client's, unique within the plan). */
export const newId = (prefix: 'rhk' | 'iki') => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export const blankIki = (): IkiDraft => ({
  id: newId('iki'),
  name: '',
  aspect: 'kuantitas',
  targetKind: 'single',
  value: '',
  lo: '',
  hi: '',
  unit: '',
  direction: 'higher',
  weight: '',
  source: 'manual',
  serviceMetric: '',
});

export const blankRhk = (kind: Rhk['kind'] = 'utama'): RhkDraft => ({
  id: newId('rhk'),
  kind,
  title: '',
  parentRhkId: '',
  unitGoal: '',
  iki: [blankIki()],
});

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

export function draftOf(rhk: Rhk[]): RhkDraft[] {
  return rhk.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    parentRhkId: r.parentRhkId ?? '',
    unitGoal: r.unitGoal ?? '',
    iki: r.iki.map((k) => ({
      id: k.id,
      name: k.name,
      aspect: k.aspect,
      targetKind: k.target.kind,
      value: k.target.kind === 'single' ? str(k.target.value) : '',
      lo: k.target.kind === 'range' ? str(k.target.lo) : '',
      hi: k.target.kind === 'range' ? str(k.target.hi) : '',
      unit: k.unit,
      direction: k.direction,
      weight: str(k.weight),
      source: k.source ?? 'manual',
      serviceMetric: k.serviceMetric ?? '',
    })),
  }));
}

/** A typed number, or undefined when empty (the API then names the missing field). */
const num = (s: string) => (s.trim() === '' ? undefined : Number(s)) as number;

/** The body's RHK: links and unit goals left out when empty, a service metric only for service data. */
export function rhkOf(draft: RhkDraft[]): Rhk[] {
  return draft.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    parentRhkId: r.parentRhkId || null,
    ...(r.unitGoal.trim() ? { unitGoal: r.unitGoal } : {}),
    iki: r.iki.map((k) => ({
      id: k.id,
      name: k.name,
      aspect: k.aspect,
      target:
        k.targetKind === 'single'
          ? { kind: 'single' as const, value: num(k.value) }
          : { kind: 'range' as const, lo: num(k.lo), hi: num(k.hi) },
      unit: k.unit,
      direction: k.direction,
      weight: num(k.weight),
      source: k.source,
      ...(k.source === 'service' && k.serviceMetric ? { serviceMetric: k.serviceMetric as Iki['serviceMetric'] } : {}),
    })),
  }));
}

/** The sum of the typed weights (what the API will compare with 100), rounded as the API rounds it. */
export const weightTotal = (draft: RhkDraft[]): number =>
  Math.round(draft.flatMap((r) => r.iki).reduce((sum, k) => sum + (Number(k.weight) || 0), 0) * 1000) / 1000;

/** Where the editor shows a message: the whole list (`rhk`), an RHK's field, or an IKI's field. */
const ikiFields: Record<string, string> = {
  id: 'name',
  name: 'name',
  aspect: 'aspect',
  target: 'target',
  unit: 'unit',
  direction: 'direction',
  weight: 'weight',
  source: 'source',
  serviceMetric: 'serviceMetric',
};
const rhkFields: Record<string, string> = {
  id: 'title',
  title: 'title',
  kind: 'kind',
  parentRhkId: 'parentRhkId',
  unitGoal: 'unitGoal',
  iki: 'iki',
};

/**
 * The field of the editor a problem's path lands on (`body.rhk.0.iki.1.target.value` → `rhk.0.iki.1.target.value`;
 * an id problem goes to the name beside it), or undefined when no field of this draft shows it.
 */
export function placeOf(path: string, draft: RhkDraft[]): string | undefined {
  const parts = path.replace(/^body\./, '').split('.');
  if (parts[0] !== 'rhk') return undefined;
  if (parts.length === 1) return 'rhk';
  const i = Number(parts[1]);
  const r = draft[i];
  if (!r) return 'rhk';
  if (parts.length === 2) return `rhk.${i}.title`;
  if (parts[2] !== 'iki' || parts.length === 3) {
    const field = rhkFields[parts[2]!];
    return field ? `rhk.${i}.${field}` : undefined;
  }
  const j = Number(parts[3]);
  if (!r.iki[j]) return `rhk.${i}.iki`;
  if (parts.length === 4) return `rhk.${i}.iki.${j}.name`;
  const field = ikiFields[parts[4]!];
  if (!field) return undefined;
  // A range's bound has its own field; the target as a whole (inverted range, wrong kind) goes to the first.
  if (field === 'target') {
    const bound = parts[5];
    if (bound === 'value' || bound === 'lo' || bound === 'hi') return `rhk.${i}.iki.${j}.target.${bound}`;
    return `rhk.${i}.iki.${j}.target.${r.iki[j]!.targetKind === 'single' ? 'value' : 'hi'}`;
  }
  return `rhk.${i}.iki.${j}.${field}`;
}

/** A save's refusal split into the messages per field of the editor and the rest (shown above the form). */
export function placedErrors(
  error: unknown,
  draft: RhkDraft[],
): { byField: Map<string, string>; others: FieldError[] } {
  const byField = new Map<string, string>();
  const others: FieldError[] = [];
  if (!(error instanceof ApiError)) return { byField, others };
  for (const d of error.details) {
    const place = d.field.startsWith('body.') ? placeOf(d.field, draft) : undefined;
    if (!place) others.push(d);
    else byField.set(place, byField.has(place) ? `${byField.get(place)} ${d.message}` : d.message);
  }
  return { byField, others };
}

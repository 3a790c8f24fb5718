/**
 * What a submitted plan changes against the version in force, RHK and IKI matched by their ids (which the owner's
 * app keeps across versions): what was added, removed, and which fields changed. Against no version in force
 * (a first plan) everything is added. Pure, so the words are the page's and the rules are tested on their own.
 */
import type { Iki, Rhk } from '../../skp/types';

export type PlanChange =
  | { kind: 'rhkAdded'; rhk: Rhk }
  | { kind: 'rhkRemoved'; rhk: Rhk }
  | { kind: 'rhkTitle'; before: string; after: string }
  | { kind: 'rhkKind'; title: string; before: Rhk['kind']; after: Rhk['kind'] }
  | { kind: 'rhkParent'; title: string; before: string | null; after: string | null }
  | { kind: 'rhkUnitGoal'; title: string; before: string | null; after: string | null }
  | { kind: 'ikiAdded'; rhk: string; iki: Iki }
  | { kind: 'ikiRemoved'; rhk: string; iki: Iki }
  | { kind: 'ikiName'; before: string; after: string }
  | { kind: 'ikiTarget'; name: string; before: Iki; after: Iki }
  | { kind: 'ikiWeight'; name: string; before: number; after: number }
  | { kind: 'ikiAspect'; name: string; before: Iki['aspect']; after: Iki['aspect'] }
  | { kind: 'ikiDirection'; name: string; before: Iki['direction']; after: Iki['direction'] }
  | { kind: 'ikiSource'; name: string; before: Iki['source']; after: Iki['source'] };

const sameTarget = (a: Iki, b: Iki) => JSON.stringify(a.target) === JSON.stringify(b.target) && a.unit === b.unit;
const orNull = (s: string | null | undefined) => s || null;

/** The changes from `before` (the version in force; empty when none) to `after` (the submitted one), in plan order. */
export function planChanges(before: Rhk[], after: Rhk[]): PlanChange[] {
  const changes: PlanChange[] = [];
  const old = new Map(before.map((r) => [r.id, r]));
  for (const r of after) {
    const was = old.get(r.id);
    if (!was) {
      changes.push({ kind: 'rhkAdded', rhk: r });
      continue;
    }
    if (was.title !== r.title) changes.push({ kind: 'rhkTitle', before: was.title, after: r.title });
    if (was.kind !== r.kind) changes.push({ kind: 'rhkKind', title: r.title, before: was.kind, after: r.kind });
    if (orNull(was.parentRhkId) !== orNull(r.parentRhkId))
      changes.push({
        kind: 'rhkParent',
        title: r.title,
        before: orNull(was.parentRhkId),
        after: orNull(r.parentRhkId),
      });
    if (orNull(was.unitGoal) !== orNull(r.unitGoal))
      changes.push({ kind: 'rhkUnitGoal', title: r.title, before: orNull(was.unitGoal), after: orNull(r.unitGoal) });
    changes.push(...ikiChanges(r.title, was.iki, r.iki));
  }
  const kept = new Set(after.map((r) => r.id));
  for (const r of before) if (!kept.has(r.id)) changes.push({ kind: 'rhkRemoved', rhk: r });
  return changes;
}

function ikiChanges(rhk: string, before: Iki[], after: Iki[]): PlanChange[] {
  const changes: PlanChange[] = [];
  const old = new Map(before.map((k) => [k.id, k]));
  for (const k of after) {
    const was = old.get(k.id);
    if (!was) {
      changes.push({ kind: 'ikiAdded', rhk, iki: k });
      continue;
    }
    const name = k.name;
    if (was.name !== k.name) changes.push({ kind: 'ikiName', before: was.name, after: k.name });
    if (!sameTarget(was, k)) changes.push({ kind: 'ikiTarget', name, before: was, after: k });
    if (was.weight !== k.weight) changes.push({ kind: 'ikiWeight', name, before: was.weight, after: k.weight });
    if (was.aspect !== k.aspect) changes.push({ kind: 'ikiAspect', name, before: was.aspect, after: k.aspect });
    if (was.direction !== k.direction)
      changes.push({ kind: 'ikiDirection', name, before: was.direction, after: k.direction });
    if ((was.source ?? 'manual') !== (k.source ?? 'manual'))
      changes.push({ kind: 'ikiSource', name, before: was.source ?? 'manual', after: k.source ?? 'manual' });
  }
  const kept = new Set(after.map((k) => k.id));
  for (const k of before) if (!kept.has(k.id)) changes.push({ kind: 'ikiRemoved', rhk, iki: k });
  return changes;
}

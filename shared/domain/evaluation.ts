/**
 * An evaluation (domain.md "Evaluation"): what a scoring run computes for one person and period from the plan in
 * force and the running totals, the human decisions over it (behaviour ratings, review, appeal), and the outcome in
 * force. Pure.
 */
import { createHash } from 'node:crypto';
import type { PeriodDates } from './periods.ts';
import { type Rhk, type VersionDates, versionInForce } from './plans.ts';
import type { Rules } from './rules.ts';
import {
  type BerakhlakValue,
  type HasilKerja,
  headRatingOf,
  type IndicatorInput,
  monthsCarried,
  type Predikat,
  predikatOf,
  type Rating,
  recommendPerilaku,
  scoreHasilKerja,
  type UnitPredikat,
} from './scoring.ts';
import { realisasiOf, type ServiceIndicators } from './service-indicators.ts';

/** Where an indicator's realisasi came from: which running total, so an explanation can name it. */
export interface RealisasiSource {
  kind: 'activities' | 'service';
  /** The totals record read, e.g. `TOTAL#2026-11#IKI#k-1` or `SVCSUM#2026-11#UNIT#*` (officer, all units). */
  record: string;
  /** The figure taken from it, e.g. `approvedQuantity` or `within_standard_pct`. */
  field: string;
}

/** What the scoring run computed: inputs and results, never touched by reviews or appeals. */
export interface ComputedEvaluation {
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  unitPath: string;
  supervisorNip: string | null;
  periodId: string;
  planVersion: number | null;
  rulesVersion: number;
  hasilKerja: HasilKerja & { sources: Record<string, RealisasiSource> };
  /** A unit head's hasil kerja is the unit's own rating, when the leadership has set it. */
  head: { unitPredikat: UnitPredikat | null } | null;
  recommendedHasilKerja: Rating;
  /** Hash of the inputs and results: a review is current only for the figures it saw. */
  inputsHash: string;
  runId: string;
  computedAt: string;
}

/** 360° input on behaviour from a peer or a subordinate. */
export interface BehaviourInput {
  relation: 'peer' | 'subordinate';
  values: Partial<Record<BerakhlakValue, Rating>>;
  comment?: string;
  at: string;
}

/** The 360° input summed per value and rating, with the comments, for showing beside the supervisor's ratings. */
export function inputSummary(input: BehaviourInput[]) {
  const byValue: Record<string, Record<Rating, number>> = {};
  for (const i of input) {
    for (const [value, rating] of Object.entries(i.values)) {
      byValue[value] ??= { di_atas: 0, sesuai: 0, di_bawah: 0 };
      byValue[value]![rating as Rating]++;
    }
  }
  return {
    peers: input.filter((i) => i.relation === 'peer').length,
    subordinates: input.filter((i) => i.relation === 'subordinate').length,
    byValue,
    comments: input.flatMap((i) => (i.comment ? [{ relation: i.relation, comment: i.comment }] : [])),
  };
}

export interface Decision {
  hasilKerja: Rating;
  perilaku: Rating;
  predikat: Predikat;
  reasons: { hasilKerja?: string; perilaku?: string };
  by: string;
  at: string;
}

export interface Evaluation extends Partial<ComputedEvaluation> {
  nip: string;
  periodId: string;
  behaviour?: { values: Record<BerakhlakValue, Rating>; note?: string; by: string; at: string };
  review?: Decision & { inputsHash: string };
  appeal?: {
    reason: string;
    filedAt: string;
    state: 'filed' | 'upheld' | 'revised';
    decision?: { outcome: 'upheld' | 'revised'; reason: string; by: string; at: string; revised?: Decision };
  };
  version: number;
}

export interface Outcome {
  hasilKerja: Rating | null;
  perilaku: Rating | null;
  predikat: Predikat | null;
  source: 'appeal' | 'review' | 'recommendation';
  reviewCurrent: boolean;
}

/** The figures in force: an appeal's revision, else the supervisor's review (if it saw the current figures), else the recommendation. */
export function outcomeOf(e: Evaluation): Outcome {
  const reviewCurrent = !!e.review && e.review.inputsHash === e.inputsHash;
  if (e.appeal?.decision?.revised) return { ...e.appeal.decision.revised, source: 'appeal', reviewCurrent };
  if (e.review && reviewCurrent)
    return {
      hasilKerja: e.review.hasilKerja,
      perilaku: e.review.perilaku,
      predikat: e.review.predikat,
      source: 'review',
      reviewCurrent,
    };
  const hasilKerja = e.recommendedHasilKerja ?? null;
  const perilaku = e.behaviour ? recommendPerilaku(e.behaviour.values) : null;
  return {
    hasilKerja,
    perilaku,
    predikat: hasilKerja && perilaku ? predikatOf(hasilKerja, perilaku) : null,
    source: 'recommendation',
    reviewCurrent,
  };
}

export const hashOfInputs = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The person a run scores, as the run found them. */
export interface ScoredPerson {
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  unitPath: string;
  supervisorNip: string | null;
}

/** A plan version as scoring reads it: its dates and state, and its RHK with their IKI. */
export interface ScoredPlan extends VersionDates {
  rhk: Rhk[];
}

/** What every person of a scoring task shares: the period, its rules, the unit's own predikat. */
export interface ScoringContext {
  period: Pick<PeriodDates, 'id' | 'kind' | 'end'>;
  rules: Pick<Rules, 'capaianCap' | 'aboveThreshold' | 'meetsThreshold'> & { rulesVersion: number };
  unitPredikat: UnitPredikat | null;
  runId: string;
}

/** What one person's evaluation reads: the plan versions of the year, approved quantities per IKI, service figures. */
export interface PersonInputs<P extends ScoredPlan = ScoredPlan> {
  versions: P[];
  approved: Map<string, number>;
  service?: ServiceIndicators;
}

/** The plan a period is judged against: the version in force at its end, else the last one approved. */
export const planOf = <P extends ScoredPlan>(versions: P[], periodEnd: string): P | undefined =>
  versionInForce(versions, periodEnd) ?? versions.findLast((v) => v.state === 'approved' || v.state === 'superseded');

/** One person's evaluation from the running totals and the plan in force at the period's end. */
export function computeEvaluation(
  person: ScoredPerson,
  isHead: boolean,
  c: ScoringContext,
  read: PersonInputs,
  now: string,
): ComputedEvaluation {
  const plan = planOf(read.versions, c.period.end);
  const ikis = (plan?.rhk ?? []).flatMap((r) => r.iki.map((k) => ({ r, k })));
  const { approved, service } = read;

  const sources: Record<string, RealisasiSource> = {};
  const indicators = ikis.map(({ r, k }): IndicatorInput => {
    let realisasi: number | null;
    if (k.source === 'service') {
      realisasi = k.serviceMetric && service ? realisasiOf(k.serviceMetric, service) : null;
      sources[k.id] = { kind: 'service', record: `SVCSUM#${c.period.id}#UNIT#*`, field: k.serviceMetric ?? '-' };
    } else {
      // No approved activity at all: no realisasi (a lower-is-better indicator would otherwise score 200).
      realisasi = approved.get(k.id) ?? null;
      sources[k.id] = {
        kind: 'activities',
        record: `TOTAL#${c.period.kind === 'year' ? `${c.period.id}-*` : c.period.id}#IKI#${k.id}`,
        field: 'approvedQuantity',
      };
    }
    // A yearly quantity target is spread over the year: a month carries 1/12 of it, a quarter 3/12 (policy default).
    const months = monthsCarried(k.aspect, c.period.kind);
    return {
      rhkId: r.id,
      ikiId: k.id,
      kind: r.kind,
      name: k.name,
      target: k.target,
      direction: k.direction,
      weight: k.weight,
      realisasi,
      months,
    };
  });
  const hasilKerja = scoreHasilKerja(indicators, c.rules);
  // No approved plan: nothing to rate against, so below expectation (explained as such).
  const recommendedHasilKerja =
    isHead && c.unitPredikat ? headRatingOf(c.unitPredikat) : plan ? hasilKerja.recommended : 'di_bawah';
  // The key order is part of the hash: keep it.
  const computed = {
    nip: person.nip,
    name: person.name,
    position: person.position,
    unitCode: person.unitCode,
    unitPath: person.unitPath,
    supervisorNip: person.supervisorNip,
    periodId: c.period.id,
    planVersion: plan?.planVersion ?? null,
    rulesVersion: c.rules.rulesVersion,
    hasilKerja: { ...hasilKerja, sources },
    head: isHead ? { unitPredikat: c.unitPredikat } : null,
    recommendedHasilKerja,
  };
  return { ...computed, inputsHash: hashOfInputs(computed), runId: c.runId, computedAt: now };
}

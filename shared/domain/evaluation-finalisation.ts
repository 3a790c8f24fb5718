/**
 * Finalisation by OPD: each OPD's evaluations of a period are finalised on their own, once that OPD's are
 * complete; the period itself is finalised when every OPD with people is. Pure.
 */
import type { PeriodState } from './periods.ts';
import { opdOf } from './units.ts';

/** When and how evaluations were finalised: the appeal window counts from here. */
export interface Finalisation {
  at: string;
  by: string;
  acceptedRecommendations: number;
  acknowledgement?: { reason: string; violations: number };
}

export interface FinalisablePeriod {
  state: PeriodState;
  /** The period's, set when the last OPD (or the whole organisation at once) was finalised. */
  finalisation?: Finalisation;
  /** Each OPD's own, by OPD code. */
  opds?: Record<string, Finalisation>;
}

/** The finalisation in force for an OPD: its own, else the period's (finalised at once, before OPDs had their own). */
export const finalisationOf = (period: FinalisablePeriod, opdCode: string): Finalisation | undefined =>
  period.opds?.[opdCode] ?? (period.state === 'finalised' ? period.finalisation : undefined);

/** Whether the evaluations of someone in `unitPath` are final. */
export const isFinalisedAt = (period: FinalisablePeriod, unitPath: string | undefined): boolean =>
  period.state === 'finalised' || finalisationOf(period, opdOf(unitPath ?? '')) !== undefined;

/** The state someone in `unitPath` sees: finalised once their OPD is, else the period's. */
export const stateAt = (period: FinalisablePeriod, unitPath: string | undefined): PeriodState =>
  isFinalisedAt(period, unitPath) ? 'finalised' : period.state;

/** What the check of one OPD (or of several together) found. */
export interface FinalisationCheck {
  /** Active members with no evaluation at all (registered after the run): they need a run first. */
  unscoredCount: number;
  /** Evaluations without a predikat (no behaviour ratings yet). */
  withoutPredikatCount: number;
  /** Evaluations whose outcome is still the recommendation. */
  unreviewedCount: number;
  /** Violations of the distribution curve among the units with a predikat. */
  violations: number;
}

export type FinalisationRefusal =
  | 'evaluations_unscored'
  | 'evaluations_incomplete'
  | 'evaluations_unreviewed'
  | 'distribution_unacknowledged';

/**
 * Why the checked evaluations cannot be finalised yet, first reason first, or undefined: everyone scored, every
 * predikat there, every evaluation confirmed (or the recommendations accepted), the curve held (or acknowledged).
 */
export function finalisationRefusal(
  check: FinalisationCheck,
  options: { acceptRecommendations?: boolean; acknowledged?: boolean },
): FinalisationRefusal | undefined {
  if (check.unscoredCount > 0) return 'evaluations_unscored';
  if (check.withoutPredikatCount > 0) return 'evaluations_incomplete';
  if (check.unreviewedCount > 0 && !options.acceptRecommendations) return 'evaluations_unreviewed';
  if (check.violations > 0 && !options.acknowledged) return 'distribution_unacknowledged';
  return undefined;
}

/** The OPDs still to finalise, in the order given: those with people whose finalisation is not in force. */
export const pendingOpds = (period: FinalisablePeriod, opdsWithPeople: readonly string[]): string[] =>
  opdsWithPeople.filter((code) => !finalisationOf(period, code));

/**
 * The period after `finalised` OPDs were finalised now: their records added and — when no OPD with people is left
 * — the period finalised too, its own record summing the OPDs' (accepted recommendations, acknowledged violations
 * and their reasons).
 */
export function afterFinalising(
  period: FinalisablePeriod,
  finalised: Record<string, Finalisation>,
  opdsWithPeople: readonly string[],
  now: { at: string; by: string },
): Pick<FinalisablePeriod, 'opds'> & Partial<Pick<FinalisablePeriod, 'state' | 'finalisation'>> {
  const opds = { ...period.opds, ...finalised };
  if (pendingOpds({ ...period, opds }, opdsWithPeople).length > 0) return { opds };
  const all = Object.values(opds);
  const violations = all.reduce((n, f) => n + (f.acknowledgement?.violations ?? 0), 0);
  const reasons = [...new Set(all.flatMap((f) => (f.acknowledgement ? [f.acknowledgement.reason] : [])))];
  return {
    opds,
    state: 'finalised',
    finalisation: {
      ...now,
      acceptedRecommendations: all.reduce((n, f) => n + f.acceptedRecommendations, 0),
      ...(reasons.length > 0 ? { acknowledgement: { reason: reasons.join(' | '), violations } } : {}),
    },
  };
}

/** Someone as the check of unscored people reads them. */
export interface MemberFacts {
  nip: string;
  unitCode: string;
  unitPath: string;
  status: string;
}

/**
 * The units whose active people include someone with no evaluation (registered after the run), outside the
 * finalised OPDs: the next run scores those units. Sorted, each once.
 */
export function unitsToScoreAgain(
  period: FinalisablePeriod,
  members: readonly MemberFacts[],
  evaluated: ReadonlySet<string>,
): string[] {
  const units = members
    .filter((m) => m.status === 'active' && !evaluated.has(m.nip) && !isFinalisedAt(period, m.unitPath))
    .map((m) => m.unitCode);
  return [...new Set(units)].sort();
}

/**
 * Signals worth a second look at one person's entries of a period (issue 18 "Fairness you can see"). Pure. A signal
 * is never automatic: it changes no score, rating or reward; it carries its evidence and a plain explanation, and
 * the person may answer it.
 */
import type { Bilingual } from '../messages/errors.ts';
import type { Rules } from './rules.ts';

export type { Bilingual };

export type SignalKind = 'near_duplicate' | 'at_cap' | 'late_entries' | 'over_claim' | 'shared_output';

export interface EntryFacts {
  id: string;
  nip: string;
  date: string;
  start: string;
  end: string;
  minutes: number;
  description: string;
  ikiId: string;
  outputQuantity: number;
  outputUnit: string;
  evidence: string[];
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
  supervisorNip: string | null;
  verifiedBy?: string;
  verifiedAt?: string;
}

export interface Signal {
  /** Stable across recomputes: kind, or kind + '#' + short hash of what it is about. */
  id: string;
  kind: SignalKind;
  /** The figure that crossed the threshold (days, %, ratio % …). */
  measure: number;
  /** The rule's value. */
  threshold: number;
  /** Which rule. */
  rule: keyof Rules;
  /** Plain sentence with the numbers. */
  explanation: Bilingual;
  /** Kind-specific, JSON-serialisable, small (≤ 50 rows). */
  evidence: Record<string, unknown>;
}

export interface PersonSignalInputs {
  nip: string;
  periodId: string;
  /** The person's entries of the period (all statuses). */
  entries: EntryFacts[];
  /** YYYY-MM-DD, WIB: last day entries of the period may be entered. */
  inputDeadline: string;
  /** IKIs of the person's plan whose realisasi comes from service transactions. */
  serviceIkiIds: string[];
  /** Service transactions credited to the officer in the period (null: none measured). */
  creditedServed: number | null;
}

export function personSignals(_inputs: PersonSignalInputs, _rules: Rules): Signal[] {
  return [];
}

/** Same evidence document (URL) cited by ≥ sharedOutputMinPeople different people: a signal for each of them. */
export function sharedOutputSignals(_entries: EntryFacts[], _rules: Rules): Map<string, Signal[]> {
  return new Map();
}

/**
 * How a supervisor verifies and rates (issue 18): decision speed, approvals in bulk, backlog, the spread of the
 * ratings given, overrides of the recommendation, and leniency against the rest of the OPD. Pure; never automatic.
 */
import type { Bilingual } from '../messages/errors.ts';
import type { Rules } from './rules.ts';
import type { Rating } from './scoring.ts';

export type { Rating };

/** given = outcome hasilKerja; override = review ≠ recommendation. */
export interface RatedPerson {
  nip: string;
  given: Rating | null;
  recommended: Rating | null;
  overridden: boolean;
  reason?: string;
}

export interface RaterInputs {
  supervisorNip: string;
  decided: { entryId: string; nip: string; createdAt: string; verifiedAt: string; status: 'approved' | 'rejected' }[];
  pending: { entryId: string; nip: string; createdAt: string }[];
  rated: RatedPerson[];
}

export interface RaterPattern {
  supervisorNip: string;
  decided: number;
  approved: number;
  rejected: number;
  approvalPct: number | null;
  rejectionPct: number | null;
  medianDecisionHours: number | null;
  bulkApproved: number;
  bulkPct: number | null;
  /** Evidence, newest first, ≤ 20. */
  bulkRuns: { at: string; entries: number; seconds: number }[];
  backlog: number;
  oldestPendingDays: number | null;
  ratings: { di_atas: number; sesuai: number; di_bawah: number; rated: number };
  overrides: { nip: string; from: Rating; to: Rating; reason: string | null }[];
  /** mean over rated people of (given − recommended), steps di_bawah=-1, sesuai=0, di_atas=+1 */
  leniency: number | null;
}

export function raterPattern(inputs: RaterInputs, _rules: Rules, _now: Date): RaterPattern {
  return {
    supervisorNip: inputs.supervisorNip,
    decided: 0,
    approved: 0,
    rejected: 0,
    approvalPct: null,
    rejectionPct: null,
    medianDecisionHours: null,
    bulkApproved: 0,
    bulkPct: null,
    bulkRuns: [],
    backlog: 0,
    oldestPendingDays: null,
    ratings: { di_atas: 0, sesuai: 0, di_bawah: 0, rated: 0 },
    overrides: [],
    leniency: null,
  };
}

export interface RaterComparison {
  supervisorNip: string;
  leniency: { value: number | null; opdOthers: number | null; formula: Bilingual; outOfLine: boolean };
  /** value: sesuai share pts − OPD others'. */
  centralTendency: { value: number | null; formula: Bilingual; outOfLine: boolean };
}

/** Each rater against the rest of the OPD (the others' pooled ratings). */
export function compareRaters(patterns: RaterPattern[], _rules: Rules): RaterComparison[] {
  return patterns.map((p) => ({
    supervisorNip: p.supervisorNip,
    leniency: { value: p.leniency, opdOthers: null, formula: { id: '', en: '' }, outOfLine: false },
    centralTendency: { value: null, formula: { id: '', en: '' }, outOfLine: false },
  }));
}

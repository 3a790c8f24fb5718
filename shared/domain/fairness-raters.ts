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
  /** The person's name as the run found it, so the pattern names whom it lists. */
  name?: string;
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
  /** name: the person rated (null when the run had no name for them). */
  overrides: { nip: string; name: string | null; from: Rating; to: Rating; reason: string | null }[];
  /** mean over rated people of (given − recommended), steps di_bawah=-1, sesuai=0, di_atas=+1 */
  leniency: number | null;
  /**
   * What leniency is computed from, also below raterMinRated (so compareRaters can pool the other raters):
   * people rated with both a given and a recommended rating, and the sum of their (given − recommended) steps.
   */
  leniencyBasis: { people: number; sum: number };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const step: Record<Rating, number> = { di_bawah: -1, sesuai: 0, di_atas: 1 };
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const pct1 = (x: number, n: number) => (n === 0 ? null : round1((x * 100) / n));
const ms = (iso: string) => new Date(iso).getTime();

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs of approvals "in bulk": the supervisor's approvals sorted by verifiedAt, chained while the gap to the
 * previous one is ≤ bulkSeconds; a chain of ≥ bulkMinEntries approvals is a bulk run.
 */
export function bulkRunsOf(
  approvedAt: string[],
  rules: Pick<Rules, 'bulkSeconds' | 'bulkMinEntries'>,
): { at: string; entries: number; seconds: number }[] {
  const times = [...approvedAt].sort((a, b) => ms(a) - ms(b));
  const runs: { at: string; entries: number; seconds: number }[] = [];
  let chain: string[] = [];
  const close = () => {
    if (chain.length >= rules.bulkMinEntries)
      runs.push({
        at: chain[0]!,
        entries: chain.length,
        seconds: Math.round((ms(chain[chain.length - 1]!) - ms(chain[0]!)) / 1000),
      });
  };
  for (const t of times) {
    const previous = chain[chain.length - 1];
    if (previous !== undefined && ms(t) - ms(previous) <= rules.bulkSeconds * 1000) chain.push(t);
    else {
      close();
      chain = [t];
    }
  }
  close();
  return runs;
}

/**
 * One supervisor's pattern in a period:
 * - approvalPct = approved / decided × 100; rejectionPct = rejected / decided × 100;
 * - medianDecisionHours = median over decided entries of (verifiedAt − createdAt) in hours;
 * - bulkApproved = approvals in bulk runs (bulkRunsOf); bulkPct = bulkApproved / approved × 100;
 * - backlog = pending entries; oldestPendingDays = whole days since the oldest pending entry was created;
 * - leniency = Σ (step(given) − step(recommended)) / people with both, steps di_bawah −1, sesuai 0, di_atas +1;
 *   null with fewer than raterMinRated such people. Approvals and rejections play no part in it.
 */
export function raterPattern(inputs: RaterInputs, rules: Rules, now: Date): RaterPattern {
  const decided = inputs.decided.length;
  const approvals = inputs.decided.filter((d) => d.status === 'approved');
  const approved = approvals.length;
  const rejected = decided - approved;
  const hours = median(inputs.decided.map((d) => (ms(d.verifiedAt) - ms(d.createdAt)) / HOUR_MS));
  const runs = bulkRunsOf(
    approvals.map((a) => a.verifiedAt),
    rules,
  );
  const bulkApproved = runs.reduce((sum, r) => sum + r.entries, 0);
  const oldest = inputs.pending.reduce<number | null>(
    (min, p) => (min === null || ms(p.createdAt) < min ? ms(p.createdAt) : min),
    null,
  );
  const ratings = { di_atas: 0, sesuai: 0, di_bawah: 0, rated: 0 };
  const overrides: RaterPattern['overrides'] = [];
  const basis = { people: 0, sum: 0 };
  for (const r of inputs.rated) {
    if (r.given) {
      ratings[r.given]++;
      ratings.rated++;
    }
    if (r.given && r.recommended) {
      basis.people++;
      basis.sum += step[r.given] - step[r.recommended];
      if (r.overridden)
        overrides.push({
          nip: r.nip,
          name: r.name ?? null,
          from: r.recommended,
          to: r.given,
          reason: r.reason ?? null,
        });
    }
  }
  return {
    supervisorNip: inputs.supervisorNip,
    decided,
    approved,
    rejected,
    approvalPct: pct1(approved, decided),
    rejectionPct: pct1(rejected, decided),
    medianDecisionHours: hours === null ? null : round1(hours),
    bulkApproved,
    bulkPct: pct1(bulkApproved, approved),
    bulkRuns: runs.reverse().slice(0, 20),
    backlog: inputs.pending.length,
    oldestPendingDays: oldest === null ? null : Math.max(0, Math.floor((now.getTime() - oldest) / DAY_MS)),
    ratings,
    overrides,
    leniency: basis.people >= rules.raterMinRated ? basis.sum / basis.people : null,
    leniencyBasis: basis,
  };
}

export interface RaterComparison {
  supervisorNip: string;
  leniency: { value: number | null; opdOthers: number | null; formula: Bilingual; outOfLine: boolean };
  /** value: sesuai share pts − OPD others'. */
  centralTendency: { value: number | null; formula: Bilingual; outOfLine: boolean };
}

/** |x| rounded down to two decimals: a difference below the threshold never reads as reaching it. */
const gap = (x: number) => (Math.floor(Math.abs(x) * 100 + 1e-9) / 100).toFixed(2);
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(round2(x)).toFixed(2)}`;

/**
 * Each rater against the rest of the OPD (the others' pooled ratings):
 * - leniency: value = the rater's leniency; opdOthers = Σ others' (given − recommended) / Σ others' people with
 *   both (null below raterMinRated); out of line when both exist and |value − opdOthers| ≥ leniencyThresholdPct/100.
 * - central tendency: value = sesuai / rated × 100 − Σ others' sesuai / Σ others' rated × 100 (points); null when
 *   the rater rated fewer than raterMinRated or the others rated no one; out of line when value ≥ centralTendencyPct.
 * The comparisons are exact (integer cross-multiplication), the figures shown rounded.
 */
export function compareRaters(patterns: RaterPattern[], rules: Rules): RaterComparison[] {
  const all = patterns.reduce(
    (t, p) => ({
      people: t.people + p.leniencyBasis.people,
      sum: t.sum + p.leniencyBasis.sum,
      sesuai: t.sesuai + p.ratings.sesuai,
      rated: t.rated + p.ratings.rated,
    }),
    { people: 0, sum: 0, sesuai: 0, rated: 0 },
  );
  const min = rules.raterMinRated;
  return patterns.map((p) => {
    // Leniency: s1/n1 (the rater) against s2/n2 (the others pooled).
    const [s1, n1] = [p.leniencyBasis.sum, p.leniencyBasis.people];
    const [s2, n2] = [all.sum - s1, all.people - n1];
    const value = n1 >= min ? s1 / n1 : null;
    const opdOthers = n2 >= min ? s2 / n2 : null;
    const lenientOut =
      value !== null && opdOthers !== null && Math.abs(s1 * n2 - s2 * n1) * 100 >= rules.leniencyThresholdPct * n1 * n2;
    const limit = (rules.leniencyThresholdPct / 100).toFixed(2);
    const leniencyFormula =
      value === null || opdOthers === null
        ? {
            id:
              `Kelonggaran = rata-rata (nilai diberikan − nilai rekomendasi), Di Bawah −1, Sesuai 0, Di Atas +1; dihitung bila ` +
              `minimal ${min} orang dinilai: penilai ini ${n1} orang, penilai lain di OPD ${n2} orang.`,
            en:
              `Leniency = mean of (rating given − rating recommended), Below −1, Meets 0, Above +1; computed with at least ` +
              `${min} people rated: this rater ${n1}, the other raters of the OPD ${n2}.`,
          }
        : {
            id:
              `Kelonggaran = rata-rata (nilai diberikan − nilai rekomendasi), Di Bawah −1, Sesuai 0, Di Atas +1: ` +
              `${s1} ÷ ${n1} orang = ${signed(value)}; penilai lain di OPD ${s2} ÷ ${n2} orang = ${signed(opdOthers)}; ` +
              `selisih ${gap(value - opdOthers)} ${lenientOut ? '≥' : '<'} ${limit} → ` +
              `${lenientOut ? 'tidak sejalan dengan OPD' : 'sejalan dengan OPD'}.`,
            en:
              `Leniency = mean of (rating given − rating recommended), Below −1, Meets 0, Above +1: ` +
              `${s1} ÷ ${n1} people = ${signed(value)}; other raters of the OPD ${s2} ÷ ${n2} people = ${signed(opdOthers)}; ` +
              `difference ${gap(value - opdOthers)} ${lenientOut ? '≥' : '<'} ${limit} → ` +
              `${lenientOut ? 'out of line with the OPD' : 'in line with the OPD'}.`,
          };
    // Central tendency: c1/r1 (the rater's sesuai share) against c2/r2 (the others pooled), in points.
    const [c1, r1] = [p.ratings.sesuai, p.ratings.rated];
    const [c2, r2] = [all.sesuai - c1, all.rated - r1];
    // Shown rounded down to one decimal, so a figure below the threshold never reads as reaching it.
    const central = r1 >= min && r2 > 0 ? Math.floor(((c1 * 100) / r1 - (c2 * 100) / r2) * 10) / 10 : null;
    const centralOut = central !== null && (c1 * r2 - c2 * r1) * 100 >= rules.centralTendencyPct * r1 * r2;
    const share = (c: number, r: number) => `${c} ÷ ${r} = ${round1((c * 100) / r)} %`;
    const centralFormula =
      central === null
        ? {
            id:
              `Kecenderungan tengah = porsi "Sesuai" penilai − porsi "Sesuai" penilai lain di OPD; dihitung bila minimal ` +
              `${min} orang dinilai dan penilai lain menilai seseorang: penilai ini ${r1} orang, penilai lain ${r2} orang.`,
            en:
              `Central tendency = the rater's share of "Meets" − the other raters' share of "Meets" in the OPD; computed with ` +
              `at least ${min} people rated and others who rated someone: this rater ${r1}, the other raters ${r2}.`,
          }
        : {
            id:
              `Kecenderungan tengah = porsi "Sesuai" penilai − porsi "Sesuai" penilai lain di OPD: ${share(c1, r1)} − ` +
              `${share(c2, r2)} = ${central} poin ${centralOut ? '≥' : '<'} ${rules.centralTendencyPct} → ` +
              `${centralOut ? 'tidak sejalan dengan OPD' : 'sejalan dengan OPD'}.`,
            en:
              `Central tendency = the rater's share of "Meets" − the other raters' share in the OPD: ${share(c1, r1)} − ` +
              `${share(c2, r2)} = ${central} points ${centralOut ? '≥' : '<'} ${rules.centralTendencyPct} → ` +
              `${centralOut ? 'out of line with the OPD' : 'in line with the OPD'}.`,
          };
    return {
      supervisorNip: p.supervisorNip,
      leniency: { value, opdOthers, formula: leniencyFormula, outOfLine: lenientOut },
      centralTendency: { value: central, formula: centralFormula, outOfLine: centralOut },
    };
  });
}

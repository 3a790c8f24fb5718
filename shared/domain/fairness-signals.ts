/**
 * Signals worth a second look at one person's entries of a period (issue 18 "Fairness you can see"). Pure. A signal
 * is never automatic: it changes no score, rating or reward; it carries its evidence and a plain explanation, and
 * the person may answer it.
 */
import type { Bilingual } from '../messages/errors.ts';
import type { Rules } from './rules.ts';
import { addDays, wibDate } from './time.ts';

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

/** Evidence lists are kept small: at most this many rows each. */
export const EVIDENCE_ROWS = 50;

/** A short, stable hash (FNV-1a, 32 bits, hex) of what a signal is about, so its id survives recomputes. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A figure as shown: whole numbers as they are, others to one decimal (rounded down, never past a threshold). */
const shown = (x: number) => (Number.isInteger(x) ? String(x) : (Math.floor(x * 10) / 10).toFixed(1));
/** A percentage x/n, rounded down to one decimal: shown never reaches a threshold the exact value did not. */
const pctOf = (x: number, n: number) => Math.floor((x * 1000) / n) / 10;
const first = <T>(rows: T[]) => rows.slice(0, EVIDENCE_ROWS);
const counted = (e: EntryFacts) => e.status !== 'rejected';
const byTime = (a: EntryFacts, b: EntryFacts) =>
  a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id);

/** Lowercase, digits and punctuation dropped, spaces collapsed: "Rapat  koordinasi #3." → "rapat koordinasi". */
export function normaliseDescription(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const wordSet = (normalised: string) => new Set(normalised === '' ? [] : normalised.split(' '));

/** Word-set Jaccard similarity in % : |A ∩ B| / |A ∪ B| × 100 (two empty sets are identical: 100). */
export function similarityPct(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 100 : (common * 100) / union;
}

/**
 * near_duplicate — entries (not rejected) grouped greedily in time order: an entry joins the first group whose
 * FIRST description has word-set Jaccard similarity ≥ duplicateSimilarityPct with its own, else starts a group.
 * measure = distinct dates of a group; fires when ≥ duplicateMinDays. One signal per group that fires.
 */
function nearDuplicates(entries: EntryFacts[], rules: Rules): Signal[] {
  const groups: { words: Set<string>; normalised: string; sample: string; entries: EntryFacts[] }[] = [];
  for (const e of entries.filter(counted).sort(byTime)) {
    const normalised = normaliseDescription(e.description);
    const words = wordSet(normalised);
    const group = groups.find((g) => similarityPct(g.words, words) >= rules.duplicateSimilarityPct);
    if (group) group.entries.push(e);
    else groups.push({ words, normalised, sample: e.description, entries: [e] });
  }
  const signals: Signal[] = [];
  for (const g of groups) {
    const dates = [...new Set(g.entries.map((e) => e.date))];
    if (dates.length < rules.duplicateMinDays) continue;
    const quoted = g.sample.length > 80 ? `${g.sample.slice(0, 77)}…` : g.sample;
    signals.push({
      id: `near_duplicate#${shortHash(g.normalised)}`,
      kind: 'near_duplicate',
      measure: dates.length,
      threshold: rules.duplicateMinDays,
      rule: 'duplicateMinDays',
      explanation: {
        id:
          `Uraian yang hampir sama ("${quoted}") tercatat pada ${dates.length} hari berbeda dalam ${g.entries.length} entri ` +
          `(ambang ${rules.duplicateMinDays} hari; hampir sama = kemiripan kata ≥ ${rules.duplicateSimilarityPct} %).`,
        en:
          `A nearly identical description ("${quoted}") was logged on ${dates.length} different days in ${g.entries.length} entries ` +
          `(threshold ${rules.duplicateMinDays} days; nearly identical = word similarity ≥ ${rules.duplicateSimilarityPct} %).`,
      },
      evidence: {
        sample: g.sample,
        similarityPct: rules.duplicateSimilarityPct,
        days: dates.length,
        entries: g.entries.length,
        dates: first(dates),
        entryIds: first(g.entries.map((e) => e.id)),
      },
    });
  }
  return signals;
}

/**
 * at_cap — per date with entries (not rejected), the logged minutes summed; a run is consecutive such dates (days
 * without entries do not break it) each summing exactly to dailyMinuteCap. measure = the longest run (the earliest
 * of equal ones); fires when ≥ capStreakDays.
 */
function atCap(entries: EntryFacts[], rules: Rules): Signal[] {
  const minutes = new Map<string, number>();
  for (const e of entries.filter(counted)) minutes.set(e.date, (minutes.get(e.date) ?? 0) + e.minutes);
  const dates = [...minutes.keys()].sort();
  let best: string[] = [];
  let run: string[] = [];
  for (const d of dates) {
    run = minutes.get(d) === rules.dailyMinuteCap ? [...run, d] : [];
    if (run.length > best.length) best = run;
  }
  if (best.length < rules.capStreakDays) return [];
  const [from, to] = [best[0]!, best[best.length - 1]!];
  return [
    {
      id: 'at_cap',
      kind: 'at_cap',
      measure: best.length,
      threshold: rules.capStreakDays,
      rule: 'capStreakDays',
      explanation: {
        id:
          `Menit tercatat tepat ${rules.dailyMinuteCap} menit (batas harian) pada ${best.length} hari berturut-turut yang berisi entri, ` +
          `${from} s.d. ${to} (ambang ${rules.capStreakDays} hari).`,
        en:
          `Logged minutes were exactly ${rules.dailyMinuteCap} (the daily cap) on ${best.length} consecutive days with entries, ` +
          `${from} to ${to} (threshold ${rules.capStreakDays} days).`,
      },
      evidence: { minutesPerDay: rules.dailyMinuteCap, days: best.length, dates: first(best) },
    },
  ];
}

/**
 * late_entries — late = created (WIB date of createdAt) on or after inputDeadline − (lateWindowDays − 1);
 * measure = late / entries × 100 over all the period's entries; fires when entries ≥ lateMinEntries and
 * measure ≥ lateSharePct.
 */
function lateEntries(entries: EntryFacts[], inputDeadline: string, rules: Rules): Signal[] {
  const n = entries.length;
  if (n === 0 || n < rules.lateMinEntries) return [];
  const windowStart = addDays(inputDeadline, -(rules.lateWindowDays - 1));
  const late = entries.filter((e) => wibDate(new Date(e.createdAt)) >= windowStart).sort(byTime);
  if (late.length * 100 < rules.lateSharePct * n) return [];
  const pct = pctOf(late.length, n);
  return [
    {
      id: 'late_entries',
      kind: 'late_entries',
      measure: pct,
      threshold: rules.lateSharePct,
      rule: 'lateSharePct',
      explanation: {
        id:
          `${late.length} dari ${n} entri (${shown(pct)} %) dibuat pada ${rules.lateWindowDays} hari terakhir sampai batas pengisian ` +
          `${inputDeadline} (sejak ${windowStart}) atau sesudahnya (ambang ${rules.lateSharePct} %, minimal ${rules.lateMinEntries} entri).`,
        en:
          `${late.length} of ${n} entries (${shown(pct)} %) were created in the last ${rules.lateWindowDays} days up to the input deadline ` +
          `${inputDeadline} (from ${windowStart}) or after it (threshold ${rules.lateSharePct} %, at least ${rules.lateMinEntries} entries).`,
      },
      evidence: {
        windowStart,
        inputDeadline,
        late: late.length,
        entries: n,
        lateEntryIds: first(late.map((e) => e.id)),
      },
    },
  ];
}

/**
 * over_claim — claimed = Σ outputQuantity of entries (not rejected) on serviceIkiIds; credited = creditedServed.
 * Fires when claimed > credited, claimed × 100 ≥ overclaimRatioPct × credited and claimed − credited ≥
 * overclaimMinGap. measure = claimed / credited × 100 (rule overclaimRatioPct); with nothing credited (0) the
 * ratio has no value, so measure = the gap (rule overclaimMinGap).
 */
function overClaim(inputs: PersonSignalInputs, rules: Rules): Signal[] {
  const credited = inputs.creditedServed;
  if (credited === null || inputs.serviceIkiIds.length === 0) return [];
  const service = new Set(inputs.serviceIkiIds);
  const claims = inputs.entries.filter((e) => counted(e) && service.has(e.ikiId)).sort(byTime);
  const claimed = claims.reduce((sum, e) => sum + e.outputQuantity, 0);
  const gap = claimed - credited;
  if (gap <= 0 || gap < rules.overclaimMinGap || claimed * 100 < rules.overclaimRatioPct * credited) return [];
  const ratio = credited > 0 ? pctOf(claimed, credited) : null;
  const ratioText = {
    id: ratio === null ? 'tidak ada transaksi yang dikreditkan' : `${shown(ratio)} % dari yang dikreditkan`,
    en: ratio === null ? 'no transactions credited' : `${shown(ratio)} % of what was credited`,
  };
  return [
    {
      id: 'over_claim',
      kind: 'over_claim',
      measure: ratio ?? gap,
      threshold: ratio === null ? rules.overclaimMinGap : rules.overclaimRatioPct,
      rule: ratio === null ? 'overclaimMinGap' : 'overclaimRatioPct',
      explanation: {
        id:
          `Output yang diklaim pada IKI layanan ${shown(claimed)}, transaksi layanan yang dikreditkan ${shown(credited)}: ` +
          `${ratioText.id}, selisih ${shown(gap)} (ambang ${rules.overclaimRatioPct} % dan selisih ${rules.overclaimMinGap}).`,
        en:
          `Output claimed on service IKIs ${shown(claimed)}, service transactions credited ${shown(credited)}: ` +
          `${ratioText.en}, a gap of ${shown(gap)} (thresholds ${rules.overclaimRatioPct} % and a gap of ${rules.overclaimMinGap}).`,
      },
      evidence: {
        claimed,
        credited,
        gap,
        ratioPct: ratio,
        ikiIds: [...new Set(claims.map((e) => e.ikiId))].sort(),
        entryIds: first(claims.map((e) => e.id)),
      },
    },
  ];
}

/** The signals of one person and period (shared_output needs the OPD's entries: see sharedOutputSignals). */
export function personSignals(inputs: PersonSignalInputs, rules: Rules): Signal[] {
  const entries = inputs.entries;
  return [
    ...nearDuplicates(entries, rules),
    ...atCap(entries, rules),
    ...lateEntries(entries, inputs.inputDeadline, rules),
    ...overClaim(inputs, rules),
  ];
}

/**
 * shared_output — per evidence URL (trimmed) over the entries (not rejected) of an OPD and period: the distinct
 * people citing it. measure = people; fires when ≥ sharedOutputMinPeople, a signal for each of them (one person
 * citing a document many times is one person).
 */
export function sharedOutputSignals(entries: EntryFacts[], rules: Rules): Map<string, Signal[]> {
  const byUrl = new Map<string, Map<string, string[]>>();
  for (const e of [...entries].filter(counted).sort(byTime)) {
    for (const url of new Set(e.evidence.map((u) => u.trim()).filter((u) => u !== ''))) {
      const people = byUrl.get(url) ?? new Map<string, string[]>();
      byUrl.set(url, people);
      people.set(e.nip, [...(people.get(e.nip) ?? []), e.id]);
    }
  }
  const out = new Map<string, Signal[]>();
  for (const url of [...byUrl.keys()].sort()) {
    const people = byUrl.get(url)!;
    if (people.size < rules.sharedOutputMinPeople) continue;
    const nips = [...people.keys()].sort();
    const evidence = {
      url,
      people: first(nips.map((nip) => ({ nip, entryIds: first(people.get(nip)!) }))),
    };
    for (const nip of nips) {
      const others = nips.filter((n) => n !== nip);
      const more = others.length > 5 ? others.length - 5 : 0;
      const named = others.slice(0, 5).join(', ');
      const signal: Signal = {
        id: `shared_output#${shortHash(url)}`,
        kind: 'shared_output',
        measure: people.size,
        threshold: rules.sharedOutputMinPeople,
        rule: 'sharedOutputMinPeople',
        explanation: {
          id:
            `Dokumen bukti yang sama (${url}) dikutip oleh ${people.size} orang pada periode ini, juga oleh NIP ${named}${more ? ` dan ${more} orang lain` : ''} ` +
            `(ambang ${rules.sharedOutputMinPeople} orang).`,
          en:
            `The same evidence document (${url}) was cited by ${people.size} people in this period, also by NIP ${named}${more ? ` and ${more} others` : ''} ` +
            `(threshold ${rules.sharedOutputMinPeople} people).`,
        },
        evidence,
      };
      out.set(nip, [...(out.get(nip) ?? []), signal]);
    }
  }
  return out;
}

/**
 * The fairness pages' figures shaped for their charts, tables and addresses: pure functions of what the API
 * answered (no fetching, no words), so they are table-tested (test/unit/web-fairness.test.ts).
 */

import { ApiError } from '../../api/client';
import type { Rating } from './types';

export type { Rating };
export const ratingOrder: Rating[] = ['di_atas', 'sesuai', 'di_bawah'];

interface Ratings {
  di_atas: number;
  sesuai: number;
  di_bawah: number;
  rated?: number;
}

/** The page's own address: a unit and a period, and optionally the supervisor whose detail is open. */
export function fairnessHref(unitCode: string, periodId: string | undefined, raterNip?: string): string {
  const q = new URLSearchParams({ unit: unitCode });
  if (periodId) q.set('periode', periodId);
  if (raterNip) q.set('penilai', raterNip);
  return `/keadilan?${q.toString()}`;
}

/** A person's signals page: one's own without a NIP, another person's with it. */
export function signalsHref(nip: string | undefined, periodId: string | undefined): string {
  const q = new URLSearchParams();
  if (nip) q.set('pegawai', nip);
  if (periodId) q.set('periode', periodId);
  const s = q.toString();
  return s ? `/sinyal?${s}` : '/sinyal';
}

const rated = (r: Ratings) => r.di_atas + r.sesuai + r.di_bawah;

/** Each rating's share of the people rated, in percent to one decimal; null when nobody was rated. */
export function ratingShares(r: Ratings): Record<Rating, number | null> {
  const whole = rated(r);
  const pct = (x: number) => (whole > 0 ? Math.round((x * 1000) / whole) / 10 : null);
  return { di_atas: pct(r.di_atas), sesuai: pct(r.sesuai), di_bawah: pct(r.di_bawah) };
}

/**
 * "The rest of the OPD" one rater is compared with: the OPD's pooled ratings less the rater's own (never below 0,
 * should the figures come from different runs).
 */
export function restOfOpd(opd: Ratings, mine: Ratings): Ratings {
  const rest = {
    di_atas: Math.max(0, opd.di_atas - mine.di_atas),
    sesuai: Math.max(0, opd.sesuai - mine.sesuai),
    di_bawah: Math.max(0, opd.di_bawah - mine.di_bawah),
  };
  return { ...rest, rated: rated(rest) };
}

export interface ShareBar {
  /** Who the bar is about (a supervisor's name, or the OPD's label given by the page). */
  who: string;
  rating: Rating;
  pct: number;
  count: number;
}

/** A supervisor's rating shares beside the rest of the OPD's: the stacked bars of the chart, in rating order. */
export function shareBars(rows: { who: string; ratings: Ratings }[]): ShareBar[] {
  return rows.flatMap(({ who, ratings }) => {
    const shares = ratingShares(ratings);
    return ratingOrder.flatMap((rating) =>
      shares[rating] === null ? [] : [{ who, rating, pct: shares[rating] as number, count: ratings[rating] }],
    );
  });
}

interface Comparable {
  name: string;
  comparison?: { leniency?: { outOfLine?: boolean }; centralTendency?: { outOfLine?: boolean } };
}

/** Whether a rater is out of line with the rest of the OPD, on leniency or central tendency. */
export const outOfLine = (r: Comparable): boolean =>
  !!(r.comparison?.leniency?.outOfLine || r.comparison?.centralTendency?.outOfLine);

/** Raters out of line first, then by name, so the ones worth a look head the table. */
export function sortRaters<T extends Comparable>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(outOfLine(b)) - Number(outOfLine(a)) || a.name.localeCompare(b.name));
}

/** Answered and open signals of a person (an answer counted once, never more than the signals). */
export function answeredCount(row: { count: number; answered: number }): { answered: number; open: number } {
  const answered = Math.min(row.answered, row.count);
  return { answered, open: row.count - answered };
}

/** One line of a signal's evidence, as the page draws it. */
export type EvidenceItem =
  | { key: string; kind: 'value'; value: string }
  | { key: string; kind: 'list'; values: string[] }
  | { key: string; kind: 'table'; columns: string[]; rows: string[][] };

const text = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * A signal's evidence (kind-specific, small) as lines to draw: plain values, lists of values, and lists of records
 * as a table whose columns are every field any record has, in first-seen order.
 */
export function evidenceItems(evidence: Record<string, unknown> | null | undefined): EvidenceItem[] {
  if (!evidence) return [];
  return Object.entries(evidence).map(([key, v]): EvidenceItem => {
    if (!Array.isArray(v)) {
      if (v && typeof v === 'object') {
        const entries = Object.entries(v as Record<string, unknown>);
        return { key, kind: 'table', columns: entries.map(([k]) => k), rows: [entries.map(([, x]) => text(x))] };
      }
      return { key, kind: 'value', value: text(v) };
    }
    if (v.every((x) => x === null || typeof x !== 'object')) return { key, kind: 'list', values: v.map(text) };
    const columns: string[] = [];
    for (const row of v)
      if (row && typeof row === 'object' && !Array.isArray(row))
        for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
    if (columns.length === 0) return { key, kind: 'list', values: v.map(text) };
    return {
      key,
      kind: 'table',
      columns,
      rows: v.map((row) => columns.map((c) => text((row as Record<string, unknown> | null)?.[c]))),
    };
  });
}

/** A figure for people: one decimal at most, in the page's language; a dash when there is none. */
export function figure(x: number | null | undefined, locale: string, suffix = ''): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${x.toLocaleString(locale, { maximumFractionDigits: 2 })}${suffix}`;
}

/** The API's 404 for a period its run has not computed (a missing unit or person is another 404, said as such). */
export const notComputed = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'fairness_not_computed';

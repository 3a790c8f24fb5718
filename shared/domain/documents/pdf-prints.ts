/**
 * Verifiable prints: every printed document carries a code (80 random bits, Crockford base32: 16 characters, no
 * I, L, O or U to misread) that opens a public page telling what the document is and whether it is still the
 * current one. A print is current while what it shows is unchanged: the plan version's record (any edit, approval
 * or replacement by a revision changes it), or the evaluation's figures, decisions and finality. Pure.
 */

export type PrintKind = 'skp' | 'evaluation';

export const CODE_BYTES = 10;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** 10 random bytes → 16 characters (5 bits each). */
export function encodeCode(bytes: Uint8Array): string {
  if (bytes.length !== CODE_BYTES) throw new Error(`a print code takes ${CODE_BYTES} bytes`);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 15; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/**
 * A code as someone typed it, in its stored form: case, dashes and spaces ignored, and the letters Crockford
 * reads as digits (O → 0, I and L → 1); undefined when it cannot be a code.
 */
export function normaliseCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return CODE.test(code) ? code : undefined;
}

/** Which document a print is of, within its owner's records: `SKP#2026#V002`, `EVAL#2026-11`. */
export const documentRef = (
  d: { kind: 'skp'; year: number; planVersion: number } | { kind: 'evaluation'; periodId: string },
) => (d.kind === 'skp' ? `SKP#${d.year}#V${String(d.planVersion).padStart(3, '0')}` : `EVAL#${d.periodId}`);

/** A plan version's content as printed: its record's version counter (every change of the record bumps it). */
export const skpFingerprint = (plan: { version: number }): string => `r${plan.version}`;

/**
 * An evaluation as printed: the figures (the run's inputs hash), the people's decisions (the decisions record's
 * version: behaviour ratings, review, appeal) and whether it was final.
 */
export const evaluationFingerprint = (e: { inputsHash?: string; version: number }, periodState: string): string =>
  `${e.inputsHash ?? '-'}.r${e.version}.${periodState === 'finalised' ? 'final' : 'draft'}`;

/** What a print record holds: only what the document itself shows of its owner (name and NIP as printed). */
export interface PrintRecord {
  code: string;
  kind: PrintKind;
  nip: string;
  name: string;
  ref: string;
  fingerprint: string;
  /** What the verification page says the document is: "SKP 2026 versi 2", "Evaluasi Kinerja Bulan November 2026". */
  title: string;
  /** The document's own date (YYYY-MM-DD), as printed beside the signatures. */
  date: string;
  draft: boolean;
  printedAt: string;
}

export const kindNames: Record<PrintKind, { id: string; en: string }> = {
  skp: { id: 'Dokumen Sasaran Kinerja Pegawai (SKP)', en: 'Employee performance plan (SKP)' },
  evaluation: { id: 'Dokumen Evaluasi Kinerja Pegawai', en: 'Employee performance evaluation' },
};

/** What the public page shows of a print: nothing beyond the document's own words, and whether it still holds. */
export interface VerificationView {
  kind: PrintKind;
  title: string;
  name: string;
  nip: string;
  date: string;
  draft: boolean;
  current: boolean;
  code: string;
}

export const verificationView = (p: PrintRecord, currentFingerprint: string | undefined): VerificationView => ({
  kind: p.kind,
  title: p.title,
  name: p.name,
  nip: p.nip,
  date: p.date,
  draft: p.draft,
  current: currentFingerprint === p.fingerprint,
  code: p.code,
});

/**
 * Every error a person can see, in Bahasa Indonesia (default) and English (`Accept-Language: en`).
 * `{name}` placeholders are filled from the error's params.
 *
 * The messages live in one module per area (./common.ts, ./plans.ts, …; ./all.ts joins them). A deployed
 * function carries only the common ones and those its route spec hands over (shared/api/route.ts → registerMessages),
 * not the whole catalogue; test/unit/messages-bundles.test.ts proves each bundle holds every code it can throw.
 * Unbundled (tests, `npm start`) every message is loaded.
 */
import type { allMessages } from './all.ts';
import { commonMessages } from './common.ts';

export type Lang = 'id' | 'en';

/** Messages by code, each in both languages. */
export type Catalogue = Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof allMessages;

const known: Catalogue = { ...commonMessages };

/** Makes these messages renderable in this process. */
export function registerMessages(...catalogues: Catalogue[]): void {
  for (const c of catalogues) Object.assign(known, c);
}

// infra/bundling.ts defines import.meta.bundled, so a bundle leaves this out.
if (!import.meta.bundled) registerMessages((await import('./all.ts')).allMessages);

/** Nouns used in {what}. */
export const nouns = {
  employee: { id: 'Pegawai', en: 'Employee' },
  unit: { id: 'Unit kerja', en: 'Unit' },
  organisation: { id: 'Organisasi', en: 'Organisation' },
  route: { id: 'Endpoint', en: 'Endpoint' },
  plan: { id: 'SKP', en: 'SKP (plan)' },
  year: { id: 'Tahun kinerja', en: 'Performance year' },
  period: { id: 'Periode', en: 'Period' },
  activity: { id: 'Aktivitas', en: 'Activity' },
  service_type: { id: 'Jenis layanan', en: 'Service type' },
  transaction: { id: 'Transaksi layanan', en: 'Service transaction' },
  follow_up: { id: 'Tindak lanjut survei', en: 'Survey follow-up' },
  evaluation: { id: 'Penilaian kinerja', en: 'Evaluation' },
  scoring_run: { id: 'Proses penilaian', en: 'Scoring run' },
  feedback: { id: 'Umpan balik', en: 'Feedback' },
  fairness_run: { id: 'Perhitungan sinyal keadilan', en: 'Fairness run' },
  signal: { id: 'Sinyal', en: 'Signal' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Noun = keyof typeof nouns;

/** An instant as the API carries it (ISO 8601 with a time and an offset): what a message shows in WIB. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** WIB (UTC+7, Asia/Jakarta) has no daylight saving, so a fixed offset is exact. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/**
 * An instant as a person in Medan reads it: `2026-11-27 09:52 WIB`, with seconds only when they are not zero
 * (two times a few seconds apart still read apart). Anything else is shown as given.
 */
export function wibTime(value: string): string {
  const at = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return value;
  const local = new Date(at + WIB_OFFSET_MS).toISOString();
  const seconds = local.slice(17, 19) === '00' ? '' : local.slice(16, 19);
  return `${local.slice(0, 10)} ${local.slice(11, 16)}${seconds} WIB`;
}

export function render(code: MessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  // A code missing from this bundle is never expected (test/unit/messages-bundles.test.ts); the code still says what failed.
  const template = known[code]?.[lang] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (key === 'what' && typeof value === 'string' && value in nouns) return nouns[value as Noun][lang];
    if (key === 'reason' && value && typeof value === 'object' && lang in value)
      return String((value as Record<Lang, string>)[lang]);
    if (typeof value === 'string') return wibTime(value);
    return value === undefined ? `{${key}}` : String(value);
  });
}

export function negotiateLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  // The first language the client lists that we speak wins; anything else falls back to Indonesian.
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().toLowerCase().split(';')[0] ?? '';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
  }
  return 'id';
}

/**
 * A request-shape problem (a zod issue) as one sentence in the caller's language, naming what is expected in words.
 * The edge hands it to zod as the error map instead of zod's locale packs, which say "expected number, received
 * NaN" or print a regular expression, and weigh more. The issue is typed structurally: no zod import here.
 */
import type { Lang } from './catalogue.ts';

/** The parts of a zod issue the sentences use (zod's raw issue satisfies it). */
export interface ValidationIssue {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint | Date;
  maximum?: number | bigint | Date;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  prefix?: string;
  suffix?: string;
  includes?: string;
  divisor?: number | bigint;
  keys?: string[];
  values?: unknown[];
  options?: unknown[];
}

/** [Bahasa Indonesia, English] */
type Words = [string, string];

/** What a value is, as the object of "harus berupa …" / "must be …". */
const kinds: Record<string, Words> = {
  string: ['teks', 'text'],
  number: ['angka', 'a number'],
  int: ['bilangan bulat', 'a whole number'],
  boolean: ['true atau false', 'true or false'],
  object: ['objek JSON', 'a JSON object'],
  array: ['daftar (array JSON)', 'a list (JSON array)'],
  null: ['null', 'null'],
};

/** Named string formats, likewise. A regular expression is never shown: the API documentation describes it. */
const formats: Record<string, Words> = {
  date: ['tanggal yang sah, YYYY-MM-DD (mis. 2026-12-01)', 'a valid date, YYYY-MM-DD (e.g. 2026-12-01)'],
  datetime: [
    'tanggal dan jam ISO 8601 (mis. 2026-12-01T08:00:00Z)',
    'an ISO 8601 date and time (e.g. 2026-12-01T08:00:00Z)',
  ],
  email: ['alamat e-mail yang sah', 'a valid e-mail address'],
  url: ['alamat web (URL) yang sah', 'a valid web address (URL)'],
};

/** What a length counts, by the kind of value measured. */
const units: Record<string, Words> = {
  string: ['karakter', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  map: ['entri', 'entries'],
  file: ['byte', 'bytes'],
};

/** "A, B atau C" / "A, B or C"; with `and`, "A, B dan C" / "A, B and C". */
function list(values: unknown[], en: boolean, and?: boolean): string {
  const shown = values.map((v) => (typeof v === 'string' ? v : String(JSON.stringify(v))));
  const last = shown.pop();
  return shown.length ? `${shown.join(', ')} ${[and ? 'dan' : 'atau', and ? 'and' : 'or'][+en]} ${last}` : `${last}`;
}

const bound = (v: number | bigint | Date | undefined) => (v instanceof Date ? v.toISOString().slice(0, 10) : `${v}`);

function size(issue: ValidationIssue, en: boolean, least: boolean): string {
  const limit = bound(least ? issue.minimum : issue.maximum);
  const unit = units[issue.origin!];
  if (unit) {
    if (least && limit === '1' && !issue.exact)
      return issue.origin === 'string'
        ? ['Kolom ini tidak boleh kosong.', 'This field must not be empty.'][+en]!
        : ['Daftar ini tidak boleh kosong.', 'This list must not be empty.'][+en]!;
    const how = issue.exact
      ? ['tepat', 'exactly']
      : least
        ? ['paling sedikit', 'at least']
        : ['paling banyak', 'at most'];
    return en ? `The value must contain ${how[1]} ${limit} ${unit[1]}.` : `Isinya harus ${how[0]} ${limit} ${unit[0]}.`;
  }
  const how = issue.exact
    ? ['tepat', 'exactly']
    : least
      ? issue.inclusive
        ? ['paling kecil', 'at least']
        : ['lebih dari', 'greater than']
      : issue.inclusive
        ? ['paling besar', 'at most']
        : ['kurang dari', 'less than'];
  return en ? `The value must be ${how[1]} ${limit}.` : `Nilainya harus ${how[0]} ${limit}.`;
}

/** "must be …" / "harus berupa …" of a kind or format. */
const mustBe = (what: Words, en: boolean, not = '') =>
  en
    ? `The value must be ${what[1]}${not && `, not ${not}`}.`
    : `Isian harus berupa ${what[0]}${not && `, bukan ${not}`}.`;

const seeDocs = (en: boolean) =>
  en
    ? 'The value is not in the form this field expects; see its description in the API documentation.'
    : 'Bentuk isian tidak sesuai untuk kolom ini; lihat keterangannya di dokumentasi API.';

export function validationMessage(issue: ValidationIssue, lang: Lang): string {
  const en = lang === 'en';
  const { input } = issue;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return en ? 'This field is required.' : 'Kolom ini wajib diisi.';
      const expected = kinds[issue.expected === 'bigint' ? 'int' : issue.expected!];
      if (!expected) return seeDocs(en);
      const got = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
      // NaN (a number that failed to read) or a fraction for a whole number is still a number: "not a number" misleads.
      const received =
        got === 'number' && issue.expected !== 'string' && issue.expected !== 'boolean' ? undefined : kinds[got];
      return mustBe(expected, en, received?.[+en]);
    }
    case 'too_small':
      return size(issue, en, true);
    case 'too_big':
      return size(issue, en, false);
    case 'invalid_format': {
      const affix = issue.prefix ?? issue.suffix ?? issue.includes;
      if (affix !== undefined) {
        const how = { starts_with: ['diawali', 'start with'], ends_with: ['diakhiri', 'end with'] }[
          issue.format as 'starts_with'
        ] ?? ['memuat', 'contain'];
        return en ? `The text must ${how[1]} "${affix}".` : `Teksnya harus ${how[0]} "${affix}".`;
      }
      const format = formats[issue.format!];
      return format ? mustBe(format, en) : seeDocs(en);
    }
    case 'not_multiple_of':
      return en ? `The value must be a multiple of ${issue.divisor}.` : `Nilainya harus kelipatan ${issue.divisor}.`;
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      return en
        ? keys.length > 1
          ? `This request has no fields ${list(keys, en, true)}: remove them.`
          : `This request has no field ${keys[0]}: remove it.`
        : `Kolom ${list(keys, en, true)} tidak dikenal permintaan ini: hapuslah.`;
    }
    case 'invalid_union':
      // A discriminated union names the kinds it knows; a plain one can only say that none of its forms fit.
      return issue.options?.length
        ? en
          ? `The value must be ${list(issue.options, en)}.`
          : `Isian harus ${list(issue.options, en)}.`
        : seeDocs(en);
    case 'invalid_value':
      return en ? `The value must be ${list(issue.values ?? [], en)}.` : `Isian harus ${list(issue.values ?? [], en)}.`;
    case 'invalid_key':
      return en ? 'A key in this value is not valid.' : 'Ada kunci yang tidak sah di dalam isian ini.';
    case 'invalid_element':
      return en ? 'An entry in this value is not valid.' : 'Ada isi yang tidak sah di dalam isian ini.';
    default:
      // `custom`: a refinement without its own message.
      return en
        ? 'The value does not meet the rule of this field; see the API documentation.'
        : 'Isian tidak memenuhi aturan kolom ini; lihat dokumentasi API.';
  }
}

/** A number DynamoDB cannot store exactly (see storableNumber in shared/api/schemas.ts). */
export const unstorableNumberMessage = (value: number, lang: Lang): string =>
  lang === 'en'
    ? `The number ${value} cannot be stored exactly: send 0, or a number between 1e-130 and 9007199254740991 (2^53 − 1) in size.`
    : `Angka ${value} tidak bisa disimpan dengan tepat: kirim 0, atau angka yang besarnya antara 1e-130 dan 9007199254740991 (2^53 − 1).`;

/** A character no text may hold (see unsafeCharacterIn in shared/api/schemas.ts), named by its code point. */
export const unsafeCharacterMessage = (codePoint: string, lang: Lang): string =>
  lang === 'en'
    ? `The text contains the invisible character ${codePoint} (a control or text-direction character, or a broken one): remove it and send again.`
    : `Teks ini memuat karakter tak terlihat ${codePoint} (karakter kontrol, pengatur arah teks, atau karakter rusak): hapus lalu kirim ulang.`;

/** A request body whose bytes are not UTF-8. */
export const invalidEncodingMessage = (lang: Lang): string =>
  lang === 'en'
    ? 'The request body is not valid UTF-8 text: save or send it as UTF-8 and try again.'
    : 'Isi permintaan bukan teks UTF-8 yang sah: simpan atau kirim sebagai UTF-8 lalu ulangi.';

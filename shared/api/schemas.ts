/** Request and response shapes shared by several operations (zod/mini: small bundles, same JSON Schema). */
import * as z from 'zod/mini';
import { unitKinds } from '../domain/units.ts';

const describe = (description: string, examples?: unknown[]) =>
  z.meta({ description, ...(examples ? { examples } : {}) });
/** A description (and examples) for the OpenAPI document. */
export const meta = describe;

/**
 * Whether DynamoDB stores a number exactly: 0, or a magnitude from 1e-130 (its smallest) up to 2^53 − 1 (beyond,
 * JavaScript itself has lost digits). Every request value is held to it at the edge (shared/http/handler.ts).
 */
export const storableNumber = (n: number): boolean =>
  n === 0 || (Number.isFinite(n) && Math.abs(n) >= 1e-130 && Math.abs(n) <= Number.MAX_SAFE_INTEGER);

/**
 * Characters no text of a request may hold (checked at the edge for every string): control characters other than
 * tab and line breaks (NUL…), the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069: they
 * reorder what a reader sees), U+FFFD (a decoder replaced bytes that were not text) and lone surrogates.
 */
const UNSAFE_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]|\p{Cs}/u;

/** The first character of `text` no request may hold, as U+XXXX; undefined if there is none. */
export function unsafeCharacterIn(text: string): string | undefined {
  const found = UNSAFE_CHARACTER.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Free text, trimmed, not empty. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const performanceYear = z.coerce
  .number()
  .check(z.int(), z.minimum(2020), z.maximum(2100), describe('Tahun kinerja / performance year', [2026]));

/** A period of a performance year: a month, a quarter, or the year itself. */
export const periodId = z
  .string()
  .check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/), describe('Periode: YYYY-MM, YYYY-Qn, atau YYYY', ['2026-11']));

/** A time of day in WIB; 24:00 closes the day. */
export const wibTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/), describe('Jam WIB, HH:MM (24:00 menutup hari)', ['08:00']));

export const nipParam = z
  .string()
  .check(
    z.regex(/^(me|\d{18})$/),
    describe('NIP (18 angka) atau `me` untuk diri sendiri / 18-digit NIP, or `me` for yourself', [
      'me',
      '198203152006041002',
    ]),
  );

/** Shape only; the NIP rules themselves (dates, sex digit, sequence) give their own precise error. */
export const nip = z
  .string()
  .check(z.minLength(1), z.maxLength(40), describe('NIP, 18 angka / 18 digits', ['198203152006041002']));

export const unitCode = z
  .string()
  .check(
    z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
    describe('Kode unit: huruf besar, angka, tanda hubung / unit code: capitals, digits, hyphens', ['DISDUKCAPIL']),
  );

export const isoDate = z.string().check(z.iso.date(), describe('Tanggal (WIB), YYYY-MM-DD', ['2026-12-01']));

export const pageQuery = z.object({
  limit: z.optional(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100), describe('Jumlah per halaman (1–100, bawaan 25)')),
  ),
  cursor: z.optional(
    z.string().check(z.maxLength(2000), describe('nextCursor dari halaman sebelumnya / from the previous page')),
  ),
});

export const employmentType = z.enum(['PNS', 'PPPK']);
export const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
export const position = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
export const email = z.string().check(z.email());

/** One CSV row after parsing: the same field schemas as a create, so an import accepts exactly what the API does. */
export const importRow = z.object({
  nip,
  name,
  position,
  unitCode,
  supervisorNip: z.optional(z.nullable(nip)),
  employmentType: z.optional(employmentType),
  email: z.optional(email),
});
export const unitKind = z.enum(unitKinds);

export const employee = import.meta.bundled
  ? undefined!
  : z.object({
      nip: z.string(),
      name: z.string(),
      position: z.string(),
      employmentType,
      unitCode: z.string(),
      unitPath: z.string(),
      supervisorNip: z.optional(z.nullable(z.string())),
      email: z.optional(z.string()),
      status: z.enum(['active', 'inactive']),
      version: z.number(),
      createdAt: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    });

export const employeeSummary = import.meta.bundled
  ? undefined!
  : z.object({
      nip: z.string(),
      name: z.string(),
      position: z.string(),
      unitCode: z.string(),
      supervisorNip: z.optional(z.nullable(z.string())),
    });

export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });

export const unit = import.meta.bundled
  ? undefined!
  : z.object({
      code: z.string(),
      name: z.string(),
      kind: unitKind,
      parentCode: z.optional(z.string()),
      path: z.string(),
      version: z.number(),
    });

export const actingAssignment = import.meta.bundled
  ? undefined!
  : z.object({
      id: z.string(),
      actingNip: z.string(),
      forNip: z.string(),
      kind: z.enum(['PLT', 'PLH']),
      startDate: z.string(),
      endDate: z.string(),
      decreeNumber: z.optional(z.string()),
      createdAt: z.string(),
    });

export const auditEntry = import.meta.bundled
  ? undefined!
  : z.object({
      id: z.string(),
      at: z.string(),
      entity: z.string(),
      entityId: z.string(),
      action: z.enum(['created', 'updated', 'deleted', 'viewed']),
      actor: z.string(),
      requestId: z.optional(z.string()),
      subjectNip: z.optional(z.string()),
      changedFields: z.array(z.string()),
      before: z.optional(z.record(z.string(), z.unknown())),
      after: z.optional(z.record(z.string(), z.unknown())),
    });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().check(describe('Kode tetap untuk program / stable code for programs', ['validation_failed'])),
      message: z.string().check(describe('Pesan untuk manusia (id, atau en dengan Accept-Language: en)')),
      details: z.optional(z.unknown()),
    }),
  })
  .check(z.meta({ id: 'Error', description: 'Jawaban galat / an error answer' }));

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { email, isoDate, performanceYear, periodId, text } from '../../shared/api/schemas.ts';
import type { Lang } from '../../shared/messages/catalogue.ts';
import { type ValidationIssue, validationMessage } from '../../shared/messages/validation.ts';

/** The first issue's message, with our error map, as the edge does it (shared/http/handler.ts parsePart). */
function messageOf(schema: z.ZodMiniType, input: unknown, lang: Lang): { code: string; message: string } {
  const result = schema.safeParse(input, { error: (issue) => validationMessage(issue, lang) });
  if (result.success) throw new Error('expected a validation failure');
  const { code, message } = result.error.issues[0]!;
  return { code, message };
}

const strict = z.strictObject({ name: z.string() });
const kinds = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PLT') }),
  z.object({ kind: z.literal('PLH') }),
]);

const cases: [label: string, schema: z.ZodMiniType, input: unknown, code: string, id: string, en: string][] = [
  [
    'a missing field',
    z.object({ name: z.string() }),
    {},
    'invalid_type',
    'Kolom ini wajib diisi.',
    'This field is required.',
  ],
  [
    'text for a number',
    z.number(),
    'lima',
    'invalid_type',
    'Isian harus berupa angka, bukan teks.',
    'The value must be a number, not text.',
  ],
  [
    'an unreadable number (NaN)',
    performanceYear,
    'abc',
    'invalid_type',
    'Isian harus berupa angka.',
    'The value must be a number.',
  ],
  [
    'a fraction for a whole number',
    performanceYear,
    2026.5,
    'invalid_type',
    'Isian harus berupa bilangan bulat.',
    'The value must be a whole number.',
  ],
  [
    'a number for text',
    z.string(),
    5,
    'invalid_type',
    'Isian harus berupa teks, bukan angka.',
    'The value must be text, not a number.',
  ],
  [
    'an object for a list',
    z.array(z.string()),
    {},
    'invalid_type',
    'Isian harus berupa daftar (array JSON), bukan objek JSON.',
    'The value must be a list (JSON array), not a JSON object.',
  ],
  [
    'a number below the minimum',
    performanceYear,
    2019,
    'too_small',
    'Nilainya harus paling kecil 2020.',
    'The value must be at least 2020.',
  ],
  [
    'a number above the maximum',
    performanceYear,
    2101,
    'too_big',
    'Nilainya harus paling besar 2100.',
    'The value must be at most 2100.',
  ],
  [
    'zero for a positive number',
    z.number().check(z.positive()),
    0,
    'too_small',
    'Nilainya harus lebih dari 0.',
    'The value must be greater than 0.',
  ],
  ['blank text', text(10), '   ', 'too_small', 'Kolom ini tidak boleh kosong.', 'This field must not be empty.'],
  [
    'too long a text',
    text(5),
    'abcdefgh',
    'too_big',
    'Isinya harus paling banyak 5 karakter.',
    'The value must contain at most 5 characters.',
  ],
  [
    'too short a text',
    z.string().check(z.minLength(3)),
    'ab',
    'too_small',
    'Isinya harus paling sedikit 3 karakter.',
    'The value must contain at least 3 characters.',
  ],
  [
    'an empty list',
    z.array(z.string()).check(z.minLength(1)),
    [],
    'too_small',
    'Daftar ini tidak boleh kosong.',
    'This list must not be empty.',
  ],
  [
    'too long a list',
    z.array(z.string()).check(z.maxLength(2)),
    ['a', 'b', 'c'],
    'too_big',
    'Isinya harus paling banyak 2 item.',
    'The value must contain at most 2 items.',
  ],
  [
    'an impossible date',
    isoDate,
    '2026-02-30',
    'invalid_format',
    'Isian harus berupa tanggal yang sah, YYYY-MM-DD (mis. 2026-12-01).',
    'The value must be a valid date, YYYY-MM-DD (e.g. 2026-12-01).',
  ],
  [
    'a bad e-mail address',
    email,
    'budi',
    'invalid_format',
    'Isian harus berupa alamat e-mail yang sah.',
    'The value must be a valid e-mail address.',
  ],
  [
    'a pattern mismatch (never shows the pattern)',
    periodId,
    '2026-13',
    'invalid_format',
    'Bentuk isian tidak sesuai untuk kolom ini; lihat keterangannya di dokumentasi API.',
    'The value is not in the form this field expects; see its description in the API documentation.',
  ],
  [
    'a missing prefix',
    z.string().check(z.startsWith('BKD-')),
    'X',
    'invalid_format',
    'Teksnya harus diawali "BKD-".',
    'The text must start with "BKD-".',
  ],
  [
    'not a multiple',
    z.number().check(z.multipleOf(15)),
    20,
    'not_multiple_of',
    'Nilainya harus kelipatan 15.',
    'The value must be a multiple of 15.',
  ],
  [
    'one unknown field',
    strict,
    { name: 'a', nama: 'b' },
    'unrecognized_keys',
    'Kolom nama tidak dikenal permintaan ini: hapuslah.',
    'This request has no field nama: remove it.',
  ],
  [
    'unknown fields',
    strict,
    { name: 'a', x: 1, y: 2 },
    'unrecognized_keys',
    'Kolom x dan y tidak dikenal permintaan ini: hapuslah.',
    'This request has no fields x and y: remove them.',
  ],
  [
    'an unknown kind',
    kinds,
    { kind: 'X' },
    'invalid_union',
    'Isian harus PLT atau PLH.',
    'The value must be PLT or PLH.',
  ],
  [
    'no form of a union',
    z.union([z.string(), z.number()]),
    true,
    'invalid_union',
    'Bentuk isian tidak sesuai untuk kolom ini; lihat keterangannya di dokumentasi API.',
    'The value is not in the form this field expects; see its description in the API documentation.',
  ],
  [
    'a value outside an enum',
    z.enum(['PNS', 'PPPK', 'CPNS']),
    'HONORER',
    'invalid_value',
    'Isian harus PNS, PPPK atau CPNS.',
    'The value must be PNS, PPPK or CPNS.',
  ],
  ['a wrong literal', z.literal(true), false, 'invalid_value', 'Isian harus true.', 'The value must be true.'],
  [
    'a bad record key',
    z.record(z.string().check(z.regex(/^\d{4}$/)), z.number()),
    { abc: 1 },
    'invalid_key',
    'Ada kunci yang tidak sah di dalam isian ini.',
    'A key in this value is not valid.',
  ],
  [
    'a refinement without its own message',
    z.number().check(z.refine((n) => n % 2 === 0)),
    3,
    'custom',
    'Isian tidak memenuhi aturan kolom ini; lihat dokumentasi API.',
    'The value does not meet the rule of this field; see the API documentation.',
  ],
];

describe('validation messages', () => {
  it.each(cases)('%s', (_label, schema, input, code, id, en) => {
    expect(messageOf(schema, input, 'id')).toEqual({ code, message: id });
    expect(messageOf(schema, input, 'en')).toEqual({ code, message: en });
  });

  // zod raises these only for maps and sets, which no request carries; the sentences still exist.
  it.each([
    [
      { code: 'invalid_element', origin: 'set' },
      'Ada isi yang tidak sah di dalam isian ini.',
      'An entry in this value is not valid.',
    ],
    [
      { code: 'too_big', origin: 'map', maximum: 3, inclusive: true },
      'Isinya harus paling banyak 3 entri.',
      'The value must contain at most 3 entries.',
    ],
  ] as [ValidationIssue, string, string][])('%o', (issue, id, en) => {
    expect(validationMessage(issue, 'id')).toBe(id);
    expect(validationMessage(issue, 'en')).toBe(en);
  });

  it('keeps a message the schema gives itself', () => {
    const schema = z
      .object({})
      .check(z.refine(() => false, { message: 'Tidak ada kolom yang diubah / nothing to change' }));
    expect(messageOf(schema, {}, 'en').message).toBe('Tidak ada kolom yang diubah / nothing to change');
  });

  it('never shows a regular expression or a raw type name', () => {
    for (const [, schema, input] of cases)
      for (const lang of ['id', 'en'] as const)
        expect(messageOf(schema, input, lang).message).not.toMatch(/\^|\$\/|expected|received|NaN|undefined/);
  });
});

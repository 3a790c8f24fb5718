import { describe, expect, it } from 'vitest';
import { allMessages as messages } from '../../shared/messages/all.ts';
import { type Lang, type MessageCode, negotiateLang, nouns, render } from '../../shared/messages/catalogue.ts';

const languages: [acceptLanguage: string | undefined, expected: Lang][] = [
  ['en', 'en'],
  ['EN', 'en'],
  ['en-US,en;q=0.9', 'en'],
  ['en-GB', 'en'],
  ['id', 'id'],
  ['id-ID', 'id'],
  ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
  ['in', 'id'],
  ['fr', 'id'],
  ['fr, en;q=0.5', 'en'],
  ['de-DE, fr;q=0.8, id;q=0.5, en;q=0.3', 'id'],
  [' fr ,  en-US ;q=0.5', 'en'],
  ['*', 'id'],
  ['', 'id'],
  [undefined, 'id'],
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const codes = Object.keys(messages) as MessageCode[];

const renders: [label: string, code: MessageCode, lang: Lang, params: Record<string, unknown>, expected: string][] = [
  [
    'params filled (id)',
    'unit_not_found',
    'id',
    { code: 'KTP' },
    'Unit kerja dengan kode KTP tidak ada. Buat unitnya dulu atau periksa kodenya.',
  ],
  [
    'params filled (en)',
    'unit_not_found',
    'en',
    { code: 'KTP' },
    'There is no unit with code KTP. Create the unit first or check the code.',
  ],
  [
    'several params, numbers as text',
    'version_conflict',
    'en',
    { current: 3, sent: 2 },
    'Someone else changed this record (current version 3, you sent 2). Reload it and apply your change again.',
  ],
  [
    'a missing param stays visible',
    'version_conflict',
    'en',
    { current: 3 },
    'Someone else changed this record (current version 3, you sent {sent}). Reload it and apply your change again.',
  ],
  [
    'no params at all',
    'route_not_found',
    'id',
    {},
    'Alamat {method} {path} tidak dikenal. Lihat /docs untuk daftar endpoint.',
  ],
  [
    'a message without placeholders',
    'self_supervisor',
    'en',
    { nip: 'x' },
    'An employee cannot be their own supervisor.',
  ],
  ['noun in Indonesian', 'not_found', 'id', { what: 'employee' }, 'Pegawai tidak ditemukan di organisasi Anda.'],
  ['noun in English', 'not_found', 'en', { what: 'employee' }, 'Employee was not found in your organisation.'],
  ['another noun', 'already_exists', 'id', { what: 'unit' }, 'Unit kerja sudah ada.'],
  ['a what that is not a noun is shown as given', 'already_exists', 'en', { what: 'KTP' }, 'KTP already exists.'],
  [
    'bilingual reason in Indonesian',
    'forbidden',
    'id',
    { reason: { id: 'hanya Auditor', en: 'auditors only' } },
    'Anda tidak berwenang untuk tindakan ini: hanya Auditor.',
  ],
  [
    'bilingual reason in English',
    'forbidden',
    'en',
    { reason: { id: 'hanya Auditor', en: 'auditors only' } },
    'You are not allowed to do this: auditors only.',
  ],
  [
    'plain string reason',
    'invalid_json',
    'en',
    { reason: 'Unexpected token' },
    'The request body is not valid JSON: Unexpected token.',
  ],
  [
    'NIP reason from the NIP check',
    'invalid_nip',
    'en',
    { nip: '123', reason: { id: 'NIP harus 18 angka', en: 'a NIP is 18 digits' } },
    'NIP 123 is not valid: a NIP is 18 digits.',
  ],
];

describe('negotiateLang', () => {
  it.each(languages)('%j → %s', (header, expected) => {
    expect(negotiateLang(header)).toBe(expected);
  });
});

describe.each(codes)('message %s', (code) => {
  it('has non-empty Indonesian and English text that differ', () => {
    expect(messages[code].id.trim()).not.toBe('');
    expect(messages[code].en.trim()).not.toBe('');
    expect(messages[code].id).not.toBe(messages[code].en);
  });

  it('uses the same placeholders in both languages', () => {
    expect(placeholders(messages[code].id)).toEqual(placeholders(messages[code].en));
  });

  it('renders with every placeholder filled when all params are given', () => {
    const params = Object.fromEntries(placeholders(messages[code].en).map((p) => [p, `<${p}>`]));
    for (const lang of ['id', 'en'] as const) expect(render(code, lang, params)).not.toMatch(/\{\w+\}/);
  });
});

describe.each(Object.entries(nouns))('noun %s', (_key, noun) => {
  it('has non-empty Indonesian and English', () => {
    expect(noun.id.trim()).not.toBe('');
    expect(noun.en.trim()).not.toBe('');
  });
});

describe('render', () => {
  it.each(renders)('%s', (_label, code, lang, params, expected) => {
    expect(render(code, lang, params)).toBe(expected);
  });
});

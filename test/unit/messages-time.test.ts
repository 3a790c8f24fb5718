/** Times in messages are shown in WIB (Asia/Jakarta), whatever offset the instant was given in. */
import { describe, expect, it } from 'vitest';
import { render, wibTime } from '../../shared/messages/catalogue.ts';

describe('wibTime', () => {
  it.each([
    ['UTC morning', '2026-11-27T02:52:00.000Z', '2026-11-27 09:52 WIB'],
    ['UTC evening crosses into the next WIB day', '2026-11-27T18:30:00.000Z', '2026-11-28 01:30 WIB'],
    ['new year in WIB before UTC', '2026-12-31T17:00:00Z', '2027-01-01 00:00 WIB'],
    ['given in WIB stays as written', '2026-11-27T09:15:00+07:00', '2026-11-27 09:15 WIB'],
    ['given in WITA (+08:00)', '2026-11-27T10:15:00+08:00', '2026-11-27 09:15 WIB'],
    ['seconds shown when they matter', '2026-11-27T02:52:07.000Z', '2026-11-27 09:52:07 WIB'],
    ['without seconds', '2026-11-27T02:52Z', '2026-11-27 09:52 WIB'],
    ['leap day', '2028-02-28T20:00:00Z', '2028-02-29 03:00 WIB'],
  ])('%s', (_label, value, expected) => {
    expect(wibTime(value)).toBe(expected);
  });

  it.each([
    ['a calendar date', '2026-11-27'],
    ['a time of day', '09:15'],
    ['a NIP', '199001012015031001'],
    ['an instant without an offset (ambiguous)', '2026-11-27T09:15:00'],
    ['an impossible month', '2026-13-27T09:15:00Z'],
    ['text', 'receivedAt'],
  ])('leaves %s as given', (_label, value) => {
    expect(wibTime(value)).toBe(value);
  });
});

describe('messages that show a time', () => {
  it.each([
    [
      'completion_before_receipt',
      'id',
      { receivedAt: '2026-11-27T03:00:00.000Z', completedAt: '2026-11-27T02:52:00.000Z' },
      'Waktu selesai (2026-11-27 09:52 WIB) lebih awal dari waktu diterima (2026-11-27 10:00 WIB).',
    ],
    [
      'completion_before_receipt',
      'en',
      { receivedAt: '2026-11-27T03:00:00.000Z', completedAt: '2026-11-27T02:52:00.000Z' },
      'Completion (2026-11-27 09:52 WIB) is before receipt (2026-11-27 10:00 WIB).',
    ],
    [
      'transaction_in_future',
      'id',
      { field: 'completedAt', at: '2026-11-30T20:00:00.000Z' },
      'completedAt (2026-12-01 03:00 WIB) ada di masa depan. Periksa jam sistem pengirim.',
    ],
  ] as const)('%s (%s)', (code, lang, params, expected) => {
    expect(render(code, lang, params)).toBe(expected);
    expect(render(code, lang, params)).not.toMatch(/\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);
  });
});

/** The period page's pure parts: a unit's distribution as rows against its curve, and the CSV's file name. */
import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../../web/src/api/file-name.ts';
import { curveRows } from '../../web/src/pages/periods/curve.ts';

const counts = (c: Partial<Record<string, number>>) => ({
  sangat_baik: 0,
  baik: 0,
  butuh_perbaikan: 0,
  kurang: 0,
  sangat_kurang: 0,
  ...c,
});

describe('curveRows', () => {
  it('gives each predikat its count and share, with the bound about it and whether the API found it broken', () => {
    const rows = curveRows({
      employees: 10,
      counts: counts({ baik: 8, butuh_perbaikan: 2 }),
      curve: [
        { rule: 'Baik ≤ 70%', predikats: ['baik'], max: 70 },
        { rule: 'paling sedikit satu', predikats: ['butuh_perbaikan', 'kurang'], minCount: 1 },
      ],
      violations: [{ rule: 'Baik ≤ 70%' }],
    });
    expect(rows.map((r) => [r.predikats.join('+'), r.count, r.share, r.bound?.rule ?? null, r.violated])).toEqual([
      ['sangat_baik', 0, 0, null, false],
      ['baik', 8, 80, 'Baik ≤ 70%', true],
      ['butuh_perbaikan', 2, 20, null, false],
      ['kurang', 0, 0, null, false],
      ['sangat_kurang', 0, 0, null, false],
      // A line about two predikat together gets a row of its own: their sum.
      ['butuh_perbaikan+kurang', 2, 20, 'paling sedikit satu', false],
    ]);
  });

  it.each([
    ['no one rated', 0, counts({}), [0, 0, 0, 0, 0]],
    ['one of three', 3, counts({ baik: 1, kurang: 2 }), [0, 100 / 3, 0, 200 / 3, 0]],
  ])('%s: shares of the rated employees', (_label, employees, c, shares) => {
    expect(curveRows({ employees, counts: c, curve: [], violations: [] }).map((r) => r.share)).toEqual(shares);
  });
});

describe('fileNameOf', () => {
  it.each([
    ['attachment; filename="tunjangan-DISDUKCAPIL-2026-11.csv"', 'tunjangan-DISDUKCAPIL-2026-11.csv'],
    ['attachment; filename=plain.csv', 'plain.csv'],
    ['attachment; filename="a.csv"; filename*=UTF-8\'\'daftar%20penghargaan.csv', 'daftar penghargaan.csv'],
    ['attachment', 'fallback.csv'],
    [null, 'fallback.csv'],
  ])('%s → %s', (header, name) => {
    expect(fileNameOf(header, 'fallback.csv')).toBe(name);
  });
});

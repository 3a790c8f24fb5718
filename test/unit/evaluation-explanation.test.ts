import { describe, expect, it } from 'vitest';
import { computeEvaluation, type Evaluation, type ScoredPlan } from '../../shared/domain/evaluation.ts';
import { explanationOf } from '../../shared/domain/explanation.ts';
import { defaultRules } from '../../shared/domain/rules.ts';
import type { UnitPredikat } from '../../shared/domain/scoring.ts';

const now = '2026-12-09T01:00:00.000Z';
const person = {
  nip: '199001012015011001',
  name: 'Siti',
  position: 'Pengadministrasi',
  unitCode: 'DUK-IDK',
  unitPath: '/PEMKOT/DUK/DUK-IDK/',
  supervisorNip: '198501012010011002',
};
const plan: ScoredPlan = {
  planVersion: 2,
  state: 'approved',
  effectiveFrom: '2026-01-01',
  rhk: [
    {
      id: 'r1',
      kind: 'utama',
      title: 'Pelayanan KTP-el',
      iki: [
        {
          id: 'k1',
          name: 'KTP-el terekam',
          aspect: 'kuantitas',
          target: { kind: 'single', value: 1200 },
          unit: 'dokumen',
          direction: 'higher',
          weight: 60,
        },
        {
          id: 'k2',
          name: 'Keluhan',
          aspect: 'kualitas',
          target: { kind: 'single', value: 10 },
          unit: 'keluhan',
          direction: 'lower',
          weight: 40,
        },
      ],
    },
  ],
};
const allSesuai = {
  berorientasi_pelayanan: 'sesuai',
  akuntabel: 'sesuai',
  kompeten: 'sesuai',
  harmonis: 'sesuai',
  loyal: 'sesuai',
  adaptif: 'sesuai',
  kolaboratif: 'sesuai',
} as const;

/** An evaluation as the run computes it: k1 110 of 100 this month (above), k2 9 complaints of at most 10 (110, above). */
function scored(
  over: {
    versions?: ScoredPlan[];
    isHead?: boolean;
    unitPredikat?: UnitPredikat | null;
    rules?: typeof defaultRules;
  } = {},
): Evaluation {
  const computed = computeEvaluation(
    person,
    over.isHead ?? false,
    {
      period: { id: '2026-11', kind: 'month', end: '2026-11-30' },
      rules: { ...(over.rules ?? defaultRules), rulesVersion: 1 },
      unitPredikat: over.unitPredikat ?? null,
      runId: 'run-1',
    },
    {
      versions: over.versions ?? [plan],
      approved: new Map([
        ['k1', 110],
        ['k2', 9],
      ]),
    },
    now,
  );
  return { ...computed, version: 0 };
}

describe('explanationOf', () => {
  it("shows each indicator's formula with the rules it was scored with", () => {
    const x = explanationOf(scored(), 'scored', defaultRules);
    expect(x.inputs).toMatchObject({
      planVersion: 2,
      rulesVersion: 1,
      rules: { capaianCap: 120, aboveThreshold: 110, meetsThreshold: 90 },
      runId: 'run-1',
      computedAt: now,
    });
    expect(x.indicators.map((i) => i.text)).toEqual([
      'target periode = target tahunan × 1/12; capaian = realisasi / target × 100 = 110 / 100 × 100 = 110; dibatasi 120 → 110; di atas ekspektasi (di atas bila ≥ 110, sesuai bila ≥ 90).',
      'capaian = (2 − realisasi / target) × 100 = (2 − 9 / 10) × 100, paling rendah 0 = 110; dibatasi 120 → 110; di atas ekspektasi (di atas bila ≥ 110, sesuai bila ≥ 90).',
    ]);
    expect(x.indicators[0]).toMatchObject({
      months: 1,
      realisasiSource: { kind: 'activities', record: 'TOTAL#2026-11#IKI#k1', field: 'approvedQuantity' },
    });
    expect(x.nilaiKinerja).toEqual({
      value: 110,
      rounded: 110,
      text: 'nilai kinerja = Σ(capaian dibatasi × bobot) / Σ bobot = (110 × 60 + 110 × 40) / 100 = 110',
    });
  });

  it("names the organisation's own rules, not the defaults", () => {
    const rules = { ...defaultRules, capaianCap: 105, aboveThreshold: 104, meetsThreshold: 80 };
    const x = explanationOf(scored({ rules }), 'scored', rules);
    expect(x.inputs.rules).toEqual({ capaianCap: 105, aboveThreshold: 104, meetsThreshold: 80 });
    expect(x.indicators[0]!.text).toBe(
      'target periode = target tahunan × 1/12; capaian = realisasi / target × 100 = 110 / 100 × 100 = 110; dibatasi 105 → 105; di atas ekspektasi (di atas bila ≥ 104, sesuai bila ≥ 80).',
    );
  });

  it('formats fractions with two decimals and a missing capaian as a dash', () => {
    const e = scored();
    e.hasilKerja!.indicators[0] = {
      ...e.hasilKerja!.indicators[0]!,
      realisasi: null,
      capaian: null,
      cappedCapaian: 0,
      level: 'below',
    };
    e.hasilKerja!.indicators[1] = {
      ...e.hasilKerja!.indicators[1]!,
      capaian: 100 / 3,
      cappedCapaian: 100 / 3,
      level: 'below',
    };
    const [none, third] = explanationOf(e, 'scored', defaultRules).indicators.map((i) => i.text);
    expect(none).toBe(
      'Realisasi belum ada: capaian dihitung 0 = -; dibatasi 120 → 0; di bawah ekspektasi (di atas bila ≥ 110, sesuai bila ≥ 90).',
    );
    expect(third).toMatch(/= 33\.33; dibatasi 120 → 33\.33; di bawah ekspektasi/);
  });

  it.each([
    [
      'the majority rule over the utama indicators',
      scored(),
      'Di Atas bila paling sedikit separuh IKI utama di atas ekspektasi dan tidak ada yang di bawah; Di Bawah bila lebih dari separuh IKI utama di bawah; selain itu Sesuai. Hasil: Di Atas Ekspektasi.',
    ],
    ['no approved plan', scored({ versions: [] }), 'Tanpa SKP yang disetujui: Di Bawah Ekspektasi.'],
    [
      'the head of a unit with its predikat',
      scored({ isHead: true, unitPredikat: 'baik' }),
      'Pimpinan unit: hasil kerja mengikuti predikat unit "baik" (istimewa → Di Atas, baik → Sesuai, lainnya → Di Bawah).',
    ],
    [
      'the head of a unit without one yet: the plan',
      scored({ isHead: true }),
      'Di Atas bila paling sedikit separuh IKI utama di atas ekspektasi dan tidak ada yang di bawah; Di Bawah bila lebih dari separuh IKI utama di bawah; selain itu Sesuai. Hasil: Di Atas Ekspektasi.',
    ],
  ])('explains hasil kerja: %s', (_label, e, text) => {
    expect(explanationOf(e, 'scored', defaultRules).hasilKerja.text).toBe(text);
  });

  it('without an approved plan there is nothing to weigh', () => {
    const x = explanationOf(scored({ versions: [] }), 'scored', defaultRules);
    expect(x.indicators).toEqual([]);
    expect(x.nilaiKinerja).toEqual({
      value: 0,
      rounded: 0,
      text: 'Tidak ada SKP yang disetujui untuk periode ini: tidak ada indikator untuk dinilai.',
    });
    expect(x.inputs.planVersion).toBeNull();
  });

  it('waits for the behaviour ratings before a predikat', () => {
    const x = explanationOf(scored(), 'closed', defaultRules);
    expect(x.periodState).toBe('closed');
    expect(x.perilaku).toEqual({ values: null, recommended: null, text: 'Atasan belum mengisi penilaian perilaku.' });
    expect(x.predikat).toMatchObject({
      predikat: null,
      source: 'recommendation',
      text: 'Predikat menunggu penilaian perilaku.',
    });
    expect([x.review, x.appeal]).toEqual([null, null]);
  });

  it('names the source of the predikat in force: recommendation, review, appeal', () => {
    const rated = { ...scored(), behaviour: { values: allSesuai, by: 'nip:2', at: now } };
    const x = explanationOf(rated, 'scored', defaultRules);
    expect(x.perilaku.values).toMatchObject({
      'Berorientasi Pelayanan': 'Sesuai Ekspektasi',
      Kolaboratif: 'Sesuai Ekspektasi',
    });
    expect(x.perilaku.text).toBe('Aturan mayoritas yang sama atas tujuh nilai BerAKHLAK: Sesuai Ekspektasi.');
    expect(x.predikat.text).toBe(
      'Matriks PermenPANRB 6/2022: hasil kerja Di Atas Ekspektasi × perilaku Sesuai Ekspektasi = Baik (rekomendasi sistem).',
    );

    const review = {
      hasilKerja: 'sesuai',
      perilaku: 'sesuai',
      predikat: 'baik',
      reasons: { hasilKerja: 'x' },
      by: 'nip:2',
      at: now,
      inputsHash: rated.inputsHash!,
    } as const;
    expect(explanationOf({ ...rated, review }, 'scored', defaultRules).predikat.text).toBe(
      'Matriks PermenPANRB 6/2022: hasil kerja Sesuai Ekspektasi × perilaku Sesuai Ekspektasi = Baik ' +
        '(diubah atasan NIP 2 pada 2026-12-09 08:00 WIB: hasil kerja dari Di Atas Ekspektasi menjadi Sesuai Ekspektasi dengan alasan "x").',
    );
    const revised = {
      hasilKerja: 'di_atas',
      perilaku: 'di_atas',
      predikat: 'sangat_baik',
      reasons: {},
      by: 'nip:3',
      at: now,
    } as const;
    const appeal = {
      reason: 'r',
      filedAt: now,
      state: 'revised',
      decision: { outcome: 'revised', reason: 'd', by: 'nip:3', at: now, revised },
    } as const;
    const appealed = explanationOf({ ...rated, review, appeal }, 'finalised', defaultRules);
    expect(appealed.predikat.text).toBe(
      'Matriks PermenPANRB 6/2022: hasil kerja Di Atas Ekspektasi × perilaku Di Atas Ekspektasi = Sangat Baik ' +
        '(direvisi atas keberatan oleh NIP 3 pada 2026-12-09 08:00 WIB: hasil kerja dari Sesuai Ekspektasi menjadi Di Atas Ekspektasi; ' +
        'perilaku dari Sesuai Ekspektasi menjadi Di Atas Ekspektasi; alasan: "d").',
    );
    expect(appealed.appeal).toEqual(appeal);
    expect(appealed.review).toEqual(review);
  });
});

describe('the explanation says who confirmed or changed the ratings, what, when (WIB) and why', () => {
  const rated = { ...scored(), behaviour: { values: allSesuai, by: 'nip:2', at: now } };
  const names = new Map([[person.supervisorNip, 'Rina Marlina Pohan, S.Sos']]);
  const by = `nip:${person.supervisorNip}`;
  const sourceOf = (e: Evaluation) => {
    const text = explanationOf(e, 'scored', defaultRules, names).predikat.text;
    return text.slice(text.indexOf('(') + 1, -2);
  };
  // Recommended: hasil kerja Di Atas (both IKI above), perilaku Sesuai (all seven values Sesuai).
  it.each<[label: string, review: Partial<NonNullable<Evaluation['review']>>, source: string]>([
    [
      'a confirmation changes nothing',
      { hasilKerja: 'di_atas', perilaku: 'sesuai', predikat: 'baik', reasons: {} },
      `dikonfirmasi atasan Rina Marlina Pohan, S.Sos (NIP ${person.supervisorNip}) pada 2026-12-09 08:00 WIB, sama dengan rekomendasi sistem`,
    ],
    [
      'an override of hasil kerja, with its reason',
      {
        hasilKerja: 'sesuai',
        perilaku: 'sesuai',
        predikat: 'baik',
        reasons: { hasilKerja: 'Target IKI 1 terlalu rendah.' },
      },
      `diubah atasan Rina Marlina Pohan, S.Sos (NIP ${person.supervisorNip}) pada 2026-12-09 08:00 WIB: ` +
        'hasil kerja dari Di Atas Ekspektasi menjadi Sesuai Ekspektasi dengan alasan "Target IKI 1 terlalu rendah."',
    ],
    [
      'an override of both, each with its reason',
      {
        hasilKerja: 'di_bawah',
        perilaku: 'di_atas',
        predikat: 'butuh_perbaikan',
        reasons: { hasilKerja: 'Laporan terlambat.', perilaku: 'Teladan pelayanan.' },
      },
      `diubah atasan Rina Marlina Pohan, S.Sos (NIP ${person.supervisorNip}) pada 2026-12-09 08:00 WIB: ` +
        'hasil kerja dari Di Atas Ekspektasi menjadi Di Bawah Ekspektasi dengan alasan "Laporan terlambat."; ' +
        'perilaku dari Sesuai Ekspektasi menjadi Di Atas Ekspektasi dengan alasan "Teladan pelayanan."',
    ],
    [
      'late in the evening UTC is the next morning in WIB',
      { hasilKerja: 'di_atas', perilaku: 'sesuai', predikat: 'baik', reasons: {}, at: '2026-12-09T18:30:00.000Z' },
      `dikonfirmasi atasan Rina Marlina Pohan, S.Sos (NIP ${person.supervisorNip}) pada 2026-12-10 01:30 WIB, sama dengan rekomendasi sistem`,
    ],
    [
      'someone whose name is not known is named by NIP',
      {
        hasilKerja: 'sesuai',
        perilaku: 'sesuai',
        predikat: 'baik',
        reasons: { hasilKerja: 'r' },
        by: 'nip:198001012005011006',
      },
      'diubah atasan NIP 198001012005011006 pada 2026-12-09 08:00 WIB: hasil kerja dari Di Atas Ekspektasi menjadi Sesuai Ekspektasi dengan alasan "r"',
    ],
  ])('%s', (_label, review, source) => {
    const full = { by, at: now, inputsHash: rated.inputsHash!, ...review } as NonNullable<Evaluation['review']>;
    expect(sourceOf({ ...rated, review: full })).toBe(source);
  });

  it('a review that saw other figures no longer speaks: the recommendation is in force again', () => {
    const review = {
      hasilKerja: 'sesuai',
      perilaku: 'sesuai',
      predikat: 'baik',
      reasons: { hasilKerja: 'x' },
      by,
      at: now,
      inputsHash: 'stale',
    } as const;
    expect(sourceOf({ ...rated, review })).toBe('rekomendasi sistem');
  });
});

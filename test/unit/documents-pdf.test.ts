/**
 * The printed documents' builders (data → pdfmake document definition) and the verifiable prints' rules: what each
 * document says, when it is a DRAFT, how figures and dates are written, and the print codes and fingerprints.
 */
import { describe, expect, it } from 'vitest';
import { angka, printedCode, tanggal } from '../../shared/domain/documents/pdf-common.ts';
import {
  type EvaluationDocumentInput,
  evaluationDocument,
  periodLabel,
} from '../../shared/domain/documents/pdf-evaluation.ts';
import {
  documentRef,
  encodeCode,
  evaluationFingerprint,
  normaliseCode,
  type PrintRecord,
  skpFingerprint,
  verificationView,
} from '../../shared/domain/documents/pdf-prints.ts';
import { type SkpDocumentInput, skpDocument, targetText } from '../../shared/domain/documents/pdf-skp.ts';
import type { PlanState, Rhk } from '../../shared/domain/plans.ts';
import { berakhlak, berakhlakNames, type IndicatorScore } from '../../shared/domain/scoring.ts';

/** Every string a definition would print, in order (text nodes, list items, table cells, QR payloads apart). */
function textsOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return [
      ...(o.text !== undefined ? textsOf(o.text) : []),
      ...['stack', 'columns', 'ul', 'content'].flatMap((k) => (o[k] !== undefined ? textsOf(o[k]) : [])),
      ...(o.table ? textsOf((o.table as { body: unknown }).body) : []),
    ];
  }
  return [];
}
const printed = (definition: Record<string, unknown>) => textsOf(definition.content).join(' | ');
const qrOf = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(qrOf);
  if (node && typeof node === 'object')
    return [
      ...(typeof (node as { qr?: unknown }).qr === 'string' ? [(node as { qr: string }).qr] : []),
      ...Object.values(node).flatMap(qrOf),
    ];
  return [];
};

const staff = {
  name: 'Rahmat Hidayat Daulay',
  nip: '199605212020121003',
  position: 'Pengadministrasi',
  unitName: 'Seksi Identitas Penduduk',
};
const kasi = {
  name: 'Rina Marlina Pohan, S.Sos',
  nip: '198203142006042011',
  position: 'Kepala Seksi',
  unitName: 'Seksi Identitas Penduduk',
};
const kabid = {
  name: 'Drs. Hasan Basri',
  nip: '197501012000031001',
  position: 'Kepala Bidang',
  unitName: 'Bidang Pendaftaran',
};
const verification = { url: 'https://kinerja.example/v/kota-medan/K7Q2M9XJ4TPA3WRE', code: 'K7Q2M9XJ4TPA3WRE' };

const rhk: Rhk[] = [
  {
    id: 'r-1',
    kind: 'utama',
    title: 'Terlayaninya penerbitan KTP-el',
    parentRhkId: 'p-1',
    iki: [
      {
        id: 'k-1',
        name: 'Jumlah KTP-el diterbitkan',
        aspect: 'kuantitas',
        target: { kind: 'single', value: 1200 },
        unit: 'keping',
        direction: 'higher',
        weight: 60,
      },
      {
        id: 'k-2',
        name: 'Waktu layanan',
        aspect: 'waktu',
        target: { kind: 'range', lo: 1, hi: 2.5 },
        unit: 'hari',
        direction: 'lower',
        weight: 20,
      },
    ],
  },
  {
    id: 'r-2',
    kind: 'tambahan',
    title: 'Pendampingan magang',
    unitGoal: 'Layanan prima',
    iki: [
      {
        id: 'k-3',
        name: 'Peserta didampingi',
        aspect: 'kuantitas',
        target: { kind: 'single', value: 4 },
        unit: 'orang',
        direction: 'higher',
        weight: 20,
      },
    ],
  },
];

const skp = (over: Partial<SkpDocumentInput> = {}): SkpDocumentInput => ({
  organisation: 'Pemerintah Kota Medan',
  year: 2026,
  planVersion: 2,
  state: 'approved',
  effectiveFrom: '2026-03-02',
  pegawai: staff,
  penilai: kasi,
  rhk,
  parentTitles: new Map([['p-1', 'Meningkatnya cakupan dokumen kependudukan']]),
  place: 'Medan',
  date: '2026-12-31',
  verification,
  ...over,
});

describe('Dokumen SKP', () => {
  it.each<[PlanState, boolean]>([
    ['draft', true],
    ['submitted', true],
    ['returned', true],
    ['approved', false],
    ['superseded', false],
  ])('a %s version prints with DRAFT: %s', (state, draft) => {
    const d = skpDocument(skp({ state }));
    expect(d.watermark !== undefined).toBe(draft);
    expect(printed(d).includes('DRAFT')).toBe(draft);
  });

  it('names the pegawai and the pejabat penilai, every RHK with its intervensi, IKI, aspect and target', () => {
    const text = printed(skpDocument(skp()));
    for (const s of [
      'SASARAN KINERJA PEGAWAI',
      'PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2026',
      staff.name,
      staff.nip,
      staff.position,
      staff.unitName,
      kasi.name,
      kasi.nip,
      'Terlayaninya penerbitan KTP-el',
      'Meningkatnya cakupan dokumen kependudukan',
      'Jumlah KTP-el diterbitkan',
      '1200 keping',
      'Waktu',
      '1 – 2,5 hari',
      'Pendampingan magang',
      'Tujuan unit: Layanan prima',
      'Peserta didampingi',
      'A. UTAMA',
      'B. TAMBAHAN',
      'Versi 2 · Disetujui',
      'Berlaku sejak 2 Maret 2026',
      'Medan, 31 Desember 2026',
      'Pegawai yang Dinilai',
      'Pejabat Penilai Kinerja',
      `NIP ${kasi.nip}`,
      'K7Q2-M9XJ-4TPA-3WRE',
    ])
      expect(text).toContain(s);
    for (const v of berakhlak) expect(text).toContain(berakhlakNames[v]);
  });

  it('carries the verification address as its QR code, on A4', () => {
    const d = skpDocument(skp());
    expect(qrOf(d.content)).toEqual([verification.url]);
    expect(d).toMatchObject({ pageSize: 'A4', pageOrientation: 'portrait' });
  });

  it('a plan without a pejabat penilai in the system says who rates instead; expectations print when stored', () => {
    const text = printed(
      skpDocument(skp({ penilai: null, expectations: { loyal: 'Menjaga rahasia data kependudukan' } })),
    );
    expect(text).toContain('Kepala Daerah (di luar sistem)');
    expect(text).toContain('Menjaga rahasia data kependudukan');
  });

  it('an unknown intervened RHK shows its id rather than nothing', () => {
    expect(printed(skpDocument(skp({ parentTitles: new Map() })))).toContain('p-1');
  });
});

const indicator = (over: Partial<IndicatorScore>): IndicatorScore => ({
  rhkId: 'r-1',
  ikiId: 'k-1',
  kind: 'utama',
  name: 'Jumlah KTP-el diterbitkan',
  target: { kind: 'single', value: 1200 },
  direction: 'higher',
  weight: 60,
  realisasi: 108.5,
  months: 1,
  capaian: 108.5,
  cappedCapaian: 108.5,
  level: 'meets',
  ...over,
});

const evaluationInput = (over: Partial<EvaluationDocumentInput> = {}): EvaluationDocumentInput => ({
  organisation: 'Pemerintah Kota Medan',
  periodId: '2026-11',
  periodState: 'finalised',
  pegawai: staff,
  penilai: kasi,
  atasanPenilai: kabid,
  planVersion: 2,
  indicators: [
    indicator({}),
    indicator({
      ikiId: 'k-2',
      name: 'Waktu layanan',
      target: { kind: 'range', lo: 1, hi: 2.5 },
      months: 12,
      realisasi: 3,
      capaian: 133.33,
      cappedCapaian: 120,
      level: 'above',
      weight: 20,
    }),
    indicator({
      rhkId: 'r-2',
      ikiId: 'k-3',
      kind: 'tambahan',
      name: 'Peserta didampingi',
      realisasi: null,
      capaian: null,
      cappedCapaian: 0,
      level: 'below',
      weight: 20,
    }),
  ],
  rhkTitles: new Map([
    ['r-1', 'Terlayaninya penerbitan KTP-el'],
    ['r-2', 'Pendampingan magang'],
  ]),
  ikiUnits: new Map([
    ['k-1', 'keping'],
    ['k-2', 'hari'],
    ['k-3', 'orang'],
  ]),
  nilaiKinerja: 89.1,
  behaviour: Object.fromEntries(berakhlak.map((v) => [v, v === 'kompeten' ? 'di_atas' : 'sesuai'])),
  outcome: { hasilKerja: 'sesuai', perilaku: 'sesuai', predikat: 'baik', source: 'review' },
  place: 'Medan',
  date: '2026-12-09',
  verification,
  ...over,
});

describe('Dokumen Evaluasi Kinerja', () => {
  it.each([
    ['open', true],
    ['closed', true],
    ['scored', true],
    ['finalised', false],
  ])('in a period %s it prints with DRAFT: %s', (periodState, draft) => {
    const d = evaluationDocument(evaluationInput({ periodState }));
    expect(d.watermark !== undefined).toBe(draft);
    expect(printed(d).includes('DRAFT')).toBe(draft);
  });

  it('shows the three people, each IKI with its period target, realisasi, capaian and category, and the ratings', () => {
    const text = printed(evaluationDocument(evaluationInput()));
    for (const s of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      'PERIODE: BULAN NOVEMBER 2026',
      staff.name,
      staff.nip,
      kasi.name,
      kabid.name,
      kabid.nip,
      'ATASAN PEJABAT PENILAI KINERJA',
      'Terlayaninya penerbitan KTP-el',
      'Pendampingan magang (tambahan)',
      // A month carries 1/12 of a yearly quantity target; other aspects keep theirs.
      '100 keping',
      '1 – 2,5 hari',
      '108,5',
      '133,33 (dibatasi 120)',
      'Di atas ekspektasi',
      'Di bawah ekspektasi',
      '89,1',
      'Sesuai Ekspektasi',
      'Di Atas Ekspektasi',
      'Baik',
      'hasil tinjauan pejabat penilai',
      'Medan, 9 Desember 2026',
      'Atasan Pejabat Penilai Kinerja',
    ])
      expect(text).toContain(s);
    expect(text).toContain(' | - | ');
  });

  it('an annual evaluation says so; one not rated yet says what is missing', () => {
    const text = printed(
      evaluationDocument(
        evaluationInput({
          periodId: '2026',
          behaviour: null,
          indicators: [],
          nilaiKinerja: null,
          outcome: { hasilKerja: 'di_bawah', perilaku: null, predikat: null, source: 'recommendation' },
        }),
      ),
    );
    expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI (TAHUNAN)');
    expect(text).toContain('PERIODE: TAHUN 2026');
    expect(text).toContain('Tidak ada SKP yang disetujui untuk periode ini.');
    expect(text).toContain('Belum dinilai');
    expect(text).toContain('Belum ditetapkan');
  });
});

describe('how documents write things', () => {
  it.each([
    ['2026-12-31', '31 Desember 2026'],
    ['2026-01-01', '1 Januari 2026'],
    ['2027-08-17', '17 Agustus 2027'],
  ])('tanggal(%s) = %s', (date, text) => expect(tanggal(date)).toBe(text));

  it.each<[number | null, string]>([
    [null, '-'],
    [0, '0'],
    [1200, '1200'],
    [112.8, '112,8'],
    [8.33, '8,33'],
    [90.1, '90,1'],
    [100.05, '100,05'],
  ])('angka(%s) = %s', (x, text) => expect(angka(x)).toBe(text));

  it.each([
    ['2026-11', 'Bulan November 2026'],
    ['2026-Q4', 'Triwulan IV 2026'],
    ['2026', 'Tahun 2026'],
  ])('periodLabel(%s) = %s', (id, text) => expect(periodLabel(id)).toBe(text));

  it('targets: single and range, with the unit', () => {
    expect(targetText({ kind: 'single', value: 8.33 }, 'dokumen')).toBe('8,33 dokumen');
    expect(targetText({ kind: 'range', lo: 0, hi: 3 }, '')).toBe('0 – 3');
  });
});

describe('verifiable prints', () => {
  it('a code is 16 Crockford base32 characters from 80 bits, printed in groups of four', () => {
    expect(encodeCode(new Uint8Array(10))).toBe('0000000000000000');
    expect(encodeCode(new Uint8Array(10).fill(255))).toBe('ZZZZZZZZZZZZZZZZ');
    const code = encodeCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(printedCode(code)).toMatch(/^(\w{4}-){3}\w{4}$/);
    expect(() => encodeCode(new Uint8Array(8))).toThrow();
  });

  it.each<[string, string | undefined]>([
    ['K7Q2M9XJ4TPA3WRE', 'K7Q2M9XJ4TPA3WRE'],
    ['k7q2-m9xj-4tpa-3wre', 'K7Q2M9XJ4TPA3WRE'],
    [' K7Q2 M9XJ 4TPA 3WRE ', 'K7Q2M9XJ4TPA3WRE'],
    ['O0IL-M9XJ-4TPA-3WRE', '0011M9XJ4TPA3WRE'],
    ['K7Q2M9XJ4TPA3WR', undefined],
    ['K7Q2M9XJ4TPA3WRU', undefined],
    ['../../etc/passwd', undefined],
  ])('normaliseCode(%j) = %s', (input, code) => expect(normaliseCode(input)).toBe(code));

  it('a document is known by its kind and version; its content by a fingerprint', () => {
    expect(documentRef({ kind: 'skp', year: 2026, planVersion: 2 })).toBe('SKP#2026#V002');
    expect(documentRef({ kind: 'evaluation', periodId: '2026-11' })).toBe('EVAL#2026-11');
    expect(skpFingerprint({ version: 3 })).not.toBe(skpFingerprint({ version: 4 }));
    const e = { inputsHash: 'h1', version: 2 };
    expect(evaluationFingerprint(e, 'scored')).toBe(evaluationFingerprint(e, 'closed'));
    expect(evaluationFingerprint(e, 'scored')).not.toBe(evaluationFingerprint(e, 'finalised'));
    expect(evaluationFingerprint(e, 'scored')).not.toBe(evaluationFingerprint({ ...e, version: 3 }, 'scored'));
    expect(evaluationFingerprint(e, 'scored')).not.toBe(evaluationFingerprint({ ...e, inputsHash: 'h2' }, 'scored'));
  });

  it('the page view says whether the print is current, and shows nothing beyond the document', () => {
    const print: PrintRecord = {
      code: 'K7Q2M9XJ4TPA3WRE',
      kind: 'skp',
      nip: staff.nip,
      name: staff.name,
      ref: 'SKP#2026#V001',
      fingerprint: 'r3',
      title: 'SKP 2026 versi 1',
      date: '2026-01-05',
      draft: false,
      printedAt: '2026-01-05T02:00:00.000Z',
    };
    expect(verificationView(print, 'r3')).toEqual({
      kind: 'skp',
      title: 'SKP 2026 versi 1',
      name: staff.name,
      nip: staff.nip,
      date: '2026-01-05',
      draft: false,
      current: true,
      code: 'K7Q2M9XJ4TPA3WRE',
    });
    expect(verificationView(print, 'r4').current).toBe(false);
    expect(verificationView(print, undefined).current).toBe(false);
  });
});

/** The recap workbook's sheets (pure builders) and the .xlsx written from them, read back with exceljs. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  adoptionSheet,
  type CellValue,
  dateCell,
  evaluationSheet,
  type RecapAdoption,
  type RecapEvaluation,
  type RecapReward,
  type RecapServiceRow,
  recapSheets,
  rewardSheet,
  type Sheet,
  serviceSheet,
} from '../../shared/domain/workbooks.ts';
import { xlsxOf } from '../../shared/domain/workbooks-xlsx.ts';

const person = {
  nip: '199605212020121003',
  name: 'Rahmat Hidayat Daulay',
  position: 'Pengadministrasi Kependudukan',
  unitCode: 'DUK-IDK',
  unitName: 'Seksi Identitas Penduduk',
};

const evaluated: RecapEvaluation = {
  ...person,
  evaluation: {
    nilaiKinerja: 112.8,
    recommendedHasilKerja: 'di_atas',
    hasilKerja: 'sesuai',
    perilaku: 'di_atas',
    predikat: 'baik',
    source: 'review',
    final: false,
    computedAt: '2026-11-30T18:30:00.000Z',
    reviewedAt: '2026-12-09T01:00:00.000Z',
  },
};

const column = (sheet: Sheet, header: string) => {
  const k = sheet.columns.findIndex((c) => c.header === header);
  expect(k, header).toBeGreaterThanOrEqual(0);
  return (row: CellValue[]) => row[k];
};

describe('evaluationSheet', () => {
  it.each<[label: string, people: RecapEvaluation[], expected: Record<string, CellValue>[]]>([
    ['an empty unit has a header and no rows', [], []],
    [
      'a person without an evaluation is listed, not yet evaluated, with empty figures',
      [{ ...person, evaluation: null }],
      [
        {
          NIP: person.nip,
          'Nilai kinerja': null,
          Predikat: null,
          Sumber: null,
          Status: 'Belum dinilai',
          Dihitung: null,
        },
      ],
    ],
    [
      'an evaluation: the figure as a number, ratings and predikat in words, dates as WIB dates',
      [evaluated],
      [
        {
          NIP: person.nip,
          'Nilai kinerja': 112.8,
          'Rekomendasi hasil kerja': 'Di Atas Ekspektasi',
          'Hasil kerja': 'Sesuai Ekspektasi',
          Perilaku: 'Di Atas Ekspektasi',
          Predikat: 'Baik',
          Sumber: 'Reviu atasan',
          Status: 'Belum final',
          // 01:30 WIB on 1 December: the WIB day, not the UTC one.
          Dihitung: dateCell('2026-12-01'),
          Direviu: dateCell('2026-12-09'),
        },
      ],
    ],
    [
      'final, from an appeal, no predikat yet for a recommendation without perilaku',
      [
        { ...evaluated, evaluation: { ...evaluated.evaluation!, source: 'appeal', final: true } },
        {
          ...evaluated,
          nip: '199001152015031003',
          evaluation: {
            ...evaluated.evaluation!,
            source: 'recommendation',
            perilaku: null,
            predikat: null,
            reviewedAt: null,
          },
        },
      ],
      [
        { Sumber: 'Keputusan keberatan', Status: 'Final' },
        { Sumber: 'Rekomendasi sistem', Perilaku: null, Predikat: null, Direviu: null },
      ],
    ],
  ])('%s', (_label, people, expected) => {
    const sheet = evaluationSheet(people);
    expect(sheet.name).toBe('Penilaian');
    expect(sheet.rows).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      for (const [header, value] of Object.entries(want))
        expect(column(sheet, header)(sheet.rows[i]!), header).toEqual(value);
    });
    for (const row of sheet.rows) expect(row).toHaveLength(sheet.columns.length);
  });
});

describe('adoptionSheet', () => {
  const base: RecapAdoption = {
    ...person,
    pending: 0,
    approved: 0,
    rejected: 0,
    countedMinutes: 0,
    daysLogged: 0,
    workingDays: 21,
  };
  it.each<[label: string, row: RecapAdoption, expected: Record<string, CellValue>]>([
    ['nothing logged', base, { 'Aktivitas dicatat': 0, 'Hari kerja tercatat': 0, 'Hari kerja': 21, Mencatat: 'tidak' }],
    [
      'entries of every state are counted, minutes as a number',
      { ...base, pending: 2, approved: 5, rejected: 1, countedMinutes: 1350, daysLogged: 3 },
      {
        'Aktivitas dicatat': 8,
        Disetujui: 5,
        Menunggu: 2,
        Ditolak: 1,
        'Menit dihitung': 1350,
        'Hari kerja tercatat': 3,
        Mencatat: 'ya',
      },
    ],
    ['only rejected entries still count as logging', { ...base, rejected: 1 }, { Mencatat: 'ya' }],
  ])('%s', (_label, row, expected) => {
    const sheet = adoptionSheet([row]);
    for (const [header, value] of Object.entries(expected))
      expect(column(sheet, header)(sheet.rows[0]!), header).toBe(value);
  });
  it('an empty unit has no rows', () => expect(adoptionSheet([]).rows).toEqual([]));
});

describe('serviceSheet', () => {
  const none: RecapServiceRow = {
    level: 'subtree',
    unitCode: 'DISDUKCAPIL',
    unitName: 'Dinas Kependudukan dan Pencatatan Sipil',
    serviceType: null,
    serviceName: null,
    standardMinutes: null,
    served: 0,
    withinStandard: 0,
    withinStandardPct: null,
    late: 0,
    latePct: null,
    medianMinutes: null,
    survey: { respondents: 0, ikm: null, grade: null, sampleTarget: 0, provisional: false },
  };
  it.each<[label: string, row: RecapServiceRow, expected: Record<string, CellValue>]>([
    [
      'a unit that served nobody: empty shares, no IKM',
      none,
      { Tingkat: 'Seluruh unit', Dilayani: 0, '% tepat waktu': null, IKM: null, Mutu: null, 'Sampel cukup': 'ya' },
    ],
    [
      'a service type with its standard, shares, IKM and grade, short of the sample',
      {
        ...none,
        level: 'serviceType',
        unitCode: 'DUK-IDK',
        serviceType: 'ktp-el',
        serviceName: 'KTP Elektronik (KTP-el)',
        standardMinutes: 60,
        served: 3,
        withinStandard: 2,
        withinStandardPct: 66.67,
        late: 1,
        latePct: 33.33,
        medianMinutes: 40,
        survey: { respondents: 3, ikm: 91.67, grade: 'A', sampleTarget: 3, provisional: false },
      },
      {
        Tingkat: 'Jenis layanan',
        'Kode layanan': 'ktp-el',
        'Standar (menit)': 60,
        'Median (menit)': 40,
        '% tepat waktu': 66.67,
        '% terlambat': 33.33,
        Terlambat: 1,
        IKM: 91.67,
        Mutu: 'A',
      },
    ],
    [
      'fewer respondents than the sample: not sufficient',
      {
        ...none,
        level: 'child',
        served: 100,
        survey: { ...none.survey, respondents: 10, sampleTarget: 80, provisional: true },
      },
      { Tingkat: 'Unit di bawahnya', 'Sampel minimal': 80, 'Sampel cukup': 'belum' },
    ],
  ])('%s', (_label, row, expected) => {
    const sheet = serviceSheet([row]);
    for (const [header, value] of Object.entries(expected))
      expect(column(sheet, header)(sheet.rows[0]!), header).toBe(value);
  });
});

describe('rewardSheet', () => {
  const reward: RecapReward = {
    ...person,
    rank: 1,
    predikat: 'sangat_baik',
    nilaiKinerja: 118.25,
    hasilKerja: 'di_atas',
    perilaku: 'di_atas',
    utamaAbove: 2,
    final: true,
  };
  it.each<[label: string, rows: RecapReward[], expected: CellValue[][]]>([
    ['an empty unit', [], []],
    [
      'rank, predikat in words, nilai kinerja as a number, final',
      [reward, { ...reward, rank: 2, predikat: 'kurang', final: false, nilaiKinerja: 70 }],
      [
        [1, 'Sangat Baik', 118.25, 'ya'],
        [2, 'Kurang/Misconduct', 70, 'belum'],
      ],
    ],
  ])('%s', (_label, rows, expected) => {
    const sheet = rewardSheet(rows);
    const cells = ['Peringkat', 'Predikat', 'Nilai kinerja', 'Final'].map((h) => column(sheet, h));
    expect(sheet.rows.map((r) => cells.map((c) => c(r)))).toEqual(expected);
  });
});

describe('xlsxOf', () => {
  it('one sheet per subject, header frozen with a filter, number and date formats, text never a formula', async () => {
    const sheets = recapSheets({
      evaluations: [evaluated, { ...person, nip: '199001152015031003', name: '=HYPERLINK("x")', evaluation: null }],
      adoption: [],
      services: [],
      rewards: [],
    });
    const file = await xlsxOf(sheets, new Date('2026-12-01T00:00:00Z'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Penilaian', 'Adopsi aktivitas', 'Layanan', 'Penghargaan']);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    const ws = book.getWorksheet('Penilaian')!;
    expect(ws.getCell('A2').value).toBe(person.nip);
    expect(ws.getCell('F2').value).toBe(112.8);
    expect(ws.getCell('F2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('M2').value).toEqual(dateCell('2026-12-01'));
    expect(ws.getCell('M2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').value).toBe('=HYPERLINK("x")');
    expect(ws.getCell('B3').formula).toBeUndefined();
    expect(ws.getColumn(2).width).toBe(32);
  });
});

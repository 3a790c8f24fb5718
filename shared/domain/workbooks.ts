/**
 * The recap workbook of a unit subtree and period, as sheets of rows: one sheet per subject (evaluations, activity
 * adoption, service indicators, rewards). Pure: the figures come in as the API computed them and go out unchanged —
 * numbers stay numbers (Excel shows them with the reader's decimal comma through the column's number format), dates
 * are real dates; only ratings and predikat are written out in words. workbooks-xlsx.ts writes the file.
 */
import { type Predikat, predikatNames, type Rating, ratingNames } from './scoring.ts';

export type CellValue = string | number | Date | null;

/** How a column's cells are shown: `#,##0`, `#,##0.00`, `dd/mm/yyyy`, or text as it is. */
export type ColumnFormat = 'text' | 'integer' | 'decimal' | 'date';

export const numberFormats: Record<Exclude<ColumnFormat, 'text'>, string> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  date: 'dd/mm/yyyy',
};

export interface Column {
  header: string;
  format: ColumnFormat;
  /** In characters, as spreadsheets measure columns. */
  width: number;
}

export interface Sheet {
  /** At most 31 characters, none of : \ / ? * [ ] (what spreadsheets allow). */
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

const text = (header: string, width: number): Column => ({ header, format: 'text', width });
const integer = (header: string, width = 12): Column => ({ header, format: 'integer', width });
const decimal = (header: string, width = 12): Column => ({ header, format: 'decimal', width });
const date = (header: string, width = 13): Column => ({ header, format: 'date', width });

/** A WIB date (YYYY-MM-DD) as the date cell a spreadsheet shows as that day (midnight UTC: no time zone shift). */
export const dateCell = (wibDate: string | null | undefined): Date | null =>
  wibDate ? new Date(`${wibDate.slice(0, 10)}T00:00:00Z`) : null;

/** The WIB date of an instant (ISO). */
const wibDateOf = (iso: string | null | undefined): string | null =>
  iso ? new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10) : null;

const rating = (r: Rating | null | undefined) => (r ? ratingNames[r] : null);
const predikat = (p: Predikat | null | undefined) => (p ? predikatNames[p] : null);

/** A person of the subtree: a member now, or evaluated in it. */
export interface RecapPerson {
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  unitName: string;
}

/** One person's evaluation as the API shows it (the outcome in force), or none yet. */
export interface RecapEvaluation extends RecapPerson {
  evaluation: {
    nilaiKinerja: number | null;
    recommendedHasilKerja: Rating | null;
    hasilKerja: Rating | null;
    perilaku: Rating | null;
    predikat: Predikat | null;
    source: 'appeal' | 'review' | 'recommendation';
    final: boolean;
    computedAt: string | null;
    reviewedAt: string | null;
  } | null;
}

const sources = { appeal: 'Keputusan keberatan', review: 'Reviu atasan', recommendation: 'Rekomendasi sistem' };

export function evaluationSheet(people: RecapEvaluation[]): Sheet {
  return {
    name: 'Penilaian',
    columns: [
      text('NIP', 21),
      text('Nama', 32),
      text('Jabatan', 30),
      text('Kode unit', 14),
      text('Unit', 30),
      decimal('Nilai kinerja'),
      text('Rekomendasi hasil kerja', 22),
      text('Hasil kerja', 20),
      text('Perilaku', 20),
      text('Predikat', 18),
      text('Sumber', 20),
      text('Status', 14),
      date('Dihitung'),
      date('Direviu'),
    ],
    rows: people.map((p) => {
      const e = p.evaluation;
      return [
        p.nip,
        p.name,
        p.position,
        p.unitCode,
        p.unitName,
        e?.nilaiKinerja ?? null,
        rating(e?.recommendedHasilKerja),
        rating(e?.hasilKerja),
        rating(e?.perilaku),
        predikat(e?.predikat),
        e ? sources[e.source] : null,
        !e ? 'Belum dinilai' : e.final ? 'Final' : 'Belum final',
        dateCell(wibDateOf(e?.computedAt)),
        dateCell(wibDateOf(e?.reviewedAt)),
      ];
    }),
  };
}

/** A person's activity in the period, from their running totals (as the unit's monitoring shows them). */
export interface RecapAdoption extends RecapPerson {
  pending: number;
  approved: number;
  rejected: number;
  countedMinutes: number;
  /** Working days of the period so far with minutes logged (entries not rejected). */
  daysLogged: number;
  workingDays: number;
}

export function adoptionSheet(people: RecapAdoption[]): Sheet {
  return {
    name: 'Adopsi aktivitas',
    columns: [
      text('NIP', 21),
      text('Nama', 32),
      text('Jabatan', 30),
      text('Kode unit', 14),
      text('Unit', 30),
      integer('Aktivitas dicatat', 14),
      integer('Hari kerja tercatat', 14),
      integer('Hari kerja', 11),
      integer('Disetujui'),
      integer('Menunggu'),
      integer('Ditolak'),
      integer('Menit dihitung', 14),
      text('Mencatat', 11),
    ],
    rows: people.map((p) => {
      const entries = p.pending + p.approved + p.rejected;
      return [
        p.nip,
        p.name,
        p.position,
        p.unitCode,
        p.unitName,
        entries,
        p.daysLogged,
        p.workingDays,
        p.approved,
        p.pending,
        p.rejected,
        p.countedMinutes,
        entries > 0 ? 'ya' : 'tidak',
      ];
    }),
  };
}

/** Service indicators as the API computes them (shares in percent, two decimals; IKM with its grade). */
export interface RecapIndicators {
  served: number;
  withinStandard: number;
  withinStandardPct: number | null;
  late: number;
  latePct: number | null;
  medianMinutes: number | null;
  survey: { respondents: number; ikm: number | null; grade: string | null; sampleTarget: number; provisional: boolean };
}

export interface RecapServiceRow extends RecapIndicators {
  level: 'subtree' | 'child' | 'serviceType';
  unitCode: string;
  unitName: string;
  serviceType: string | null;
  serviceName: string | null;
  standardMinutes: number | null;
}

const levels = { subtree: 'Seluruh unit', child: 'Unit di bawahnya', serviceType: 'Jenis layanan' };

export function serviceSheet(rows: RecapServiceRow[]): Sheet {
  return {
    name: 'Layanan',
    columns: [
      text('Tingkat', 18),
      text('Kode unit', 14),
      text('Unit', 30),
      text('Kode layanan', 16),
      text('Layanan', 30),
      integer('Dilayani'),
      integer('Tepat waktu'),
      integer('Terlambat'),
      decimal('% tepat waktu', 13),
      decimal('% terlambat', 12),
      integer('Standar (menit)', 14),
      integer('Median (menit)', 14),
      integer('Responden', 11),
      decimal('IKM', 9),
      text('Mutu', 7),
      integer('Sampel minimal', 14),
      text('Sampel cukup', 13),
    ],
    rows: rows.map((r) => [
      levels[r.level],
      r.unitCode,
      r.unitName,
      r.serviceType,
      r.serviceName,
      r.served,
      r.withinStandard,
      r.late,
      r.withinStandardPct,
      r.latePct,
      r.standardMinutes,
      r.medianMinutes,
      r.survey.respondents,
      r.survey.ikm,
      r.survey.grade,
      r.survey.sampleTarget,
      r.survey.provisional ? 'belum' : 'ya',
    ]),
  };
}

/** A row of the reward list, as `GET /units/{code}/rewards/{period}` answers it. */
export interface RecapReward extends RecapPerson {
  rank: number;
  predikat: Predikat;
  nilaiKinerja: number;
  hasilKerja: Rating;
  perilaku: Rating;
  utamaAbove: number;
  final: boolean;
}

export function rewardSheet(rewards: RecapReward[]): Sheet {
  return {
    name: 'Penghargaan',
    columns: [
      integer('Peringkat', 11),
      text('NIP', 21),
      text('Nama', 32),
      text('Jabatan', 30),
      text('Kode unit', 14),
      text('Unit', 30),
      text('Predikat', 18),
      decimal('Nilai kinerja'),
      text('Hasil kerja', 20),
      text('Perilaku', 20),
      integer('IKI utama di atas ekspektasi', 16),
      text('Final', 8),
    ],
    rows: rewards.map((r) => [
      r.rank,
      r.nip,
      r.name,
      r.position,
      r.unitCode,
      r.unitName,
      predikat(r.predikat),
      r.nilaiKinerja,
      rating(r.hasilKerja),
      rating(r.perilaku),
      r.utamaAbove,
      r.final ? 'ya' : 'belum',
    ]),
  };
}

export interface RecapData {
  evaluations: RecapEvaluation[];
  adoption: RecapAdoption[];
  services: RecapServiceRow[];
  rewards: RecapReward[];
}

/** The four sheets, in the order a reader goes through them. */
export const recapSheets = (data: RecapData): Sheet[] => [
  evaluationSheet(data.evaluations),
  adoptionSheet(data.adoption),
  serviceSheet(data.services),
  rewardSheet(data.rewards),
];

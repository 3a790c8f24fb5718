/**
 * Dokumen Evaluasi Kinerja Pegawai of one period (monthly, quarterly, or the year's annual evaluation), in the
 * layout of PermenPANRB 6/2022's form: the pegawai, the pejabat penilai and the atasan pejabat penilai; each IKI
 * with its RHK, target for the period, realisasi, capaian and level; the nilai kinerja; the hasil kerja and
 * perilaku ratings and the seven BerAKHLAK ratings; the predikat; place, date and signatures. The figures are the
 * API's own (half-up to two decimals, see shownHasilKerja): the use case passes what get-evaluation answers. An
 * evaluation not final prints as a DRAFT. Pure: data → pdfmake document definition.
 */
import type { Level } from '../scoring.ts';
import {
  type BerakhlakValue,
  berakhlak,
  berakhlakNames,
  type IndicatorScore,
  type Predikat,
  periodTargetOf,
  predikatNames,
  type Rating,
  ratingNames,
} from '../scoring.ts';
import {
  angka,
  type DocDefinition,
  draftNote,
  heading,
  identityTable,
  monthName,
  type Node,
  type PrintedPerson,
  page,
  signatures,
  type Verification,
} from './pdf-common.ts';
import { targetText } from './pdf-skp.ts';

const roman = ['I', 'II', 'III', 'IV'];

/** `2026-11` → "Bulan November 2026", `2026-Q4` → "Triwulan IV 2026", `2026` → "Tahun 2026". */
export function periodLabel(periodId: string): string {
  const [year, part] = periodId.split('-');
  if (!part) return `Tahun ${year}`;
  if (part.startsWith('Q')) return `Triwulan ${roman[Number(part.slice(1)) - 1] ?? part} ${year}`;
  return `Bulan ${monthName(Number(part))} ${year}`;
}

export const isAnnual = (periodId: string): boolean => !periodId.includes('-');

const levelNames: Record<Level, string> = {
  above: 'Di atas ekspektasi',
  meets: 'Sesuai ekspektasi',
  below: 'Di bawah ekspektasi',
};

export const periodStateNames: Record<string, string> = {
  open: 'periode masih berjalan',
  closed: 'periode ditutup, menunggu penilaian',
  scored: 'dinilai, belum final',
  finalised: 'final',
};

export interface EvaluationDocumentInput {
  organisation: string;
  periodId: string;
  /** The state the person's OPD is in (see stateAt): only `finalised` prints without DRAFT. */
  periodState: string;
  pegawai: PrintedPerson;
  penilai: PrintedPerson | null;
  atasanPenilai: PrintedPerson | null;
  planVersion: number | null;
  /** The indicators as the API shows them (shownHasilKerja): capaian half-up to two decimals. */
  indicators: IndicatorScore[];
  /** RHK titles by id, from the plan version the evaluation was scored against. */
  rhkTitles: ReadonlyMap<string, string>;
  /** IKI units by id (from the same plan version), for the targets. */
  ikiUnits: ReadonlyMap<string, string>;
  nilaiKinerja: number | null;
  behaviour: Partial<Record<BerakhlakValue, Rating>> | null;
  outcome: { hasilKerja: Rating | null; perilaku: Rating | null; predikat: Predikat | null; source: string };
  place: string;
  date: string;
  verification: Verification;
}

const sourceNames: Record<string, string> = {
  recommendation: 'rekomendasi sistem (belum ditinjau atasan)',
  review: 'hasil tinjauan pejabat penilai',
  appeal: 'hasil keputusan atas keberatan',
};

const rating = (r: Rating | null | undefined) => (r ? ratingNames[r] : 'Belum dinilai');

function indicatorRows(d: EvaluationDocumentInput): Node[][] {
  if (d.indicators.length === 0)
    return [
      [
        { text: 'Tidak ada SKP yang disetujui untuk periode ini.', colSpan: 8, alignment: 'center' },
        ...Array(7).fill(''),
      ],
    ];
  // An RHK's cells span the rows of its IKI (they come in plan order, an RHK's together).
  const span = (k: number) => {
    let n = 1;
    while (d.indicators[k + n]?.rhkId === d.indicators[k]!.rhkId) n++;
    return n;
  };
  let n = 0;
  return d.indicators.map((i, k) => {
    const first = k === 0 || d.indicators[k - 1]!.rhkId !== i.rhkId;
    if (first) n++;
    const rows = first ? { rowSpan: span(k) } : {};
    const capped = i.capaian !== null && i.cappedCapaian !== i.capaian ? ` (dibatasi ${angka(i.cappedCapaian)})` : '';
    return [
      first ? { text: String(n), alignment: 'center', ...rows } : '',
      first
        ? { text: `${d.rhkTitles.get(i.rhkId) ?? i.rhkId}${i.kind === 'tambahan' ? ' (tambahan)' : ''}`, ...rows }
        : '',
      i.name,
      {
        text: targetText(periodTargetOf(i.target, i.months ?? 12), d.ikiUnits.get(i.ikiId) ?? ''),
        alignment: 'center',
      },
      { text: angka(i.realisasi), alignment: 'center' },
      { text: `${angka(i.capaian)}${capped}`, alignment: 'center' },
      { text: angka(i.weight), alignment: 'center' },
      levelNames[i.level],
    ];
  });
}

export function evaluationDocument(d: EvaluationDocumentInput): DocDefinition {
  const draft = d.periodState !== 'finalised';
  const label = periodLabel(d.periodId);
  const title = `Evaluasi Kinerja ${label} ${d.pegawai.name} (NIP ${d.pegawai.nip})`;
  const th = (text: string) => ({ text, style: 'th', fontSize: 7.5 });
  const content: Node[] = [
    heading(
      [
        {
          text: isAnnual(d.periodId)
            ? 'DOKUMEN EVALUASI KINERJA PEGAWAI (TAHUNAN)'
            : 'DOKUMEN EVALUASI KINERJA PEGAWAI',
          style: 'title',
        },
        { text: `PERIODE: ${label.toUpperCase()}`, style: 'subtitle' },
        { text: d.organisation.toUpperCase(), style: 'subtitle' },
      ],
      d.verification,
    ),
    {
      text: `Status: ${periodStateNames[d.periodState] ?? d.periodState}${d.planVersion ? ` · SKP versi ${d.planVersion}` : ''}`,
      alignment: 'right',
      margin: [0, 8, 0, 4],
    },
    identityTable([
      { heading: 'PEGAWAI YANG DINILAI', person: d.pegawai },
      { heading: 'PEJABAT PENILAI KINERJA', person: d.penilai, absent: 'Kepala Daerah (di luar sistem)' },
      { heading: 'ATASAN PEJABAT PENILAI KINERJA', person: d.atasanPenilai, absent: '-' },
    ]),
    { text: 'HASIL KERJA', style: 'section' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [14, '*', '*', 54, 46, 50, 30, 54],
        body: [
          [
            th('NO'),
            th('RENCANA HASIL KERJA'),
            th('INDIKATOR KINERJA INDIVIDU'),
            th('TARGET'),
            th('REALISASI'),
            th('CAPAIAN (%)'),
            th('BOBOT'),
            th('KATEGORI'),
          ],
          ...indicatorRows(d),
        ],
      },
    },
    {
      table: {
        widths: ['*', 150],
        body: [
          ['Nilai kinerja (Σ capaian dibatasi × bobot / Σ bobot)', { text: angka(d.nilaiKinerja), bold: true }],
          ['RATING HASIL KERJA', { text: rating(d.outcome.hasilKerja), bold: true }],
        ],
      },
      margin: [0, 4, 0, 0],
    },
    { text: 'PERILAKU KERJA', style: 'section' },
    {
      table: {
        headerRows: 1,
        widths: [14, '*', 150],
        body: [
          [th('NO'), th('PERILAKU KERJA (BerAKHLAK)'), th('PENILAIAN PEJABAT PENILAI')],
          ...berakhlak.map((v, i) => [
            { text: String(i + 1), alignment: 'center' },
            berakhlakNames[v],
            rating(d.behaviour?.[v]),
          ]),
          [
            { text: 'RATING PERILAKU KERJA', bold: true, colSpan: 2 },
            '',
            { text: rating(d.outcome.perilaku), bold: true },
          ],
        ],
      },
    },
    { text: 'PREDIKAT KINERJA PEGAWAI', style: 'section' },
    {
      table: {
        widths: ['*', 150],
        body: [
          [
            `Matriks PermenPANRB 6/2022: hasil kerja × perilaku kerja — ${sourceNames[d.outcome.source] ?? d.outcome.source}`,
            {
              text: d.outcome.predikat ? predikatNames[d.outcome.predikat] : 'Belum ditetapkan',
              bold: true,
              fontSize: 11,
            },
          ],
        ],
      },
    },
    ...(draft ? [draftNote(`evaluasi ini belum final (${periodStateNames[d.periodState] ?? d.periodState}).`)] : []),
    signatures(d.place, d.date, [
      { role: 'Pegawai yang Dinilai', person: d.pegawai },
      { role: 'Atasan Pejabat Penilai Kinerja', person: d.atasanPenilai },
      { role: 'Pejabat Penilai Kinerja', person: d.penilai },
    ]),
  ];
  return page(
    { title, footer: `Evaluasi Kinerja ${label} · NIP ${d.pegawai.nip}`, draft, verification: d.verification },
    content,
  );
}

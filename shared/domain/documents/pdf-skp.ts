/**
 * Dokumen SKP (Sasaran Kinerja Pegawai) of one plan version, in the layout of PermenPANRB 6/2022's form: the
 * pegawai and the pejabat penilai kinerja, the RHK (utama, then tambahan) with the pimpinan's RHK they intervene,
 * their IKI, aspects and targets, the seven BerAKHLAK behaviours with the pimpinan's expectations, the place and
 * date and the signatures. A version not approved prints as a DRAFT. Pure: data → pdfmake document definition.
 */
import type { PlanState, Rhk, Target } from '../plans.ts';
import { type BerakhlakValue, berakhlak, berakhlakNames } from '../scoring.ts';
import {
  angka,
  type DocDefinition,
  draftNote,
  heading,
  identityTable,
  type Node,
  type PrintedPerson,
  page,
  signatures,
  tanggal,
  type Verification,
} from './pdf-common.ts';

/** The behaviours each BerAKHLAK value stands for (SE MenPANRB 20/2021, as the SKP form lists them). */
export const berakhlakBehaviours: Record<BerakhlakValue, string[]> = {
  berorientasi_pelayanan: [
    'Memahami dan memenuhi kebutuhan masyarakat',
    'Ramah, cekatan, solutif, dan dapat diandalkan',
    'Melakukan perbaikan tiada henti',
  ],
  akuntabel: [
    'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
    'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
    'Tidak menyalahgunakan kewenangan jabatan',
  ],
  kompeten: [
    'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
    'Membantu orang lain belajar',
    'Melaksanakan tugas dengan kualitas terbaik',
  ],
  harmonis: [
    'Menghargai setiap orang apa pun latar belakangnya',
    'Suka menolong orang lain',
    'Membangun lingkungan kerja yang kondusif',
  ],
  loyal: [
    'Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah',
    'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
    'Menjaga rahasia jabatan dan negara',
  ],
  adaptif: [
    'Cepat menyesuaikan diri menghadapi perubahan',
    'Terus berinovasi dan mengembangkan kreativitas',
    'Bertindak proaktif',
  ],
  kolaboratif: [
    'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
    'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
    'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
  ],
};

export const stateNames: Record<PlanState, string> = {
  draft: 'Draf',
  submitted: 'Diajukan, menunggu persetujuan',
  returned: 'Dikembalikan untuk diperbaiki',
  approved: 'Disetujui',
  superseded: 'Disetujui, kemudian diganti revisi',
};

/** Approved versions (in force, or once in force and since replaced) are the signed document; the rest are drafts. */
export const isApprovedState = (state: PlanState): boolean => state === 'approved' || state === 'superseded';

export interface SkpDocumentInput {
  organisation: string;
  year: number;
  planVersion: number;
  state: PlanState;
  effectiveFrom?: string;
  effectiveTo?: string;
  reason?: string;
  pegawai: PrintedPerson;
  /** The direct supervisor; null for someone whose pejabat penilai is outside the system (the Sekda's Wali Kota). */
  penilai: PrintedPerson | null;
  rhk: Rhk[];
  /** Titles of the pimpinan's RHK by id (the supervisor's plan), for the intervensi column. */
  parentTitles: ReadonlyMap<string, string>;
  /** Expectations the pimpinan set per BerAKHLAK value, when the plan stores them (none yet: "-"). */
  expectations?: Partial<Record<BerakhlakValue, string>>;
  place: string;
  /** The document's date (YYYY-MM-DD): the approval's day, else the day it was printed. */
  date: string;
  verification: Verification;
}

const aspectNames = { kuantitas: 'Kuantitas', kualitas: 'Kualitas', waktu: 'Waktu', biaya: 'Biaya' } as const;

/** A target as written in the form: "1.200 dokumen" style numbers with the unit; a range as "lo – hi". */
export const targetText = (t: Target, unit: string): string =>
  `${t.kind === 'single' ? angka(t.value) : `${angka(t.lo)} – ${angka(t.hi)}`} ${unit}`.trim();

const intervensiOf = (r: Rhk, parents: ReadonlyMap<string, string>): string =>
  r.parentRhkId ? (parents.get(r.parentRhkId) ?? r.parentRhkId) : r.unitGoal ? `Tujuan unit: ${r.unitGoal}` : '-';

function rhkRows(rhk: Rhk[], parents: ReadonlyMap<string, string>): Node[][] {
  const rows: Node[][] = [];
  for (const [kind, label] of [
    ['utama', 'A. UTAMA'],
    ['tambahan', 'B. TAMBAHAN'],
  ] as const) {
    rows.push([{ text: label, bold: true, colSpan: 6, fillColor: '#f4f4f4' }, '', '', '', '', '']);
    const ofKind = rhk.filter((r) => r.kind === kind);
    if (ofKind.length === 0) rows.push([{ text: '-', colSpan: 6, alignment: 'center' }, '', '', '', '', '']);
    ofKind.forEach((r, i) => {
      r.iki.forEach((k, j) => {
        const first = j === 0;
        const span = { rowSpan: r.iki.length };
        rows.push([
          first ? { text: String(i + 1), alignment: 'center', ...span } : '',
          first ? { text: intervensiOf(r, parents), ...span } : '',
          first ? { text: r.title, ...span } : '',
          aspectNames[k.aspect],
          k.name,
          { text: targetText(k.target, k.unit), alignment: 'center' },
        ]);
      });
    });
  }
  return rows;
}

function behaviourRows(expectations: Partial<Record<BerakhlakValue, string>>): Node[][] {
  return berakhlak.map((v, i) => [
    { text: String(i + 1), alignment: 'center' },
    {
      stack: [
        { text: berakhlakNames[v], bold: true },
        { ul: berakhlakBehaviours[v], fontSize: 7.5 },
      ],
    },
    expectations[v] ?? '-',
  ]);
}

export function skpDocument(d: SkpDocumentInput): DocDefinition {
  const draft = !isApprovedState(d.state);
  const title = `SKP ${d.year} ${d.pegawai.name} (NIP ${d.pegawai.nip}) versi ${d.planVersion}`;
  const th = (text: string) => ({ text, style: 'th' });
  const content: Node[] = [
    heading(
      [
        { text: 'SASARAN KINERJA PEGAWAI', style: 'title' },
        { text: 'PENDEKATAN HASIL KERJA KUANTITATIF', style: 'subtitle' },
        { text: d.organisation.toUpperCase(), style: 'subtitle' },
      ],
      d.verification,
    ),
    {
      columns: [
        { text: `PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER ${d.year}`, bold: true },
        { text: `Versi ${d.planVersion} · ${stateNames[d.state]}`, alignment: 'right' },
      ],
      margin: [0, 10, 0, 4],
    },
    ...(d.effectiveFrom
      ? [
          {
            text: `Berlaku sejak ${tanggal(d.effectiveFrom)}${d.effectiveTo ? ` sampai ${tanggal(d.effectiveTo)}` : ''}`,
            alignment: 'right',
            margin: [0, 0, 0, 4],
          },
        ]
      : []),
    ...(d.reason ? [{ text: `Alasan revisi: ${d.reason}`, margin: [0, 0, 0, 4] }] : []),
    identityTable([
      { heading: 'I. PEGAWAI YANG DINILAI', person: d.pegawai },
      { heading: 'II. PEJABAT PENILAI KINERJA', person: d.penilai, absent: 'Kepala Daerah (di luar sistem)' },
    ]),
    { text: 'HASIL KERJA', style: 'section' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [16, 100, '*', 44, '*', 62],
        body: [
          [
            th('NO'),
            th('RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI'),
            th('RENCANA HASIL KERJA'),
            th('ASPEK'),
            th('INDIKATOR KINERJA INDIVIDU'),
            th('TARGET'),
          ],
          ...rhkRows(d.rhk, d.parentTitles),
        ],
      },
    },
    { text: 'PERILAKU KERJA', style: 'section' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [16, '*', 150],
        body: [
          [th('NO'), th('PERILAKU KERJA (BerAKHLAK)'), th('EKSPEKTASI KHUSUS PIMPINAN')],
          ...behaviourRows(d.expectations ?? {}),
        ],
      },
    },
    ...(draft ? [draftNote(`SKP ini belum disetujui pejabat penilai kinerja (${stateNames[d.state]}).`)] : []),
    signatures(d.place, d.date, [
      { role: 'Pegawai yang Dinilai', person: d.pegawai },
      { role: 'Pejabat Penilai Kinerja', person: d.penilai },
    ]),
  ];
  return page(
    {
      title,
      footer: `SKP ${d.year} versi ${d.planVersion} · NIP ${d.pegawai.nip}`,
      draft,
      verification: d.verification,
    },
    content,
  );
}

/**
 * What every printed document shares (PermenPANRB 6/2022's forms): A4 portrait, the identity tables, Indonesian
 * dates and numbers, the signature blocks, the DRAFT watermark and the verification box (QR code and short code).
 * Pure: data in, pdfmake document-definition nodes out (shared/http/pdf.ts renders them).
 */

/** A pdfmake node or document definition: plain data (pdfmake ships no types). */
export type Node = Record<string, unknown> | string | Node[];
export type DocDefinition = Record<string, unknown> & { content: Node[] };

/** A person as a document names them (what the records hold: no pangkat/golongan is stored). */
export interface PrintedPerson {
  name: string;
  nip: string;
  position: string;
  unitName: string;
}

/** The print's verification: the public address its QR code opens, and the code printed beside it. */
export interface Verification {
  url: string;
  code: string;
}

const months = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** `2026-12-31` → `31 Desember 2026`. */
export function tanggal(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}

/** The month's name: 11 → November. */
export const monthName = (m: number): string => months[m - 1] ?? String(m);

/**
 * A figure as the API reports it (already half-up to two decimals), written the Indonesian way: decimal comma,
 * at most two decimals, no grouping (so 1234,5 reads back unambiguously). `null` → "-".
 */
export function angka(x: number | null | undefined): string {
  if (x === null || x === undefined) return '-';
  const fixed = Number.isInteger(x) ? String(x) : (Math.round(x * 100) / 100).toFixed(2).replace(/0$/, '');
  return fixed.replace('.', ',');
}

/** The short code as printed: groups of four, easy to read out and type (`K7Q2-M9XJ-4TPA-3WRE`). */
export const printedCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

export const styles = {
  title: { fontSize: 12, bold: true, alignment: 'center' },
  subtitle: { fontSize: 9.5, alignment: 'center', margin: [0, 1, 0, 0] },
  section: { fontSize: 9.5, bold: true, margin: [0, 10, 0, 4] },
  th: { bold: true, fillColor: '#e8e8e8', alignment: 'center' },
  small: { fontSize: 7.5, color: '#333333' },
};

/**
 * A4 portrait with the fonts embedded by the renderer; metadata names the document, never more than it shows. Every
 * page's footer says where to verify it (the address and the code) and which page of how many it is.
 */
export function page(
  doc: { title: string; footer: string; draft: boolean; verification: Verification },
  content: Node[],
): DocDefinition {
  const v = doc.verification;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 36, 40, 52],
    info: { title: doc.title, creator: 'kinerja-asn', producer: 'kinerja-asn (pdfmake)' },
    defaultStyle: { font: 'Roboto', fontSize: 8.5, lineHeight: 1.1 },
    styles,
    ...(doc.draft ? { watermark: { text: 'DRAFT', color: '#9a9a9a', opacity: 0.25, bold: true, fontSize: 110 } } : {}),
    footer: (current: number, count: number) => ({
      margin: [40, 12, 40, 0],
      stack: [
        {
          columns: [
            { text: doc.footer, style: 'small' },
            { text: `Halaman ${current} dari ${count}`, style: 'small', alignment: 'right', width: 90 },
          ],
        },
        {
          text: `Verifikasi keaslian: pindai kode QR atau buka ${v.url} (kode ${printedCode(v.code)})`,
          style: 'small',
        },
      ],
    }),
    content,
  };
}

/**
 * The document's heading: its title lines centred, and at the right the verification QR code with the short code
 * under it (the page it opens says what the document is and whether it is still the current one).
 */
export function heading(lines: Node[], v: Verification): Node {
  return {
    columns: [
      { width: 72, text: '' },
      { width: '*', stack: lines, margin: [0, 6, 0, 0] },
      {
        width: 72,
        stack: [
          { qr: v.url, fit: 68, eccLevel: 'M', alignment: 'right' },
          { text: printedCode(v.code), fontSize: 6.5, alignment: 'right', margin: [0, 1, 0, 0] },
        ],
      },
    ],
    margin: [0, 0, 0, 4],
  };
}

/** The two identity tables side by side, as in the form: NO / I. PEGAWAI YANG DINILAI / II. PEJABAT PENILAI KINERJA. */
export function identityTable(sides: { heading: string; person: PrintedPerson | null; absent?: string }[]): Node {
  const rows = (p: PrintedPerson | null, absent: string | undefined): Node[][] =>
    p
      ? [
          ['Nama', p.name],
          ['NIP', p.nip],
          ['Jabatan', p.position],
          ['Unit Kerja', p.unitName],
        ]
      : [['', absent ?? '-']];
  return {
    table: {
      widths: sides.map(() => '*'),
      body: [
        sides.map((s) => ({ text: s.heading, style: 'th', alignment: 'left' })),
        sides.map((s) => ({
          table: { widths: [52, '*'], body: rows(s.person, s.absent) },
          layout: 'noBorders',
        })),
      ],
    },
  };
}

/** Signature blocks: each with its role, room to sign, the name and NIP; the place and date above the last. */
export function signatures(
  place: string,
  date: string,
  blocks: { role: string; person: PrintedPerson | null }[],
): Node {
  return {
    margin: [0, 18, 0, 0],
    unbreakable: true,
    columns: blocks.map((b, i) => ({
      width: '*',
      alignment: 'center',
      stack: [
        i === blocks.length - 1 ? `${place}, ${tanggal(date)}` : ' ',
        b.role,
        { text: ' ', margin: [0, 26, 0, 0] },
        { text: b.person?.name ?? '(........................................)', bold: true, decoration: 'underline' },
        b.person ? `NIP ${b.person.nip}` : ' ',
      ],
    })),
  };
}

/** A draft's explicit statement beside the watermark, so a copy without the watermark still says it. */
export const draftNote = (text: string): Node => ({
  text: `DRAFT — ${text}`,
  bold: true,
  color: '#8a1c1c',
  alignment: 'center',
  margin: [0, 6, 0, 0],
});

/**
 * The public verification page of a printed document (what its QR code opens): the kind of document, its title,
 * the owner's name and NIP as printed, its date, and — first and largest — whether it is still the current one.
 * Same frame, stylesheet and headers as the survey pages: no scripts, no images, readable on a cheap phone.
 */
import { tanggal } from '../domain/documents/pdf-common.ts';
import { kindNames, type VerificationView } from '../domain/documents/pdf-prints.ts';
import type { Lang } from '../messages/catalogue.ts';
import { escapeHtml, layout } from './survey-page.ts';

const words = {
  id: {
    title: 'Verifikasi dokumen',
    current: 'BERLAKU — dokumen ini masih yang terkini.',
    currentDraft: 'Masih terkini, tetapi berstatus DRAFT: belum disetujui atau belum final.',
    stale: 'TIDAK BERLAKU LAGI — dokumen ini sudah diganti (direvisi atau diubah sesudah dicetak).',
    staleHint: 'Mintalah cetakan terbaru kepada pemiliknya.',
    kind: 'Jenis dokumen',
    document: 'Dokumen',
    owner: 'Pemilik',
    date: 'Tanggal dokumen',
    code: 'Kode verifikasi',
    note: 'Halaman ini hanya menampilkan apa yang tercetak pada dokumen itu sendiri.',
    unknown: 'Kode tidak dikenal',
  },
  en: {
    title: 'Document verification',
    current: 'VALID — this is still the current document.',
    currentDraft: 'Still current, but a DRAFT: not approved or not final yet.',
    stale: 'NO LONGER CURRENT — this document has been replaced (revised or changed after it was printed).',
    staleHint: 'Ask its owner for the latest print.',
    kind: 'Kind of document',
    document: 'Document',
    owner: 'Owner',
    date: 'Date of the document',
    code: 'Verification code',
    note: 'This page shows only what is printed on the document itself.',
    unknown: 'Unknown code',
  },
} as const;

const printed = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

export function verificationPage(v: VerificationView, lang: Lang): string {
  const w = words[lang];
  const status = v.current ? (v.draft ? w.currentDraft : w.current) : w.stale;
  const row = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  return layout(
    w.title,
    `<h1>${escapeHtml(w.title)}</h1>
<div class="box" role="status"><p><strong>${escapeHtml(status)}</strong></p>${v.current ? '' : `<p>${escapeHtml(w.staleHint)}</p>`}</div>
<dl>
${row(w.kind, kindNames[v.kind][lang])}
${row(w.document, v.title)}
${row(w.owner, `${v.name} (NIP ${v.nip})`)}
${row(w.date, tanggal(v.date))}
${row(w.code, printed(v.code))}
</dl>
<p class="note">${escapeHtml(w.note)}</p>`,
    lang,
  );
}

/** An unknown code (or any refusal) as a page, with the same message the JSON error would carry. */
export function verificationErrorPage(error: { code: string; message: string }, lang: Lang): string {
  const title = error.code === 'print_unknown' ? words[lang].unknown : words[lang].title;
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<div class="box" role="alert"><p>${escapeHtml(error.message)}</p></div>`,
    lang,
  );
}

/**
 * The citizen survey pages: plain HTML forms in Bahasa Indonesia that work without JavaScript on a cheap phone.
 * The questionnaire is PermenPANRB 14/2017's: each element its own question and its own four answers, with where
 * the citizen is ("1/9"). Accessible by construction: one fieldset and legend per question, a label for every
 * control, native radio buttons (keyboard: Tab between groups, arrows within), visible focus, text contrast above
 * 7:1, no images, no scripts.
 */
import { type ElementCode, skmElements } from '../domain/skm.ts';
import type { Lang } from '../messages/catalogue.ts';
import { STYLE } from './page-style.ts';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The public pages' frame (the survey's, and the verification of printed documents): one stylesheet, no scripts. */
export function layout(title: string, body: string, lang: Lang = 'id'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface SurveyFormView {
  organisation: string;
  unitName: string;
  serviceName: string;
}

/**
 * What the browser checks before sending a contact (the server checks it again, strictly): an e-mail address, or
 * a phone number of digits with spaces, dots, dashes or brackets. Written for the `v` flag browsers compile with.
 */
export const CONTACT_PATTERN = '\\s*(?:[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+|[+\\(]?[0-9][0-9 .\\(\\)\\-]{7,19})\\s*';

export function surveyFormPage(v: SurveyFormView): string {
  const total = skmElements.length;
  const element = (e: (typeof skmElements)[number], i: number) => `<fieldset>
<legend><span class="step"><span aria-hidden="true">${i + 1}/${total}</span><span class="vh">Pertanyaan ${i + 1} dari ${total}:</span></span> <span class="element">${escapeHtml(e.id)}</span> <span class="q">${escapeHtml(e.question.id)}</span></legend>
<div class="opts">
${e.answers.map((a, j) => `<label class="opt" for="${e.code}-${j + 1}"><input type="radio" id="${e.code}-${j + 1}" name="${e.code}" value="${j + 1}" required>${escapeHtml(a.id)}</label>`).join('\n')}
</div>
</fieldset>`;
  return layout(
    'Survei Kepuasan Masyarakat',
    `<h1>Survei Kepuasan Masyarakat</h1>
<p class="lead">${escapeHtml(v.organisation)} · ${escapeHtml(v.unitName)}<br>Layanan: <strong>${escapeHtml(v.serviceName)}</strong></p>
<p class="note">Ada ${total} pertanyaan tentang layanan yang baru Anda terima; pilih satu jawaban untuk setiap pertanyaan. Survei ini tanpa nama: kami tidak menyimpan data pribadi Anda, kecuali kontak yang Anda tulis sendiri untuk tindak lanjut pengaduan.</p>
<form method="post">
${skmElements.map(element).join('\n')}
<label for="comment"><strong>Saran atau pengaduan</strong> (tidak wajib)</label>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<div class="check"><input type="checkbox" id="complaint" name="complaint" value="ya"><label for="complaint">Ini pengaduan: saya ingin ditindaklanjuti oleh pimpinan unit (paling lambat 2×24 jam)</label></div>
<label for="contact"><strong>Nomor HP atau e-mail</strong> (tidak wajib)</label>
<p class="note" id="contact-note">Tulis bila Anda ingin dihubungi tentang pengaduan ini, mis. 0812 3456 7890 atau nama@contoh.id. Kontak hanya disimpan bila masukan Anda ditindaklanjuti, dan hanya dilihat petugas yang menindaklanjutinya.</p>
<input type="text" id="contact" name="contact" maxlength="254" autocapitalize="off" spellcheck="false" pattern="${CONTACT_PATTERN}" title="Nomor HP (mis. 0812 3456 7890) atau alamat e-mail (mis. nama@contoh.id)" aria-describedby="contact-note">
<button type="submit">Kirim penilaian</button>
</form>`,
  );
}

export function thankYouPage(followUp: boolean): string {
  return layout(
    'Terima kasih',
    `<h1>Terima kasih</h1>
<div class="box" role="status"><p>Penilaian Anda sudah kami terima dan akan dipakai untuk memperbaiki layanan.</p>
${followUp ? '<p>Masukan Anda diteruskan kepada pimpinan unit untuk ditindaklanjuti paling lambat 2×24 jam.</p>' : ''}</div>`,
  );
}

const titles: Record<string, { id: string; en: string }> = {
  survey_already_answered: { id: 'Survei sudah diisi', en: 'Survey already answered' },
  survey_link_expired: { id: 'Tautan kedaluwarsa', en: 'Link expired' },
  survey_link_invalid: { id: 'Tautan tidak sah', en: 'Invalid link' },
  survey_link_unknown: { id: 'Tautan tidak dikenal', en: 'Unknown link' },
  survey_contact_invalid: { id: 'Kontak tidak sah', en: 'Invalid contact' },
  validation_failed: { id: 'Jawaban belum lengkap', en: 'Answers incomplete' },
};

/** Every refusal as a page: a title, the same message the JSON error would carry, and what to do next. */
export function surveyErrorPage(error: { code: string; message: string }, lang: Lang): string {
  const title = titles[error.code]?.[lang] ?? (lang === 'en' ? 'Cannot continue' : 'Tidak dapat dilanjutkan');
  const incomplete = error.code === 'validation_failed';
  const message = incomplete
    ? lang === 'en'
      ? 'Some questions were not answered, or an answer was not 1–4. Nothing was saved.'
      : 'Ada pertanyaan yang belum dijawab, atau jawabannya bukan 1–4. Belum ada yang tersimpan.'
    : error.message;
  const back = incomplete
    ? `<p><a href="">${lang === 'en' ? 'Back to the form: answer each of the nine questions' : 'Kembali ke formulir: jawab kesembilan pertanyaan'}</a></p>`
    : error.code === 'survey_contact_invalid'
      ? `<p><a href="">${lang === 'en' ? 'Back to the form' : 'Kembali ke formulir'}</a></p>`
      : '';
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<div class="box" role="alert"><p>${escapeHtml(message)}</p></div>\n${back}`,
    lang,
  );
}

export type FormAnswers = Record<ElementCode, number>;

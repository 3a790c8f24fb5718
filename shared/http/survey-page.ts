/**
 * The citizen survey pages: plain HTML forms in Bahasa Indonesia that work without JavaScript on a cheap phone.
 * The questionnaire is PermenPANRB 14/2017's: each element its own question and its own four answers, with where
 * the citizen is ("1/9"). Accessible by construction: one fieldset and legend per question, a label for every
 * control, native radio buttons (keyboard: Tab between groups, arrows within), visible focus, text contrast above
 * 7:1, no images, no scripts.
 */
import { createHash } from 'node:crypto';
import { type ElementCode, skmElements } from '../domain/skm.ts';
import type { Lang } from '../messages/catalogue.ts';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0}
.lead{color:#333}
fieldset{border:1px solid #767676;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
legend{float:left;width:100%;padding:0;margin:0 0 .6rem}
.step{display:inline-block;font-weight:600;font-size:.9rem;color:#fff;background:#0b4f8a;border-radius:.3rem;padding:0 .4rem;margin-right:.35rem}
.element{font-weight:600}
.q{display:block;margin-top:.2rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
input[type=text]{width:100%;margin:0 0 1rem;min-height:2.75rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.4rem}
.opts{clear:both;display:grid;grid-template-columns:1fr 1fr;gap:.4rem}
.opt{display:flex;align-items:center;gap:.5rem;min-height:2.75rem;padding:.25rem .5rem;border:1px solid #767676;border-radius:.4rem}
.opt input{flex-shrink:0;width:1.4rem;height:1.4rem;margin:0;accent-color:#0b4f8a}
label{cursor:pointer}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.4rem}
.check{display:flex;gap:.5rem;align-items:flex-start;margin:.75rem 0}
.check input{flex-shrink:0;width:1.4rem;height:1.4rem;margin:.15rem 0 0}
button{font:inherit;font-weight:600;color:#fff;background:#0b4f8a;border:0;border-radius:.5rem;padding:.8rem 1.5rem;min-height:3rem;width:100%}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.note{color:#333;font-size:.95rem}
.box{border-left:.35rem solid #0b4f8a;padding:.5rem 1rem;background:#f3f6fa}
`;

/**
 * The pages' Content-Security-Policy allows exactly this stylesheet by its hash (no 'unsafe-inline'): a style
 * injected into a page would not apply, and there are no scripts at all.
 */
export const pageStyleSource = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

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

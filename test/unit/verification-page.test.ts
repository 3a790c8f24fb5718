/** The public verification page of a print: what it says in each state and language, and nothing it should not. */
import { describe, expect, it } from 'vitest';
import type { VerificationView } from '../../shared/domain/documents/pdf-prints.ts';
import { verificationErrorPage, verificationPage } from '../../shared/http/verification-page.ts';

const view = (over: Partial<VerificationView> = {}): VerificationView => ({
  kind: 'skp',
  title: 'SKP 2026 versi 2',
  name: 'Rahmat Hidayat Daulay',
  nip: '199605212020121003',
  date: '2026-03-02',
  draft: false,
  current: true,
  code: 'K7Q2M9XJ4TPA3WRE',
  ...over,
});

describe('verification page', () => {
  it.each([
    [{}, 'id', 'BERLAKU — dokumen ini masih yang terkini.'],
    [{ draft: true }, 'id', 'Masih terkini, tetapi berstatus DRAFT'],
    [{ current: false }, 'id', 'TIDAK BERLAKU LAGI'],
    [{ current: false }, 'en', 'NO LONGER CURRENT'],
    [{}, 'en', 'VALID — this is still the current document.'],
  ] as const)('%j in %s says %s', (over, lang, text) => {
    const html = verificationPage(view(over), lang);
    expect(html).toContain(text);
    expect(html).toContain(`<html lang="${lang}">`);
  });

  it('shows the document and its owner as printed, escaped, and no script', () => {
    const html = verificationPage(view({ name: 'A <b>"B"</b> & C', kind: 'evaluation' }), 'id');
    expect(html).toContain('A &lt;b&gt;&quot;B&quot;&lt;/b&gt; &amp; C (NIP 199605212020121003)');
    expect(html).toContain('Dokumen Evaluasi Kinerja Pegawai');
    expect(html).toContain('2 Maret 2026');
    expect(html).toContain('K7Q2-M9XJ-4TPA-3WRE');
    expect(html).not.toMatch(/<script/i);
  });

  it('an unknown code is a page with the API message', () => {
    const html = verificationErrorPage({ code: 'print_unknown', message: 'Kode verifikasi ini tidak dikenal.' }, 'id');
    expect(html).toContain('<h1>Kode tidak dikenal</h1>');
    expect(html).toContain('role="alert"');
  });
});

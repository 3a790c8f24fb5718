/**
 * The largest SKP a plan may hold (60 IKI, the longest texts the API accepts) rendered for real: fonts embedded,
 * every IKI on the pages, and far under Lambda's 6 MB response (base64 adds a third).
 */
import { describe, expect, it } from 'vitest';
import { skpDocument } from '../../shared/domain/documents/pdf-skp.ts';
import { MAX_IKI_PER_PLAN, type Rhk } from '../../shared/domain/plans.ts';
import { renderPdf } from '../../shared/http/pdf.ts';
import { pdfText } from '../support/pdf.ts';

const long = (prefix: string, n: number) => `${prefix} ${'pelayanan administrasi kependudukan '.repeat(9)}`.slice(0, n);

const rhk: Rhk[] = Array.from({ length: 12 }, (_, r) => ({
  id: `r-${r}`,
  kind: r < 8 ? 'utama' : 'tambahan',
  title: long(`RHK-${r}`, 300),
  unitGoal: long('Tujuan', 300),
  iki: Array.from({ length: MAX_IKI_PER_PLAN / 12 }, (_, k) => ({
    id: `k-${r}-${k}`,
    name: long(`IKI-${r}-${k}`, 300),
    aspect: 'kuantitas' as const,
    target: { kind: 'single' as const, value: 1200 },
    unit: 'dokumen',
    direction: 'higher' as const,
    weight: 100 / MAX_IKI_PER_PLAN,
  })),
}));

describe('rendering', () => {
  it('the largest plan prints every IKI, with its fonts, well inside the response limit', {
    timeout: 60_000,
  }, async () => {
    const bytes = await renderPdf(
      skpDocument({
        organisation: 'Pemerintah Kota Medan',
        year: 2026,
        planVersion: 1,
        state: 'draft',
        pegawai: { name: 'Rahmat Hidayat Daulay', nip: '199605212020121003', position: 'Staf', unitName: 'Seksi' },
        penilai: null,
        rhk,
        parentTitles: new Map(),
        place: 'Medan',
        date: '2026-11-30',
        verification: { url: 'https://kinerja.example/v/kota-medan/K7Q2M9XJ4TPA3WRE', code: 'K7Q2M9XJ4TPA3WRE' },
      }),
    );
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/FontFile2');
    expect((bytes.length * 4) / 3).toBeLessThan(1_000_000);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(1);
    for (const r of rhk) for (const k of r.iki) expect(text).toContain(`IKI-${r.id.slice(2)}-${k.id.split('-')[2]} `);
    expect(text).toContain('DRAFT');
  });
});

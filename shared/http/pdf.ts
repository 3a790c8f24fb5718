/**
 * Renders a pdfmake document definition (built by the pure builders of shared/domain/documents) to PDF bytes, with
 * the embedded fonts and no network or disk access beyond them. Only the printing functions import this module,
 * so pdfmake and pdfkit are bundled into those alone.
 */
import pdfmake from 'pdfmake';
import type { Reply } from './handler.ts';
import { fontBytes, pdfFontFiles } from './pdf-fonts.ts';

let ready = false;

function setUp(): void {
  if (ready) return;
  // pdfmake's in-memory file system trims `__dirname` off names; an ES module bundle has none (a CommonJS run has).
  (globalThis as { __dirname?: string }).__dirname ??= '/nonexistent';
  for (const file of Object.values(pdfFontFiles)) pdfmake.virtualfs.writeFileSync(file, fontBytes(file));
  pdfmake.addFonts({
    Roboto: {
      normal: pdfFontFiles.normal,
      bold: pdfFontFiles.bold,
      italics: pdfFontFiles.normal,
      bolditalics: pdfFontFiles.bold,
    },
  });
  // Documents name no images or files by address: nothing is fetched or read while one is made.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

/** The PDF's bytes. */
export async function renderPdf(definition: object): Promise<Buffer> {
  setUp();
  return pdfmake.createPdf(definition as never).getBuffer();
}

/** A PDF download: an attachment named `filename`, never cached, with its verification code beside it. */
export const pdfReply = (bytes: Uint8Array, filename: string, code: string): Reply => ({
  binary: bytes,
  headers: {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
    'x-print-code': code,
  },
});

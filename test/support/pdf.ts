/** Reading back a PDF the API made: its text (pdfjs-dist) and the QR code on a page, rendered and decoded (jsQR). */
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const open = (bytes: Uint8Array) =>
  getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;

/** Every page's text, pages joined by newlines and items by spaces (whitespace runs collapsed). */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const doc = await open(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return { text: pages.join('\n').replace(/[ \t]+/g, ' '), pages: doc.numPages };
}

/** The QR code found on a page (the first by default, where documents carry it), as a phone reads it from paper. */
export async function pdfQrCode(bytes: Uint8Array, pageNumber?: number): Promise<string | undefined> {
  const doc = await open(bytes);
  const page = await doc.getPage(pageNumber ?? 1);
  const viewport = page.getViewport({ scale: 3 });
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvasContext: context, canvas, viewport } as never).promise;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  await doc.destroy();
  return jsQR(image.data, image.width, image.height)?.data;
}

interface CanvasFactory {
  create(
    w: number,
    h: number,
  ): {
    canvas: { width: number; height: number };
    context: {
      getImageData(
        x: number,
        y: number,
        w: number,
        h: number,
      ): { data: Uint8ClampedArray; width: number; height: number };
    };
  };
}

import { getPlanDocument } from '#shared/api/documents-print';
import { skpDocumentOf } from '#shared/app/documents';
import { userHandler } from '#shared/http/handler';
import { publicBaseUrl } from '#shared/http/links';
import { pdfReply, renderPdf } from '#shared/http/pdf';

/** The Dokumen SKP of a plan version as an A4 PDF, with its verification code. */
export const handler = userHandler(getPlanDocument, async (req) => {
  const { nip, year } = req.params;
  const doc = await skpDocumentOf(req, nip, year, req.query.version, publicBaseUrl(req.headers));
  return pdfReply(await renderPdf(doc.definition), doc.filename, doc.code);
});

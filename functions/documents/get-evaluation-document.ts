import { getEvaluationDocument } from '#shared/api/documents-print';
import { evaluationDocumentOf } from '#shared/app/documents';
import { userHandler } from '#shared/http/handler';
import { publicBaseUrl } from '#shared/http/links';
import { pdfReply, renderPdf } from '#shared/http/pdf';

/** The Dokumen Evaluasi Kinerja Pegawai of a period as an A4 PDF, with its verification code. */
export const handler = userHandler(getEvaluationDocument, async (req) => {
  const { nip, periodId } = req.params;
  const doc = await evaluationDocumentOf(req, nip, periodId, publicBaseUrl(req.headers));
  return pdfReply(await renderPdf(doc.definition), doc.filename, doc.code);
});

import { getPrintVerification } from '#shared/api/documents-print';
import { verifyPrint } from '#shared/app/documents';
import { pageHeaders, publicHandler } from '#shared/http/handler';
import { verificationErrorPage, verificationPage } from '#shared/http/verification-page';

/** The public page a printed document's QR code opens: what the document is, and whether it still holds. */
export const handler = publicHandler(
  getPrintVerification,
  async (req) => ({
    html: verificationPage(await verifyPrint(req.params.org, req.params.code), req.lang),
    headers: pageHeaders,
  }),
  verificationErrorPage,
);

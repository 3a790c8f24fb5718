/**
 * Printed documents: the Dokumen SKP of a plan version and the Dokumen Evaluasi Kinerja of a period as A4 PDFs, and
 * the public page that verifies a print by its code. (shared/api/documents.ts is the OpenAPI document's builder.)
 */
import * as z from 'zod/mini';
import { documentMessages } from '../messages/documents.ts';
import { evaluationMessages } from '../messages/evaluations.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { serviceMessages } from '../messages/services.ts';
import { routeWith } from './route.ts';
import { nipParam, performanceYear, periodId } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, evaluationMessages, documentMessages);
/** The public page shares the survey pages' frame (shared/http/survey-page.ts), which names their codes. */
const pageRoute = routeWith(periodMessages, planMessages, evaluationMessages, documentMessages, serviceMessages);

const pdf = (description: string) => ({ description, contentType: 'application/pdf' });

export const getPlanDocument = route({
  name: 'get-plan-document',
  params: z.object({ nip: nipParam, year: performanceYear }),
  query: z.object({
    version: z.optional(
      z.coerce
        .number()
        .check(
          z.int(),
          z.minimum(1),
          z.maximum(999),
          z.meta({ description: 'Versi SKP (planVersion); tanpa ini, versi terakhir / plan version, else the latest' }),
        ),
    ),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Dokumen',
        summary: 'Dokumen SKP (PDF A4) satu versi SKP / the SKP of a plan version as a PDF',
        description:
          "PermenPANRB 6/2022's SKP form: the pegawai and the pejabat penilai kinerja, the RHK with the pimpinan's RHK they " +
          'intervene, their IKI, aspects and targets, the seven BerAKHLAK behaviours, "Medan, <tanggal>" and the signature ' +
          'blocks. A version not approved prints with a DRAFT watermark. Each print carries a QR code and a 16-character ' +
          'code opening the public verification page (`GET /v/{org}/{code}`); printing the same content again reuses the ' +
          'code. Readable as the plan is (the owner, their supervisors, their OPD admin, BKPSDM, auditors); every ' +
          'download is recorded in the audit trail (entity `Print`).',
        responses: { 200: pdf('The document (`content-disposition: attachment`, `x-print-code`: its code)') },
        errors: [400, 403, 404],
      },
});

export const getEvaluationDocument = route({
  name: 'get-evaluation-document',
  params: z.object({ nip: nipParam, periodId }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Dokumen',
        summary: 'Dokumen Evaluasi Kinerja Pegawai (PDF A4) / the evaluation of a period as a PDF',
        description:
          'The pegawai, the pejabat penilai and the atasan pejabat penilai; each IKI with its RHK, the target of the period, ' +
          'realisasi, capaian and category; the nilai kinerja; the hasil kerja and perilaku ratings with the seven ' +
          'BerAKHLAK ratings; the predikat; place, date and signatures. The figures are those `GET …/evaluations/{periodId}` ' +
          'answers (half-up to two decimals), written with a decimal comma. A year (`2026`) gives the annual evaluation. Not ' +
          'final for the person’s OPD → DRAFT watermark. Verifiable and audited like the SKP document.',
        responses: { 200: pdf('The document (`content-disposition: attachment`, `x-print-code`: its code)') },
        errors: [400, 403, 404],
      },
});

export const getPrintVerification = pageRoute({
  name: 'get-print-verification',
  params: z.object({
    org: z
      .string()
      .check(z.maxLength(63), z.meta({ description: 'Organisasi / organisation', examples: ['kota-medan'] })),
    code: z
      .string()
      .check(z.maxLength(40), z.meta({ description: 'Kode verifikasi / print code', examples: ['K7Q2M9XJ4TPA3WRE'] })),
  }),
  errorsAs: 'html',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Dokumen',
        summary: 'Halaman verifikasi dokumen cetak (publik) / public verification page of a printed document',
        description:
          'What a QR code on a printed SKP or evaluation opens, for anyone holding the paper: the kind of document, its ' +
          'title and version, the owner (name and NIP, as printed), its date, and whether it is still the current one ' +
          '(a revised plan or a changed evaluation makes older prints "tidak berlaku lagi"). The code may be typed with ' +
          'dashes, spaces or in lower case. An unknown code gets a 404 page. HTML, no scripts.',
        responses: {
          200: {
            description: 'The verification page',
            contentType: 'text/html',
            example: '<!doctype html><html lang="id">…</html>',
          },
        },
        errors: [404],
      },
});

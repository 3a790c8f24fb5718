/** Printed documents (SKP, evaluations) and their public verification page. */
import type { Catalogue } from './catalogue.ts';

export const documentMessages = {
  print_unknown: {
    id: 'Kode verifikasi ini tidak dikenal. Periksa kembali kode pada dokumen (16 huruf dan angka), atau pindai ulang kode QR-nya.',
    en: 'This verification code is not known. Check the code on the document (16 letters and digits), or scan its QR code again.',
  },
} satisfies Catalogue;

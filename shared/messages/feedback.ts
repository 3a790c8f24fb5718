/** Feedback and performance dialogs. */
import type { Catalogue } from './catalogue.ts';

export const feedbackMessages = {
  feedback_thread_full: {
    id: 'Umpan balik ini sudah berisi {max} balasan. Lanjutkan dengan umpan balik baru atau catat dialog kinerja.',
    en: 'This feedback already has {max} replies. Continue with a new feedback or record a performance dialog.',
  },
  feedback_target_unknown: {
    id: 'Umpan balik merujuk {kind} yang tidak ada pada pegawai ini: {ref}.',
    en: 'The feedback refers to a {kind} this employee does not have: {ref}.',
  },
} as const satisfies Catalogue;

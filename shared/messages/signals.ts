/** Fairness signals, rater patterns and adoption as people read them (issue 18). */
import type { Catalogue } from './catalogue.ts';

export const signalMessages = {
  fairness_not_computed: {
    id: 'Angka keadilan periode {period} untuk {subject} belum dihitung. Perhitungan berjalan setiap hari pukul 02.00 WIB, dan Admin BKPSDM dapat menjalankannya sekarang.',
    en: 'The fairness figures of period {period} for {subject} have not been computed yet. They are computed daily at 02:00 WIB, and the BKPSDM admin can run the computation now.',
  },
  signal_unknown: {
    id: 'Sinyal {signal} tidak ada pada periode {period} (mungkin hilang pada perhitungan ulang). Muat ulang daftar sinyal.',
    en: 'Signal {signal} does not exist in period {period} (a recompute may have removed it). Reload the list of signals.',
  },
} as const satisfies Catalogue;

/** Performance years, their periods and rules. */
import type { Catalogue } from './catalogue.ts';

export const periodMessages = {
  year_exists: {
    id: 'Tahun kinerja {year} sudah dibuka untuk organisasi ini.',
    en: 'Performance year {year} is already open for this organisation.',
  },
  year_not_open: {
    id: 'Tahun kinerja {year} belum dibuka. Admin BKPSDM perlu membukanya lebih dulu.',
    en: 'Performance year {year} is not open yet. The BKPSDM admin must open it first.',
  },
  period_transition_invalid: {
    id: 'Periode {period} berstatus {from} dan tidak bisa diubah menjadi {to}. Yang boleh: {allowed}.',
    en: 'Period {period} is {from} and cannot become {to}. Allowed: {allowed}.',
  },
  thresholds_out_of_order: {
    id: 'Ambang "sesuai ekspektasi" harus lebih kecil dari ambang "di atas ekspektasi".',
    en: 'The "meets expectation" threshold must be below the "above expectation" threshold.',
  },
  cap_below_above_threshold: {
    id: 'Batas atas capaian tidak boleh lebih kecil dari ambang "di atas ekspektasi".',
    en: 'The capaian cap cannot be below the "above expectation" threshold.',
  },
  period_finalised: {
    id: 'Periode {period} sudah final dan tidak bisa diubah.',
    en: 'Period {period} is finalised and cannot change.',
  },
  deadline_before_period_end: {
    id: 'Batas pengisian {deadline} tidak boleh sebelum akhir periode ({end}).',
    en: 'The input deadline {deadline} cannot be before the end of the period ({end}).',
  },
  deadline_locked: {
    id: 'Batas pengisian periode {period} tidak bisa diubah karena periode sudah {state}.',
    en: 'The input deadline of period {period} cannot change: the period is already {state}.',
  },
  year_periods_not_finalised: {
    id: 'Tahun {year} baru bisa berstatus {state} setelah semua periodenya {state}: belum {pending}.',
    en: 'Year {year} can be {state} only after all its periods are {state}: not yet {pending}.',
  },
  period_state_by_workflow: {
    id: 'Status {state} ditetapkan lewat POST /years/<tahun>/periods/<periode>/finalise, yang memeriksa kurva distribusi dan konfirmasi atasan.',
    en: 'State {state} is set through POST /years/<year>/periods/<period>/finalise, which checks the distribution curve and the reviews.',
  },
} as const satisfies Catalogue;

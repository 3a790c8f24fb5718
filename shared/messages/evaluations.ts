/** Scoring, evaluations, finalisation and appeals. */
import type { Catalogue } from './catalogue.ts';

export const evaluationMessages = {
  scoring_period_state: {
    id: 'Periode {period} berstatus {state}; penilaian dijalankan untuk periode yang sudah ditutup (closed) atau dinilai ulang (scored). Tutup periode dahulu.',
    en: 'Period {period} is {state}; scoring runs on a closed period (or re-runs on a scored one). Close the period first.',
  },
  period_not_scored: {
    id: 'Periode {period} berstatus {state}; tindakan ini menunggu hasil penilaian (scored).',
    en: 'Period {period} is {state}; this waits for the period to be scored.',
  },
  period_finalised_locked: {
    id: 'Periode {period} sudah final; penilaiannya hanya dapat diubah melalui keberatan.',
    en: 'Period {period} is finalised; its evaluations change only through an appeal.',
  },
  behaviour_missing: {
    id: 'Penilaian perilaku (tujuh nilai BerAKHLAK) belum diisi; isi dahulu sebelum mengonfirmasi.',
    en: 'The behaviour ratings (the seven BerAKHLAK values) are missing; enter them before confirming.',
  },
  override_reason_required: {
    id: 'Penilaian {what} berbeda dari rekomendasi ({recommended}); tuliskan alasannya.',
    en: 'The {what} rating differs from the recommendation ({recommended}); write the reason.',
  },
  evaluations_unreviewed: {
    id: '{count} penilaian belum dikonfirmasi atasan (atau berubah sejak dikonfirmasi). Kirim acceptRecommendations: true untuk memfinalkan dengan rekomendasinya.',
    en: '{count} evaluations are not confirmed by the supervisor (or changed since). Send acceptRecommendations: true to finalise them with their recommendations.',
  },
  distribution_unacknowledged: {
    id: 'Ada {count} pelanggaran kurva distribusi (lihat details). Memfinalkan memerlukan acknowledgement dengan alasan.',
    en: 'There are {count} distribution-curve violations (see details). Finalising needs an acknowledgement with a reason.',
  },
  evaluations_incomplete: {
    id: '{count} penilaian belum punya predikat (penilaian perilaku belum diisi).',
    en: '{count} evaluations have no predikat yet (behaviour ratings missing).',
  },
  evaluations_unscored: {
    id: '{count} pegawai aktif belum punya penilaian (terdaftar sesudah penilaian dijalankan). Jalankan penilaian lagi (POST /scoring-runs); jadwal harian juga menilai mereka.',
    en: '{count} active employees have no evaluation (registered after the scoring run). Run scoring again (POST /scoring-runs); the daily schedule scores them too.',
  },
  finalise_not_opd: {
    id: 'Unit {unit} bukan OPD; finalisasi dan pemeriksaan distribusi dilakukan per OPD (unit teratas).',
    en: 'Unit {unit} is not an OPD; finalisation and the distribution check go by OPD (a top unit).',
  },
  opd_finalised: {
    id: 'Penilaian {opd} untuk periode {period} sudah final.',
    en: 'The evaluations of {opd} for period {period} are already final.',
  },
  decision_ref_required: {
    id: 'Pegawai ini tidak punya atasan di sistem: catat nomor dan tanggal keputusan atasannya (decisionRef), mis. keputusan Wali Kota untuk Sekda.',
    en: "This employee has no superior in the system: record the number and date of the superior's decision (decisionRef), e.g. the Wali Kota's for the Sekda.",
  },
  decision_ref_not_expected: {
    id: 'decisionRef hanya untuk mencatat keputusan atasan di luar sistem; atasan langsung menilai tanpa decisionRef.',
    en: 'decisionRef is only for recording the decision of a superior outside the system; a direct supervisor rates without it.',
  },
  appeal_not_final: {
    id: 'Penilaian periode {period} belum final ({state}); keberatan diajukan sesudah penilaian difinalkan.',
    en: 'The evaluation of period {period} is not final yet ({state}); an appeal is filed after finalisation.',
  },
  scoring_run_in_progress: {
    id: 'Penilaian periode ini sedang berjalan ({runId}); tunggu sampai selesai.',
    en: 'Scoring of this period is running ({runId}); wait until it is done.',
  },
  appeal_window_closed: {
    id: 'Batas pengajuan keberatan adalah {deadline} ({days} hari sesudah penilaian final).',
    en: 'The appeal deadline was {deadline} ({days} days after finalisation).',
  },
  appeal_exists: {
    id: 'Keberatan atas penilaian ini sudah diajukan ({state}).',
    en: 'An appeal against this evaluation was already filed ({state}).',
  },
  appeal_not_open: {
    id: 'Tidak ada keberatan yang menunggu keputusan pada penilaian ini.',
    en: 'There is no appeal awaiting a decision on this evaluation.',
  },
  appeal_revision_missing: {
    id: 'Keputusan "revised" memerlukan hasilKerja dan perilaku yang baru.',
    en: 'A "revised" decision needs the new hasilKerja and perilaku ratings.',
  },
} as const satisfies Catalogue;

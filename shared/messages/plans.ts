/** SKP plans. */
import type { Catalogue } from './catalogue.ts';

export const planMessages = {
  plan_exists: {
    id: 'SKP tahun {year} untuk NIP {nip} sudah ada. Ubah draf yang ada, atau ajukan revisi bila sudah disetujui.',
    en: 'An SKP for {year} already exists for NIP {nip}. Edit the draft, or request a revision if it is approved.',
  },
  plan_state: {
    id: 'SKP versi {planVersion} berstatus {state}; tindakan "{action}" hanya untuk status {allowed}.',
    en: 'SKP version {planVersion} is {state}; "{action}" is only possible when it is {allowed}.',
  },
  plan_too_large: {
    id: 'SKP terlalu besar: {iki} IKI dan {kb} KB; batasnya {maxIki} IKI dan {maxKb} KB. Ringkas uraiannya.',
    en: 'The SKP is too large: {iki} IKI and {kb} KB; the limits are {maxIki} IKI and {maxKb} KB. Shorten it.',
  },
  plan_period_locked: {
    id: 'Tidak ada lagi hari di tahun {period} yang periodenya belum dinilai; SKP tahun itu tidak bisa diubah (ajukan keberatan bila perlu).',
    en: "No day of {period} is left in a period not yet scored; that year's plan can no longer change (file an appeal if needed).",
  },
  supervisor_plan_not_approved: {
    id: 'SKP atasan langsung ({supervisor}) tahun {year} belum disetujui. RHK atasan yang berlaku diperlukan untuk intervensi.',
    en: "The direct supervisor's ({supervisor}) SKP for {year} is not approved yet. Their plan in force is needed for cascading.",
  },
  plan_duplicate_id: {
    id: 'Kode {id} dipakai lebih dari sekali dalam SKP; setiap RHK dan IKI perlu kode sendiri.',
    en: 'Id {id} is used more than once in the SKP; every RHK and IKI needs its own.',
  },
  plan_empty: {
    id: 'SKP belum berisi RHK. Tambahkan minimal satu RHK dengan indikatornya.',
    en: 'The SKP has no RHK. Add at least one RHK with its indicators.',
  },
  plan_rhk_without_iki: {
    id: 'RHK "{rhk}" belum punya IKI. Setiap RHK perlu minimal satu indikator.',
    en: 'RHK "{rhk}" has no IKI. Every RHK needs at least one indicator.',
  },
  plan_range_inverted: {
    id: 'Target rentang IKI "{iki}" terbalik: batas bawah {lo} harus lebih kecil dari batas atas {hi}.',
    en: 'The range target of IKI "{iki}" is inverted: the lower bound {lo} must be below the upper bound {hi}.',
  },
  plan_weights_not_100: {
    id: 'Jumlah bobot IKI adalah {total}, harus tepat 100.',
    en: 'The IKI weights add up to {total}; they must add up to exactly 100.',
  },
  plan_no_utama: {
    id: 'SKP harus punya minimal satu RHK utama.',
    en: 'The SKP needs at least one main RHK (utama).',
  },
  plan_intervensi_missing: {
    id: 'RHK "{rhk}" belum menyebut RHK atasan yang diintervensi (parentRhkId).',
    en: 'RHK "{rhk}" does not name the supervisor\'s RHK it contributes to (parentRhkId).',
  },
  plan_intervensi_not_supervisors: {
    id: 'RHK "{rhk}" menunjuk {parent}, yang bukan RHK dalam SKP atasan langsung ({supervisor}).',
    en: 'RHK "{rhk}" points to {parent}, which is not an RHK of the direct supervisor\'s SKP ({supervisor}).',
  },
  plan_unit_goal_missing: {
    id: 'RHK "{rhk}" perlu sasaran unit (unitGoal), karena Anda pimpinan unit tanpa atasan di sistem.',
    en: 'RHK "{rhk}" needs a unit goal (unitGoal), as you head a unit with no supervisor in the system.',
  },
  plan_service_metric_missing: {
    id: 'IKI "{iki}" diukur dari data layanan; pilih serviceMetric (served, within_standard_pct, median_minutes, atau ikm).',
    en: 'IKI "{iki}" is measured from service data; choose its serviceMetric (served, within_standard_pct, median_minutes or ikm).',
  },
  copy_source_missing: {
    id: 'Tidak ada SKP tahun {year} untuk disalin.',
    en: 'There is no SKP for {year} to copy.',
  },
} as const satisfies Catalogue;

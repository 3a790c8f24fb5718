/** Daily activities and their verification. */
import type { Catalogue } from './catalogue.ts';

export const activityMessages = {
  activity_conflict: {
    id: 'Aktivitas atau hari yang sama diubah pada saat yang sama. Muat ulang lalu ulangi; tidak ada yang tersimpan.',
    en: 'The activity or its day was changed at the same moment. Reload and try again; nothing was saved.',
  },
  activity_time_invalid: {
    id: 'Jam selesai ({end}) harus sesudah jam mulai ({start}) pada hari yang sama.',
    en: 'The end time ({end}) must be after the start time ({start}) on the same day.',
  },
  activity_future: {
    id: 'Aktivitas {date} {start}–{end} belum terjadi; catat sesudah selesai.',
    en: 'Activity {date} {start}–{end} has not happened yet; log it once it is done.',
  },
  activity_past_deadline: {
    id: 'Batas pengisian periode {period} adalah {deadline}; aktivitas tanggal {date} tidak bisa lagi ditambah atau diubah.',
    en: 'The input deadline of period {period} was {deadline}; activities of {date} can no longer be added or changed.',
  },
  activity_period_closed: {
    id: 'Periode {period} sudah {state}; aktivitasnya tidak bisa lagi ditambah atau diubah.',
    en: 'Period {period} is already {state}; its activities can no longer be added or changed.',
  },
  activity_overlap: {
    id: 'Waktu {start}–{end} bertumpang tindih dengan aktivitas Anda {otherStart}–{otherEnd} pada {date}.',
    en: 'The time {start}–{end} overlaps your activity {otherStart}–{otherEnd} on {date}.',
  },
  activity_iki_not_in_plan: {
    id: 'IKI {iki} (RHK {rhk}) tidak ada dalam SKP Anda yang berlaku pada {date}.',
    en: 'IKI {iki} (RHK {rhk}) is not in your SKP in force on {date}.',
  },
  activity_no_plan: {
    id: 'Belum ada SKP yang disetujui dan berlaku pada {date}; aktivitas dicatat terhadap IKI SKP yang berlaku.',
    en: 'There is no approved SKP in force on {date}; activities are logged against an IKI of the plan in force.',
  },
  activity_state: {
    id: 'Aktivitas ini berstatus {status}; tindakan "{action}" hanya untuk status {allowed}.',
    en: 'This activity is {status}; "{action}" is only possible when it is {allowed}.',
  },
  idempotency_key_reused: {
    id: 'Idempotency-Key ini sudah dipakai untuk permintaan lain. Pakai kunci baru untuk aktivitas baru.',
    en: 'This Idempotency-Key was already used for a different request. Use a new key for a new activity.',
  },
  daily_cap_exceeded: {
    id: 'Jumlah menit tercatat pada {date} menjadi {logged}; hanya {cap} menit per hari yang dihitung, selebihnya disimpan tetapi tidak dihitung.',
    en: 'Minutes logged on {date} are now {logged}; only {cap} minutes a day count, the rest is kept but not counted.',
  },
} as const satisfies Catalogue;

/**
 * Why a verification decision was refused, naming the activity the decision was about (the employee and the date
 * the caller sent: nothing is read about a person the caller does not decide for).
 */
export const activityDecisionRefused = (nip: string, date: string): { id: string; en: string } => ({
  id: `hanya atasan langsung pegawai ${nip} (atau Plt/Plh-nya pada tanggal itu) yang memverifikasi aktivitasnya tanggal ${date}`,
  en: `only the direct supervisor of employee ${nip} (or their acting official on that date) verifies their activity of ${date}`,
});

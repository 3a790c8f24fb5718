/** Public services: catalogue, hours, holidays, transactions pushed by agency systems, and the survey. */
import type { Catalogue } from './catalogue.ts';

export const serviceMessages = {
  service_type_exists: {
    id: 'Jenis layanan {code} sudah ada di unit ini. Kirim expectedVersion {current} untuk mengubahnya.',
    en: 'Service type {code} already exists in this unit. Send expectedVersion {current} to change it.',
  },
  service_hours_invalid: {
    id: 'Jam layanan tidak sah: {problems}. Setiap rentang harus berakhir sesudah mulai dan tidak bertumpang tindih.',
    en: 'The service hours are not valid: {problems}. Each interval must end after it opens, and intervals must not overlap.',
  },
  holidays_invalid: {
    id: 'Kalender libur tidak sah: {problems}. Setiap tanggal harus di tahun {year} dan hanya sekali.',
    en: 'The holiday calendar is not valid: {problems}. Every date must be in {year} and appear once.',
  },
  unknown_unit: {
    id: 'Unit {unit} tidak dikenal di organisasi ini.',
    en: 'Unit {unit} is not known in this organisation.',
  },
  unknown_service_type: {
    id: 'Jenis layanan {type} tidak ada (atau tidak aktif) di unit {unit}. Admin OPD menambahkannya di katalog layanan.',
    en: 'Service type {type} does not exist (or is inactive) in unit {unit}. The OPD admin adds it to the service catalogue.',
  },
  unknown_officer: {
    id: 'NIP petugas tidak terdaftar sebagai pegawai: {nips}.',
    en: 'Officer NIP not registered as an employee: {nips}.',
  },
  duplicate_in_batch: {
    id: 'externalId {externalId} muncul lebih dari sekali dalam kiriman ini; hanya yang pertama diproses.',
    en: 'externalId {externalId} appears more than once in this batch; only the first is processed.',
  },
  transaction_in_future: {
    id: '{field} ({at}) ada di masa depan. Periksa jam sistem pengirim.',
    en: "{field} ({at}) is in the future. Check the sending system's clock.",
  },
  completion_before_receipt: {
    id: 'Waktu selesai ({completedAt}) lebih awal dari waktu diterima ({receivedAt}).',
    en: 'Completion ({completedAt}) is before receipt ({receivedAt}).',
  },
  transaction_span_too_long: {
    id: 'Transaksi lebih dari {days} hari antara diterima dan selesai; periksa tahun pada tanggalnya.',
    en: 'More than {days} days between receipt and completion; check the year of the dates.',
  },
  service_hours_missing: {
    id: 'Unit {unit} belum punya jam layanan, sehingga waktu penyelesaian tidak bisa dihitung. Admin OPD menetapkannya dahulu.',
    en: 'Unit {unit} has no service hours yet, so completion time cannot be computed. The OPD admin sets them first.',
  },
  service_period_unavailable: {
    id: 'Belum ada tahun kinerja untuk tanggal selesai {date}. Admin BKPSDM membuka tahun itu dahulu.',
    en: 'There is no performance year for the completion date {date}. The BKPSDM admin opens that year first.',
  },
  service_period_locked: {
    id: 'Periode {period} sudah {state}; data layanannya tidak bisa lagi ditambah atau diubah.',
    en: 'Period {period} is already {state}; its service data can no longer be added or changed.',
  },
  transaction_conflict: {
    id: 'Transaksi ini sedang diubah oleh kiriman lain. Kirim ulang; tidak ada yang tercatat dua kali.',
    en: 'This transaction is being changed by another push. Send it again; nothing is counted twice.',
  },
  survey_link_invalid: {
    id: 'Tautan survei ini tidak sah. Pindai ulang kode QR atau salin tautan dari tanda terima dengan lengkap.',
    en: 'This survey link is not valid. Scan the QR code again or copy the whole link from the receipt.',
  },
  survey_link_unknown: {
    id: 'Tautan survei ini tidak menunjuk layanan yang tercatat di unit ini. Tidak ada yang disimpan. Pindai kode QR pada tanda terima Anda sendiri.',
    en: 'This survey link does not name a service recorded by this office. Nothing was saved. Scan the QR code on your own receipt.',
  },
  survey_link_expired: {
    id: 'Tautan survei ini sudah kedaluwarsa. Terima kasih atas niat Anda memberi penilaian.',
    en: 'This survey link has expired. Thank you for wanting to give your rating.',
  },
  survey_already_answered: {
    id: 'Survei untuk layanan ini sudah diisi. Setiap tautan menerima satu jawaban. Terima kasih.',
    en: 'The survey for this service was already answered. Each link takes one response. Thank you.',
  },
  survey_contact_invalid: {
    id: 'Kontak yang Anda tulis bukan nomor telepon atau alamat e-mail yang sah. Tulis misalnya 0812 3456 7890 atau nama@contoh.id, atau kosongkan. Belum ada yang tersimpan.',
    en: 'The contact you wrote is not a valid phone number or e-mail address. Write, for example, 0812 3456 7890 or name@example.id, or leave it empty. Nothing was saved.',
  },
  follow_up_resolved: {
    id: 'Tindak lanjut ini sudah dicatat sebelumnya.',
    en: 'This follow-up was already recorded.',
  },
} as const satisfies Catalogue;

/** Messages every HTTP function can answer with: the edge (token, registration, request shape), the generic
 * record errors, and what any function reading an employee record can meet. */
import type { Catalogue } from './catalogue.ts';

export const commonMessages = {
  unauthorized: {
    id: 'Token tidak ada, kedaluwarsa, atau tidak sah. Masuk kembali untuk mendapatkan token baru.',
    en: 'The token is missing, expired or invalid. Sign in again to get a new token.',
  },
  forbidden: {
    id: 'Anda tidak berwenang untuk tindakan ini: {reason}.',
    en: 'You are not allowed to do this: {reason}.',
  },
  not_registered: {
    id: 'NIP {nip} pada akun Anda belum terdaftar sebagai pegawai di organisasi ini. Hubungi Admin BKPSDM.',
    en: 'NIP {nip} of your account is not registered as an employee of this organisation. Contact the BKPSDM admin.',
  },
  account_inactive: {
    id: 'Pegawai dengan NIP {nip} berstatus tidak aktif; aksesnya ditutup. Hubungi Admin BKPSDM bila ini keliru.',
    en: 'The employee with NIP {nip} is inactive, so access is closed. Contact the BKPSDM admin if this is a mistake.',
  },
  not_found: {
    id: '{what} tidak ditemukan di organisasi Anda.',
    en: '{what} was not found in your organisation.',
  },
  invalid_json: {
    id: 'Isi permintaan bukan JSON yang sah: {reason}.',
    en: 'The request body is not valid JSON: {reason}.',
  },
  validation_failed: {
    id: 'Data yang dikirim tidak sesuai. Perbaiki kolom yang disebut di details lalu kirim ulang.',
    en: 'The data sent is not valid. Fix the fields listed in details and send it again.',
  },
  unsupported_media_type: {
    id: 'Jenis isi {got} tidak didukung; kirim {expected}.',
    en: 'Content type {got} is not supported; send {expected}.',
  },
  version_conflict: {
    id: 'Data sudah diubah orang lain (versi sekarang {current}, Anda mengirim {sent}). Muat ulang, lalu ulangi perubahan Anda.',
    en: 'Someone else changed this record (current version {current}, you sent {sent}). Reload it and apply your change again.',
  },
  already_exists: {
    id: '{what} sudah ada.',
    en: '{what} already exists.',
  },
  unit_not_found: {
    id: 'Unit kerja dengan kode {code} tidak ada. Buat unitnya dulu atau periksa kodenya.',
    en: 'There is no unit with code {code}. Create the unit first or check the code.',
  },
  hierarchy_changed: {
    id: 'Hierarki atasan diubah orang lain pada saat yang sama. Muat ulang lalu ulangi; tidak ada yang tersimpan.',
    en: 'Someone changed the supervisor hierarchy at the same moment. Reload and try again; nothing was saved.',
  },
  parent_unit_required: {
    id: 'Unit {kind} harus berada di bawah unit induk; isi parentCode.',
    en: 'A {kind} unit must sit under a parent unit; fill in parentCode.',
  },
  invalid_unit_parent: {
    id: 'Unit {kind} tidak boleh berada di bawah unit {parentKind}.',
    en: 'A {kind} unit cannot sit under a {parentKind} unit.',
  },
  invalid_date_range: {
    id: 'Tanggal selesai ({endDate}) harus sama dengan atau sesudah tanggal mulai ({startDate}).',
    en: 'The end date ({endDate}) must be on or after the start date ({startDate}).',
  },
  import_conflict: {
    id: 'Data pegawai diubah orang lain selama impor; impor dibatalkan dan tidak ada yang tersimpan. Unggah ulang berkas yang sama.',
    en: 'Someone changed employee records during the import; it was cancelled and nothing was saved. Upload the same file again.',
  },
  import_incomplete: {
    id: 'Impor terhenti di tengah dan tidak bisa dibatalkan seluruhnya: {stored} baris sudah tersimpan (lihat details). Unggah ulang berkas yang sama untuk menyelesaikannya.',
    en: 'The import stopped half-way and could not be fully undone: {stored} rows are stored (see details). Upload the same file again to complete it.',
  },
  machine_client_unknown: {
    id: 'Klien mesin {clientId} belum didaftarkan ke organisasi mana pun. Minta Admin BKPSDM mendaftarkannya.',
    en: 'Machine client {clientId} is not registered to any organisation. Ask the BKPSDM admin to register it.',
  },
  insufficient_scope: {
    id: 'Token tidak memiliki cakupan (scope) yang diperlukan: {scopes}.',
    en: 'The token lacks the required scope: {scopes}.',
  },
  invalid_cursor: {
    id: 'Parameter cursor tidak sah; gunakan nilai nextCursor dari halaman sebelumnya.',
    en: 'The cursor is not valid; use the nextCursor value from the previous page.',
  },
  internal: {
    id: 'Terjadi kesalahan di server. Mengulang permintaan yang sama aman; bila berulang, laporkan kode korelasi {correlationId}.',
    en: 'Something went wrong on the server. Repeating the same request is safe; if it persists, report correlation id {correlationId}.',
  },
} as const satisfies Catalogue;

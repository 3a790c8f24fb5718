/** Employees: acting assignments and the CSV import. */
import type { Catalogue } from './catalogue.ts';

export const peopleMessages = {
  invalid_nip: {
    id: 'NIP {nip} tidak sah: {reason}.',
    en: 'NIP {nip} is not valid: {reason}.',
  },
  hierarchy_cycle: {
    id: 'Atasan {supervisor} tidak bisa dipasang: {nip} akan menjadi atasan dirinya sendiri melalui rantai atasan.',
    en: 'Supervisor {supervisor} cannot be set: {nip} would become their own supervisor through the chain.',
  },
  hierarchy_too_deep: {
    id: 'Rantai atasan akan lebih dari {max} tingkat. Periksa atasan yang diisi.',
    en: 'The chain of supervisors would be deeper than {max} levels. Check the supervisor given.',
  },
  self_supervisor: {
    id: 'Pegawai tidak bisa menjadi atasan dirinya sendiri.',
    en: 'An employee cannot be their own supervisor.',
  },
  supervisor_not_found: {
    id: 'Atasan dengan NIP {nip} belum terdaftar. Daftarkan atasan lebih dulu.',
    en: 'The supervisor with NIP {nip} is not registered. Register the supervisor first.',
  },
  acting_for_self: {
    id: 'Pegawai tidak bisa menjadi Plt/Plh untuk dirinya sendiri.',
    en: 'An employee cannot act (Plt/Plh) for themselves.',
  },
  acting_overlap: {
    id: 'Sudah ada penugasan Plt/Plh untuk {forNip} yang tumpang tindih ({startDate} s.d. {endDate}).',
    en: 'There is already an acting assignment for {forNip} overlapping these dates ({startDate} to {endDate}).',
  },
  import_invalid: {
    id: 'Impor dibatalkan: {count} baris bermasalah, tidak ada data yang disimpan. Perbaiki baris di details lalu unggah ulang seluruh berkas.',
    en: 'Import cancelled: {count} rows have problems and nothing was saved. Fix the rows in details and upload the whole file again.',
  },
  import_too_large: {
    id: 'Berkas berisi {rows} baris; batasnya {max} baris per unggahan. Pecah berkas per OPD.',
    en: 'The file has {rows} rows; the limit is {max} per upload. Split the file by agency (OPD).',
  },
  duplicate_nip: {
    id: 'NIP {nip} muncul lebih dari sekali dalam berkas.',
    en: 'NIP {nip} appears more than once in the file.',
  },
  csv_unreadable: {
    id: 'Berkas CSV tidak bisa dibaca di baris {line}, kolom {column}: {reason}. Belum ada yang tersimpan.',
    en: 'The CSV file cannot be read at line {line}, column {column}: {reason}. Nothing was saved.',
  },
  csv_no_header: {
    id: 'Baris pertama berkas berisi data (NIP {nip}), bukan judul kolom. Tambahkan baris judul di atasnya, mis. nip;nama;jabatan;kode_unit;nip_atasan.',
    en: 'The first line of the file is data (NIP {nip}), not the column headers. Add a header line above it, e.g. nip;name;position;unit_code;supervisor_nip.',
  },
  csv_wrong_delimiter: {
    id: 'Baris judul terbaca sebagai satu kolom ("{header}"): kolom harus dipisahkan titik koma (;), koma (,) atau tab. Simpan ulang dari spreadsheet sebagai CSV.',
    en: 'The header line reads as one column ("{header}"): columns must be separated by semicolons (;), commas (,) or tabs. Save it again from the spreadsheet as CSV.',
  },
  csv_row_delimiter: {
    id: 'Baris {line} memakai pemisah "{found}", sedangkan baris judul memakai "{expected}". Simpan ulang berkas agar semua baris memakai pemisah yang sama.',
    en: 'Line {line} is separated by "{found}" while the header line uses "{expected}". Save the file again so every line uses the same separator.',
  },
  csv_empty: {
    id: 'Berkas CSV kosong; baris pertama harus judul kolom.',
    en: 'The CSV file is empty; the first row must be the column headers.',
  },
  csv_missing_columns: {
    id: 'Kolom wajib tidak ada di baris judul: {detail}. Kolom yang diterima: nip, nama, jabatan, kode_unit, nip_atasan (opsional: jenis, email).',
    en: 'Required columns are missing from the header: {detail}. Accepted: nip, name, position, unit_code, supervisor_nip (optional: employment_type, email).',
  },
} as const satisfies Catalogue;

/**
 * Every error a person can see, in Bahasa Indonesia (default) and English (`Accept-Language: en`).
 * `{name}` placeholders are filled from the error's params.
 */
export type Lang = 'id' | 'en';

export const messages = {
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
  route_not_found: {
    id: 'Alamat {method} {path} tidak dikenal. Lihat /docs untuk daftar endpoint.',
    en: 'Unknown endpoint {method} {path}. See /docs for the list of endpoints.',
  },
  payload_too_large: {
    id: 'Isi permintaan terlalu besar (batas 10 MB). Pecah menjadi beberapa permintaan.',
    en: 'The request body is too large (limit 10 MB). Split it into several requests.',
  },
  too_many_requests: {
    id: 'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests in a short time. Wait a moment and try again.',
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
  invalid_nip: {
    id: 'NIP {nip} tidak sah: {reason}.',
    en: 'NIP {nip} is not valid: {reason}.',
  },
  unit_not_found: {
    id: 'Unit kerja dengan kode {code} tidak ada. Buat unitnya dulu atau periksa kodenya.',
    en: 'There is no unit with code {code}. Create the unit first or check the code.',
  },
  supervisor_not_found: {
    id: 'Atasan dengan NIP {nip} belum terdaftar. Daftarkan atasan lebih dulu.',
    en: 'The supervisor with NIP {nip} is not registered. Register the supervisor first.',
  },
  hierarchy_cycle: {
    id: 'Atasan {supervisor} tidak bisa dipasang: {nip} akan menjadi atasan dirinya sendiri melalui rantai atasan.',
    en: 'Supervisor {supervisor} cannot be set: {nip} would become their own supervisor through the chain.',
  },
  hierarchy_too_deep: {
    id: 'Rantai atasan akan lebih dari {max} tingkat. Periksa atasan yang diisi.',
    en: 'The chain of supervisors would be deeper than {max} levels. Check the supervisor given.',
  },
  hierarchy_changed: {
    id: 'Hierarki atasan diubah orang lain pada saat yang sama. Muat ulang lalu ulangi; tidak ada yang tersimpan.',
    en: 'Someone changed the supervisor hierarchy at the same moment. Reload and try again; nothing was saved.',
  },
  self_supervisor: {
    id: 'Pegawai tidak bisa menjadi atasan dirinya sendiri.',
    en: 'An employee cannot be their own supervisor.',
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
  import_conflict: {
    id: 'Data pegawai diubah orang lain selama impor; impor dibatalkan dan tidak ada yang tersimpan. Unggah ulang berkas yang sama.',
    en: 'Someone changed employee records during the import; it was cancelled and nothing was saved. Upload the same file again.',
  },
  import_incomplete: {
    id: 'Impor terhenti di tengah dan tidak bisa dibatalkan seluruhnya: {stored} baris sudah tersimpan (lihat details). Unggah ulang berkas yang sama untuk menyelesaikannya.',
    en: 'The import stopped half-way and could not be fully undone: {stored} rows are stored (see details). Upload the same file again to complete it.',
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
    id: 'Berkas CSV tidak bisa dibaca: {detail}.',
    en: 'The CSV file cannot be read: {detail}.',
  },
  csv_empty: {
    id: 'Berkas CSV kosong; baris pertama harus judul kolom.',
    en: 'The CSV file is empty; the first row must be the column headers.',
  },
  csv_missing_columns: {
    id: 'Kolom wajib tidak ada di baris judul: {detail}. Kolom yang diterima: nip, nama, jabatan, kode_unit, nip_atasan (opsional: jenis, email).',
    en: 'Required columns are missing from the header: {detail}. Accepted: nip, name, position, unit_code, supervisor_nip (optional: employment_type, email).',
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
    en: 'No day of {period} is left in a period not yet scored; that year\'s plan can no longer change (file an appeal if needed).',
  },
  supervisor_plan_not_approved: {
    id: 'SKP atasan langsung ({supervisor}) tahun {year} belum disetujui. RHK atasan yang berlaku diperlukan untuk intervensi.',
    en: 'The direct supervisor\'s ({supervisor}) SKP for {year} is not approved yet. Their plan in force is needed for cascading.',
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
    en: '{field} ({at}) is in the future. Check the sending system\'s clock.',
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
  survey_link_expired: {
    id: 'Tautan survei ini sudah kedaluwarsa. Terima kasih atas niat Anda memberi penilaian.',
    en: 'This survey link has expired. Thank you for wanting to give your rating.',
  },
  survey_already_answered: {
    id: 'Survei untuk layanan ini sudah diisi. Setiap tautan menerima satu jawaban. Terima kasih.',
    en: 'The survey for this service was already answered. Each link takes one response. Thank you.',
  },
  follow_up_resolved: {
    id: 'Tindak lanjut ini sudah dicatat sebelumnya.',
    en: 'This follow-up was already recorded.',
  },
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
  period_state_by_workflow: {
    id: 'Status {state} ditetapkan lewat POST /years/<tahun>/periods/<periode>/finalise, yang memeriksa kurva distribusi dan konfirmasi atasan.',
    en: 'State {state} is set through POST /years/<year>/periods/<period>/finalise, which checks the distribution curve and the reviews.',
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
  feedback_thread_full: {
    id: 'Umpan balik ini sudah berisi {max} balasan. Lanjutkan dengan umpan balik baru atau catat dialog kinerja.',
    en: 'This feedback already has {max} replies. Continue with a new feedback or record a performance dialog.',
  },
  feedback_target_unknown: {
    id: 'Umpan balik merujuk {kind} yang tidak ada pada pegawai ini: {ref}.',
    en: 'The feedback refers to a {kind} this employee does not have: {ref}.',
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
  internal: {
    id: 'Terjadi kesalahan di server. Mengulang permintaan yang sama aman; bila berulang, laporkan kode korelasi {correlationId}.',
    en: 'Something went wrong on the server. Repeating the same request is safe; if it persists, report correlation id {correlationId}.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof messages;

/** Nouns used in {what}. */
export const nouns = {
  employee: { id: 'Pegawai', en: 'Employee' },
  unit: { id: 'Unit kerja', en: 'Unit' },
  organisation: { id: 'Organisasi', en: 'Organisation' },
  route: { id: 'Endpoint', en: 'Endpoint' },
  plan: { id: 'SKP', en: 'SKP (plan)' },
  year: { id: 'Tahun kinerja', en: 'Performance year' },
  period: { id: 'Periode', en: 'Period' },
  activity: { id: 'Aktivitas', en: 'Activity' },
  service_type: { id: 'Jenis layanan', en: 'Service type' },
  transaction: { id: 'Transaksi layanan', en: 'Service transaction' },
  follow_up: { id: 'Tindak lanjut survei', en: 'Survey follow-up' },
  evaluation: { id: 'Penilaian kinerja', en: 'Evaluation' },
  scoring_run: { id: 'Proses penilaian', en: 'Scoring run' },
  feedback: { id: 'Umpan balik', en: 'Feedback' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Noun = keyof typeof nouns;

export function render(code: MessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  const template: string = messages[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (key === 'what' && typeof value === 'string' && value in nouns) return nouns[value as Noun][lang];
    if (key === 'reason' && value && typeof value === 'object' && lang in value) return String((value as Record<Lang, string>)[lang]);
    return value === undefined ? `{${key}}` : String(value);
  });
}

export function negotiateLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  // The first language the client lists that we speak wins; anything else falls back to Indonesian.
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().toLowerCase().split(';')[0] ?? '';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
  }
  return 'id';
}

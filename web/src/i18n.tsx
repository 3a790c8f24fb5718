/**
 * The app's words in Bahasa Indonesia (default) and English. The choice is remembered in localStorage, set on
 * <html lang>, and sent to the API as Accept-Language so its messages (errors too) come in the same language.
 * Add a key to `id` first: `en` must then have it too (the type says so).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Lang } from './api/client';
import type * as appeals from './words/appeals';
import type * as audit from './words/audit';
import type * as dashboard from './words/dashboard';
import * as evaluation from './words/evaluation';
import type * as fairness from './words/fairness';
import * as feedback from './words/feedback';
import * as home from './words/home';
import * as inbox from './words/inbox';
import * as offline from './words/offline';
import type * as people from './words/people';
import * as periodTotals from './words/period-totals';
import type * as periods from './words/periods';
import * as plans from './words/plans';

const base = {
  appName: 'Kinerja ASN',
  skipToContent: 'Lewati ke konten',
  loading: 'Memuat…',
  'nav.label': 'Menu utama',
  'nav.home': 'Beranda',
  'nav.activities': 'Aktivitas',
  'nav.skp': 'SKP',
  'nav.team': 'Tim',
  'nav.inbox': 'Kotak masuk',
  'nav.dashboard': 'Dasbor',
  'nav.periods': 'Periode & penilaian',
  'nav.appeals': 'Keberatan',
  'nav.people': 'Pegawai & unit',
  'nav.audit': 'Jejak audit',
  'nav.fairness': 'Keadilan',
  'nav.signals': 'Sinyal saya',
  'lang.switch': 'English',
  signOut: 'Keluar',
  'signIn.title': 'Masuk',
  'signIn.intro': 'Masuk untuk mencatat dan melihat kinerja Anda.',
  'signIn.cognito': 'Masuk dengan akun Pemkot',
  'signIn.devNote': 'Mode lokal: pilih orang demo, atau masukkan NIP. Halaman ini tidak ada di cloud.',
  'signIn.demoPeople': 'Orang demo',
  'signIn.byNip': 'Masuk dengan NIP',
  'signIn.nip': 'NIP',
  'signIn.nipHint': '18 angka, tanpa spasi',
  'signIn.submit': 'Masuk',
  'signIn.working': 'Sedang masuk…',
  'callback.working': 'Menyelesaikan proses masuk…',
  'home.welcome': 'Selamat datang, {name}',
  'home.today': 'Hari ini {date}',
  'placeholder.soon': 'Halaman ini sedang dibuat.',
  'chart.asTable': 'Lihat angka dalam tabel',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.back': 'Kembali ke Beranda',
  'error.network': 'Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.',
  'error.title': 'Terjadi kesalahan',
  'error.retry': 'Coba lagi',
  'error.page': 'Halaman ini gagal ditampilkan. Coba lagi; bila tetap gagal, buka halaman lain dari menu.',
  'activities.logTitle': 'Catat aktivitas',
  'activities.weekTitle': 'Hari ini dan minggu ini',
  'activities.totalsTitle': 'Capaian periode berjalan',
  'activities.date': 'Tanggal',
  'activities.start': 'Jam mulai',
  'activities.end': 'Jam selesai',
  'activities.rhk': 'RHK',
  'activities.iki': 'IKI',
  'activities.ikiHint': 'Pilih RHK terlebih dahulu.',
  'activities.choose': '— Pilih —',
  'activities.noPlan':
    'Belum ada SKP yang disetujui dan berlaku untuk tahun {year}; aktivitas dicatat terhadap IKI-nya.',
  'activities.description': 'Uraian kegiatan',
  'activities.quantity': 'Jumlah hasil',
  'activities.unit': 'Satuan',
  'activities.evidence': 'Tautan bukti dukung (opsional)',
  'activities.evidenceHint': 'Alamat https://, misalnya berkas di drive kantor',
  'activities.save': 'Simpan aktivitas',
  'activities.saving': 'Menyimpan…',
  'activities.saved': 'Aktivitas tersimpan dan menunggu verifikasi atasan.',
  'activities.saveChanges': 'Simpan perubahan',
  'activities.cancel': 'Batal',
  'activities.editTitle': 'Ubah aktivitas',
  'activities.edit': 'Ubah',
  'activities.delete': 'Hapus',
  'activities.deleteYes': 'Ya, hapus',
  'activities.confirmDelete': 'Hapus aktivitas ini?',
  'activities.conflict':
    'Aktivitas ini telah diubah di tempat lain. Muat ulang untuk melihat versi terbarunya, lalu kirim lagi.',
  'activities.reload': 'Muat ulang',
  'activities.none': 'Belum ada aktivitas minggu ini.',
  'activities.today': 'Hari ini',
  'activities.status.pending': 'Menunggu verifikasi',
  'activities.status.approved': 'Disetujui',
  'activities.status.rejected': 'Ditolak',
  'activities.output': 'Hasil: {quantity} {unit} · {minutes} menit',
  'activities.evidenceLink': 'Bukti dukung (tab baru)',
  'activities.rejectReason': 'Alasan penolakan: {reason}',
  'activities.duration': '{h} jam {m} menit',
  'activities.periodOf': 'Periode {period}',
  'activities.counted': 'Menit terhitung',
  'activities.noData': 'belum ada data',
  'activities.realisasi': 'Realisasi {realisasi} dari target periode {target} {unit}',
  'activities.approvedCount': '{count} aktivitas disetujui',
  'activities.fromService': 'Diukur dari data layanan.',
  'home.logActivity': 'Catat aktivitas',
  'team.queue.title': 'Antrean verifikasi',
  'team.queue.empty': 'Tidak ada aktivitas yang menunggu verifikasi.',
  'team.queue.selectAll': 'Pilih semua ({count})',
  'team.queue.selectPerson': 'Pilih semua aktivitas {name} ({count})',
  'team.queue.approveSelected': 'Setujui yang dipilih ({count})',
  'team.queue.working': 'Sedang memproses…',
  'team.queue.approved': '{approved} aktivitas disetujui, {refused} tidak.',
  'team.queue.rejected': 'Aktivitas {name} ditolak.',
  'team.queue.reloaded': 'Antrean dimuat ulang. Periksa lalu putuskan lagi.',
  'team.queue.rhk': 'RHK',
  'team.queue.iki': 'IKI',
  'team.queue.output': 'Hasil',
  'team.queue.reject': 'Tolak',
  'team.queue.reason': 'Alasan penolakan',
  'team.queue.reasonHint': 'Wajib diisi; pegawai akan membacanya.',
  'team.queue.rejectConfirm': 'Tolak aktivitas',
  'team.queue.cancel': 'Batal',
  'team.queue.reload': 'Muat ulang antrean',
  'team.queue.more': 'Muat lagi',
  'team.monitor.title': 'Pemantauan tim',
  'team.monitor.period': 'Periode {period}',
  'team.monitor.noPeriod': 'Tidak ada periode berjalan untuk hari ini.',
  'team.monitor.idle': 'Belum mencatat apa pun minggu ini:',
  'team.monitor.allLogged': 'Semua anggota tim sudah mencatat minggu ini.',
  'team.monitor.counts': 'Menunggu {pending} · disetujui {approved} · ditolak {rejected} · {minutes} menit dihitung',
  'team.monitor.days': 'Menit per hari kerja, {name}',
  'team.monitor.date': 'Tanggal',
  'team.monitor.counted': 'Menit dihitung',
  'team.monitor.logged': 'Menit dicatat',
  'team.monitor.realisasi': 'Realisasi per IKI',
  'team.monitor.iki': '{iki}: {quantity} ({count} aktivitas disetujui)',
  'skp.none': 'Belum ada SKP untuk tahun {year}.',
  'skp.planTitle': 'SKP tahun {year}',
  'skp.inForce': 'Versi {version}, yang berlaku',
  'skp.latest': 'Versi {version}, belum berlaku',
  'skp.state.draft': 'Draf',
  'skp.state.submitted': 'Diajukan, menunggu persetujuan atasan',
  'skp.state.returned': 'Dikembalikan untuk diperbaiki',
  'skp.state.approved': 'Disetujui',
  'skp.state.superseded': 'Digantikan versi baru',
  'skp.returnNote': 'Catatan atasan: {note}',
  'skp.effectiveFrom': 'Berlaku sejak {from}',
  'skp.effectiveRange': 'Berlaku {from} sampai {to}',
  'skp.noRhk': 'Versi ini belum memiliki RHK.',
  'skp.kind.utama': 'RHK utama',
  'skp.kind.tambahan': 'RHK tambahan',
  'skp.unitGoal': 'Sasaran unit: {goal}',
  'skp.target': 'Target {target} {unit}',
  'skp.aspect.kuantitas': 'Aspek kuantitas',
  'skp.aspect.kualitas': 'Aspek kualitas',
  'skp.aspect.waktu': 'Aspek waktu',
  'skp.aspect.biaya': 'Aspek biaya',
  'skp.direction.higher': 'makin tinggi makin baik',
  'skp.direction.lower': 'makin rendah makin baik',
  'skp.versions.title': 'Riwayat versi',
  'skp.versions.number': 'Versi',
  'skp.versions.state': 'Status',
  'skp.versions.date': 'Berlaku sejak',
};

/** Each area's words live in words/<area>.ts, so pages can grow without touching one long list. */
const id = {
  ...base,
  ...plans.id,
  ...inbox.id,
  ...feedback.id,
  ...evaluation.id,
  ...offline.id,
  ...periodTotals.id,
  ...home.id,
};

/**
 * The leaders' pages (dashboard, periods, appeals, people, audit) and the fairness pages bring their own words with
 * their chunk (`addWords`), so an employee's first load does not carry them; their keys are typed here all the same.
 */
type LaterWords = typeof dashboard.id &
  typeof periods.id &
  typeof appeals.id &
  typeof people.id &
  typeof audit.id &
  typeof fairness.id;

export type MessageKey = keyof typeof id | keyof LaterWords;

const baseEn: Record<keyof typeof base, string> = {
  appName: 'Kinerja ASN',
  skipToContent: 'Skip to content',
  loading: 'Loading…',
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.activities': 'Activities',
  'nav.skp': 'SKP',
  'nav.team': 'Team',
  'nav.inbox': 'Inbox',
  'nav.dashboard': 'Dashboard',
  'nav.periods': 'Periods & scoring',
  'nav.appeals': 'Appeals',
  'nav.people': 'People & units',
  'nav.audit': 'Audit trail',
  'nav.fairness': 'Fairness',
  'nav.signals': 'My signals',
  'lang.switch': 'Bahasa Indonesia',
  signOut: 'Sign out',
  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in to log and follow your performance.',
  'signIn.cognito': 'Sign in with your city account',
  'signIn.devNote': 'Local mode: pick a demo person, or enter a NIP. This page does not exist in the cloud.',
  'signIn.demoPeople': 'Demo people',
  'signIn.byNip': 'Sign in with a NIP',
  'signIn.nip': 'NIP',
  'signIn.nipHint': '18 digits, no spaces',
  'signIn.submit': 'Sign in',
  'signIn.working': 'Signing in…',
  'callback.working': 'Finishing sign-in…',
  'home.welcome': 'Welcome, {name}',
  'home.today': 'Today is {date}',
  'placeholder.soon': 'This page is being built.',
  'chart.asTable': 'See the figures as a table',
  'notFound.title': 'Page not found',
  'notFound.back': 'Back to Home',
  'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.title': 'Something went wrong',
  'error.retry': 'Try again',
  'error.page': 'This page could not be shown. Try again; if it still fails, open another page from the menu.',
  'activities.logTitle': 'Log an activity',
  'activities.weekTitle': 'Today and this week',
  'activities.totalsTitle': 'This period so far',
  'activities.date': 'Date',
  'activities.start': 'Start time',
  'activities.end': 'End time',
  'activities.rhk': 'RHK (work result)',
  'activities.iki': 'IKI (indicator)',
  'activities.ikiHint': 'Choose the RHK first.',
  'activities.choose': '— Choose —',
  'activities.noPlan': 'There is no approved SKP in force for {year}; activities are logged against its IKI.',
  'activities.description': 'What you did',
  'activities.quantity': 'Output quantity',
  'activities.unit': 'Unit',
  'activities.evidence': 'Evidence link (optional)',
  'activities.evidenceHint': 'An https:// address, such as a file on the office drive',
  'activities.save': 'Save activity',
  'activities.saving': 'Saving…',
  'activities.saved': 'Activity saved; it awaits your supervisor’s verification.',
  'activities.saveChanges': 'Save changes',
  'activities.cancel': 'Cancel',
  'activities.editTitle': 'Edit activity',
  'activities.edit': 'Edit',
  'activities.delete': 'Delete',
  'activities.deleteYes': 'Yes, delete',
  'activities.confirmDelete': 'Delete this activity?',
  'activities.conflict': 'This activity was changed elsewhere. Reload to see its latest version, then send again.',
  'activities.reload': 'Reload',
  'activities.none': 'No activities this week yet.',
  'activities.today': 'Today',
  'activities.status.pending': 'Awaiting verification',
  'activities.status.approved': 'Approved',
  'activities.status.rejected': 'Rejected',
  'activities.output': 'Output: {quantity} {unit} · {minutes} minutes',
  'activities.evidenceLink': 'Evidence (new tab)',
  'activities.rejectReason': 'Reason for rejection: {reason}',
  'activities.duration': '{h} h {m} min',
  'activities.periodOf': 'Period {period}',
  'activities.counted': 'Counted minutes',
  'activities.noData': 'no data yet',
  'activities.realisasi': 'Realisasi {realisasi} of the period target {target} {unit}',
  'activities.approvedCount': '{count} approved activities',
  'activities.fromService': 'Measured from service data.',
  'home.logActivity': 'Log an activity',
  'team.queue.title': 'Verification queue',
  'team.queue.empty': 'No activities are waiting for verification.',
  'team.queue.selectAll': 'Select all ({count})',
  'team.queue.selectPerson': "Select all of {name}'s activities ({count})",
  'team.queue.approveSelected': 'Approve selected ({count})',
  'team.queue.working': 'Working…',
  'team.queue.approved': '{approved} activities approved, {refused} not.',
  'team.queue.rejected': "{name}'s activity rejected.",
  'team.queue.reloaded': 'Queue reloaded. Check, then decide again.',
  'team.queue.rhk': 'RHK',
  'team.queue.iki': 'IKI',
  'team.queue.output': 'Output',
  'team.queue.reject': 'Reject',
  'team.queue.reason': 'Reason for rejecting',
  'team.queue.reasonHint': 'Required; the employee will read it.',
  'team.queue.rejectConfirm': 'Reject activity',
  'team.queue.cancel': 'Cancel',
  'team.queue.reload': 'Reload the queue',
  'team.queue.more': 'Load more',
  'team.monitor.title': 'Team monitoring',
  'team.monitor.period': 'Period {period}',
  'team.monitor.noPeriod': 'No period is running today.',
  'team.monitor.idle': 'Logged nothing this week:',
  'team.monitor.allLogged': 'Everyone in the team has logged something this week.',
  'team.monitor.counts': 'Pending {pending} · approved {approved} · rejected {rejected} · {minutes} minutes counted',
  'team.monitor.days': 'Minutes per working day, {name}',
  'team.monitor.date': 'Date',
  'team.monitor.counted': 'Minutes counted',
  'team.monitor.logged': 'Minutes logged',
  'team.monitor.realisasi': 'Realisasi per IKI',
  'team.monitor.iki': '{iki}: {quantity} ({count} approved activities)',
  'skp.none': 'There is no SKP for {year} yet.',
  'skp.planTitle': 'SKP for {year}',
  'skp.inForce': 'Version {version}, in force',
  'skp.latest': 'Version {version}, not yet in force',
  'skp.state.draft': 'Draft',
  'skp.state.submitted': 'Submitted, awaiting the supervisor',
  'skp.state.returned': 'Returned for changes',
  'skp.state.approved': 'Approved',
  'skp.state.superseded': 'Superseded by a newer version',
  'skp.returnNote': "Supervisor's note: {note}",
  'skp.effectiveFrom': 'In force from {from}',
  'skp.effectiveRange': 'In force from {from} to {to}',
  'skp.noRhk': 'This version has no RHK yet.',
  'skp.kind.utama': 'Main RHK',
  'skp.kind.tambahan': 'Additional RHK',
  'skp.unitGoal': 'Unit goal: {goal}',
  'skp.target': 'Target {target} {unit}',
  'skp.aspect.kuantitas': 'Quantity aspect',
  'skp.aspect.kualitas': 'Quality aspect',
  'skp.aspect.waktu': 'Time aspect',
  'skp.aspect.biaya': 'Cost aspect',
  'skp.direction.higher': 'higher is better',
  'skp.direction.lower': 'lower is better',
  'skp.versions.title': 'Versions',
  'skp.versions.number': 'Version',
  'skp.versions.state': 'State',
  'skp.versions.date': 'In force from',
};

const en: Record<keyof typeof id, string> = {
  ...baseEn,
  ...plans.en,
  ...inbox.en,
  ...feedback.en,
  ...evaluation.en,
  ...offline.en,
  ...periodTotals.en,
  ...home.en,
};

const messages: Record<Lang, Record<string, string>> = { id: { ...id }, en: { ...en } };

/** A page's words, added when its chunk loads (see LaterWords); each words file checks that `en` has every key. */
export function addWords(words: { id: Record<string, string>; en: Record<string, string> }): void {
  Object.assign(messages.id, words.id);
  Object.assign(messages.en, words.en);
}
const STORAGE_KEY = 'kinerja.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** BCP 47 locale for Intl formatting. */
  locale: string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** The current language, readable outside React (the API client's Accept-Language). */
let currentLang: Lang = storedLang();
export const getLang = (): Lang => currentLang;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  useEffect(() => {
    currentLang = lang;
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    currentLang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts this visit */
    }
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      locale: lang === 'id' ? 'id-ID' : 'en-GB',
      t: (key, params) =>
        (messages[lang][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole)),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

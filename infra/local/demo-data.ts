/**
 * The demo organisation `npm start` seeds on first start: Pemerintah Kota Medan with its Sekretariat Daerah (the
 * Sekda, above the heads of OPD), Dinas Kependudukan dan Pencatatan Sipil (bidang and seksi), BKPSDM and
 * Inspektorat. Names are illustrative; NIPs follow the BKN rules.
 */
import type { EmploymentType } from '../../shared/domain/nip.ts';
import type { UnitKind } from '../../shared/domain/units.ts';

export const DEMO_ORG = { orgId: 'kota-medan', name: 'Pemerintah Kota Medan' };

export const demoUnits: { code: string; name: string; kind: UnitKind; parentCode?: string }[] = [
  { code: 'SETDA', name: 'Sekretariat Daerah', kind: 'opd' },
  { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'opd' },
  { code: 'DUK-SEKRET', name: 'Sekretariat', kind: 'bidang', parentCode: 'DISDUKCAPIL' },
  { code: 'DUK-UMPEG', name: 'Subbagian Umum dan Kepegawaian', kind: 'seksi', parentCode: 'DUK-SEKRET' },
  { code: 'DUK-DAFDUK', name: 'Bidang Pelayanan Pendaftaran Penduduk', kind: 'bidang', parentCode: 'DISDUKCAPIL' },
  { code: 'DUK-IDK', name: 'Seksi Identitas Penduduk', kind: 'seksi', parentCode: 'DUK-DAFDUK' },
  { code: 'DUK-PINDAH', name: 'Seksi Pindah Datang dan Pendataan Penduduk', kind: 'seksi', parentCode: 'DUK-DAFDUK' },
  { code: 'DUK-CAPIL', name: 'Bidang Pelayanan Pencatatan Sipil', kind: 'bidang', parentCode: 'DISDUKCAPIL' },
  { code: 'DUK-LAHIRMATI', name: 'Seksi Kelahiran dan Kematian', kind: 'seksi', parentCode: 'DUK-CAPIL' },
  { code: 'DUK-KAWIN', name: 'Seksi Perkawinan dan Perceraian', kind: 'seksi', parentCode: 'DUK-CAPIL' },
  {
    code: 'DUK-PIAK',
    name: 'Bidang Pengelolaan Informasi Administrasi Kependudukan',
    kind: 'bidang',
    parentCode: 'DISDUKCAPIL',
  },
  { code: 'DUK-SIAK', name: 'Seksi Sistem Informasi Administrasi Kependudukan', kind: 'seksi', parentCode: 'DUK-PIAK' },
  { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', kind: 'opd' },
  { code: 'INSPEKTORAT', name: 'Inspektorat', kind: 'opd' },
];

export interface DemoPerson {
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  supervisorNip: string | null;
  employmentType: EmploymentType;
  groups?: string[];
  /**
   * The role a printed dev token stands for. Everyone who rates someone has one, so a month can be played to
   * its finalisation with the printed tokens alone.
   */
  demoRole?: string;
}

const p = (
  nip: string,
  name: string,
  position: string,
  unitCode: string,
  supervisorNip: string | null,
  extra: Partial<DemoPerson> = {},
): DemoPerson => ({
  nip,
  name,
  position,
  unitCode,
  supervisorNip,
  employmentType: 'PNS',
  ...extra,
});

/** The Sekda: the heads of OPD report to him; his own superior, the Wali Kota, is not in the system. */
const SEKDA = '196805201990031001';
const KEPALA_BKPSDM = '197401181999031002';
const KADIS = '197206151998031004';
const SEKRETARIS = '197503222000032001';
const KASUBBAG = '198004102005011002';
const KABID_DAFDUK = '197808172003121003';
const KASI_IDK = '198203152006041002';
const KASI_PINDAH = '198311052008012004';
const KABID_CAPIL = '197701302002122001';
const KASI_LAHIR = '198507192009031005';
const KASI_KAWIN = '198602242010012003';
const KABID_PIAK = '197912082004121002';
const KASI_SIAK = '198809092011011001';

export const demoPeople: DemoPerson[] = [
  p(SEKDA, 'Dr. Ahmad Fauzi Siregar, M.AP', 'Sekretaris Daerah', 'SETDA', null, {
    demoRole: 'Sekretaris Daerah (Sekda)',
  }),
  p(KADIS, 'Drs. Muhammad Rizal Harahap, M.Si', 'Kepala Dinas', 'DISDUKCAPIL', SEKDA, {
    demoRole: 'Kepala Dinas (atasan)',
  }),
  p(SEKRETARIS, 'Siti Aisyah Nasution, S.H.', 'Sekretaris Dinas', 'DUK-SEKRET', KADIS, {
    demoRole: 'Sekretaris Dinas (atasan)',
  }),
  p(KASUBBAG, 'Budi Santoso Lubis, S.E.', 'Kepala Subbagian Umum dan Kepegawaian', 'DUK-UMPEG', SEKRETARIS, {
    demoRole: 'Kasubbag Umpeg (atasan)',
  }),
  p('199105132015032002', 'Dewi Lestari Siregar, S.Kom', 'Pengelola Kepegawaian', 'DUK-UMPEG', KASUBBAG, {
    groups: ['admin_opd'],
    demoRole: 'Admin OPD Disdukcapil',
  }),
  p('199307212019031001', 'Andi Pratama Sinaga', 'Pengadministrasi Umum', 'DUK-UMPEG', KASUBBAG),
  p(KABID_DAFDUK, 'Ir. Hendra Gunawan Tarigan', 'Kepala Bidang Pelayanan Pendaftaran Penduduk', 'DUK-DAFDUK', KADIS, {
    demoRole: 'Kepala Bidang (atasan)',
  }),
  p(KASI_IDK, 'Rina Marlina Pohan, S.Sos', 'Kepala Seksi Identitas Penduduk', 'DUK-IDK', KABID_DAFDUK, {
    demoRole: 'Kepala Seksi (atasan)',
  }),
  p('199001152015031003', 'Rahmat Hidayat Daulay', 'Pengelola Data Kependudukan', 'DUK-IDK', KASI_IDK, {
    demoRole: 'Pegawai',
  }),
  p('199204282017032001', 'Nurhayati Batubara', 'Operator Perekaman KTP-el', 'DUK-IDK', KASI_IDK),
  p('199512032020121002', 'Fajar Ramadhan Lubis', 'Verifikator Berkas Kependudukan', 'DUK-IDK', KASI_IDK),
  p(KASI_PINDAH, 'Yusuf Maulana Rangkuti, S.IP', 'Kepala Seksi Pindah Datang', 'DUK-PINDAH', KABID_DAFDUK, {
    demoRole: 'Kasi Pindah (atasan)',
  }),
  p('199406172019032003', 'Putri Ayu Simatupang', 'Pengolah Data Pindah Datang', 'DUK-PINDAH', KASI_PINDAH),
  p('199608222022031001', 'Reza Fahlevi Hasibuan', 'Pengadministrasi Kependudukan', 'DUK-PINDAH', KASI_PINDAH),
  p(KABID_CAPIL, 'Dra. Erna Wati Purba', 'Kepala Bidang Pelayanan Pencatatan Sipil', 'DUK-CAPIL', KADIS, {
    demoRole: 'Kabid Capil (atasan)',
  }),
  p(KASI_LAHIR, 'Agus Salim Nasution, S.H.', 'Kepala Seksi Kelahiran dan Kematian', 'DUK-LAHIRMATI', KABID_CAPIL, {
    demoRole: 'Kasi Kelahiran (atasan)',
  }),
  p('199208112016032002', 'Maya Sari Ginting', 'Pengelola Akta Kelahiran', 'DUK-LAHIRMATI', KASI_LAHIR),
  p('199309302018031004', 'Ilham Syahputra', 'Pengelola Akta Kematian', 'DUK-LAHIRMATI', KASI_LAHIR),
  p('199711052022032001', 'Intan Permata Sari', 'Operator Layanan Akta', 'DUK-LAHIRMATI', KASI_LAHIR),
  p(KASI_KAWIN, 'Hotma Uli Sitorus, S.Sos', 'Kepala Seksi Perkawinan dan Perceraian', 'DUK-KAWIN', KABID_CAPIL, {
    demoRole: 'Kasi Perkawinan (atasan)',
  }),
  p('199104062014031002', 'Doni Saputra Panjaitan', 'Pengelola Akta Perkawinan', 'DUK-KAWIN', KASI_KAWIN),
  p('199510192020122003', 'Lina Marpaung', 'Pengadministrasi Pencatatan Sipil', 'DUK-KAWIN', KASI_KAWIN),
  p(KABID_PIAK, 'Teguh Wibowo, S.T., M.Kom', 'Kepala Bidang PIAK', 'DUK-PIAK', KADIS, {
    demoRole: 'Kabid PIAK (atasan)',
  }),
  p(KASI_SIAK, 'Arief Kurniawan Harahap, S.Kom', 'Kepala Seksi SIAK', 'DUK-SIAK', KABID_PIAK, {
    demoRole: 'Kasi SIAK (atasan)',
  }),
  p('199402142018031002', 'Bayu Aji Nugroho', 'Pranata Komputer', 'DUK-SIAK', KASI_SIAK),
  p('199707252023212001', 'Sri Wahyuni Tanjung', 'Pranata Komputer Ahli Pertama (PPPK)', 'DUK-SIAK', KASI_SIAK, {
    employmentType: 'PPPK',
  }),
  p('199806302023211003', 'Rudi Hartono Saragih', 'Operator Jaringan (PPPK)', 'DUK-SIAK', KASI_SIAK, {
    employmentType: 'PPPK',
  }),
  p('199003082014032001', 'Fitri Handayani', 'Pengadministrasi Umum', 'DUK-UMPEG', KASUBBAG),
  p(KEPALA_BKPSDM, 'Drs. Zulkifli Matondang', 'Kepala BKPSDM', 'BKPSDM', SEKDA, {
    demoRole: 'Kepala BKPSDM (atasan)',
  }),
  p('198705122010012002', 'Melati Kusuma Dewi, S.Psi', 'Analis SDM Aparatur', 'BKPSDM', KEPALA_BKPSDM, {
    groups: ['admin_bkpsdm'],
    demoRole: 'Admin BKPSDM',
  }),
  // The demo's Inspektorat is one auditor, reporting (as its head would) to the Sekda.
  p('198112252006041003', 'Hasan Basri Lubis, S.E., Ak', 'Auditor Ahli Muda', 'INSPEKTORAT', SEKDA, {
    groups: ['auditor'],
    demoRole: 'Auditor (Inspektorat)',
  }),
];

export const DEMO_MACHINE_CLIENT = { clientId: 'kinerja-local-machine', name: 'SIAK Disdukcapil front office (demo)' };

/** Disdukcapil's service catalogue: standard time 60 service minutes, the national target for the Dinas. */
export const demoServiceTypes: { unitCode: string; code: string; name: string; standardMinutes: number }[] = [
  { unitCode: 'DUK-IDK', code: 'ktp-el', name: 'KTP Elektronik (KTP-el)', standardMinutes: 60 },
  { unitCode: 'DUK-IDK', code: 'kia', name: 'Kartu Identitas Anak (KIA)', standardMinutes: 60 },
  { unitCode: 'DUK-PINDAH', code: 'kk', name: 'Kartu Keluarga (KK)', standardMinutes: 60 },
  { unitCode: 'DUK-PINDAH', code: 'surat-pindah', name: 'Surat Keterangan Pindah (SKPWNI)', standardMinutes: 60 },
  { unitCode: 'DUK-LAHIRMATI', code: 'akta-kelahiran', name: 'Akta Kelahiran', standardMinutes: 60 },
  { unitCode: 'DUK-LAHIRMATI', code: 'akta-kematian', name: 'Akta Kematian', standardMinutes: 60 },
  { unitCode: 'DUK-KAWIN', code: 'akta-perkawinan', name: 'Akta Perkawinan', standardMinutes: 60 },
];

const weekday = [{ open: '08:00', close: '20:00' }];
const weekend = [{ open: '08:00', close: '13:00' }];
/** Medan's Disdukcapil serves long hours on weekdays and shorter on weekends (domain.md); hours are per unit. */
export const demoServiceHours = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: weekday,
  sat: weekend,
  sun: weekend,
};

/**
 * Holidays and cuti bersama 2026 as the demo calendar (SKB 3 Menteri 2026). Demo data: BKPSDM checks each year's
 * list against the signed decree before relying on it.
 */
export const demoHolidays2026: { date: string; name: string; kind: 'libur_nasional' | 'cuti_bersama' }[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur_nasional' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi Tahun Baru Saka 1948', kind: 'libur_nasional' },
  { date: '2026-03-20', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-03-21', name: 'Idul Fitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-22', name: 'Idul Fitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-23', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-03-24', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur_nasional' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2026-05-27', name: 'Idul Adha 1447 H', kind: 'libur_nasional' },
  { date: '2026-05-28', name: 'Cuti bersama Idul Adha 1447 H', kind: 'cuti_bersama' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'libur_nasional' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
  { date: '2026-06-16', name: 'Tahun Baru Islam 1448 H', kind: 'libur_nasional' },
  { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal', kind: 'cuti_bersama' },
  { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
];

/**
 * NIP (Peraturan Kepala BKN 22/2007, 43/2007). Pure: no I/O.
 * PNS:  YYYYMMDD birth · YYYYMM CPNS appointment · sex · 001–999.
 * PPPK: YYYYMMDD birth · YYYY appointment year (≥ 2019) · 2-digit code (not a month) · sex · 001–999.
 */
export type EmploymentType = 'PNS' | 'PPPK';

export type NipProblem =
  | 'not_18_digits'
  | 'birth_date_invalid'
  | 'appointment_month_invalid'
  | 'appointment_before_birth'
  | 'pppk_year_before_2019'
  | 'sex_digit_invalid'
  | 'sequence_invalid';

export type NipCheck =
  | { ok: true; birthDate: string; appointment: string; sex: 'male' | 'female'; sequence: number }
  | { ok: false; problem: NipProblem; reason: { id: string; en: string } };

const reasons: Record<NipProblem, (nip: string) => { id: string; en: string }> = {
  not_18_digits: (nip) => ({
    id: `NIP harus tepat 18 angka tanpa spasi atau tanda baca (yang dikirim ${nip.length} karakter)`,
    en: `a NIP is exactly 18 digits with no spaces or punctuation (got ${nip.length} characters)`,
  }),
  birth_date_invalid: (nip) => ({
    id: `angka ke-1 s.d. 8 (${nip.slice(0, 8)}) harus tanggal lahir yang ada, format TTTTBBHH`,
    en: `digits 1–8 (${nip.slice(0, 8)}) must be a real birth date, YYYYMMDD`,
  }),
  appointment_month_invalid: (nip) => ({
    id: `angka ke-9 s.d. 14 (${nip.slice(8, 14)}) harus bulan pengangkatan CPNS yang ada, format TTTTBB`,
    en: `digits 9–14 (${nip.slice(8, 14)}) must be a real CPNS appointment month, YYYYMM`,
  }),
  appointment_before_birth: (nip) => ({
    id: `pengangkatan (${nip.slice(8, 14)}) tidak mungkin sebelum atau pada bulan lahir (${nip.slice(0, 6)})`,
    en: `the appointment (${nip.slice(8, 14)}) cannot be before or in the birth month (${nip.slice(0, 6)})`,
  }),
  pppk_year_before_2019: (nip) => ({
    id: `angka ke-9 s.d. 12 (${nip.slice(8, 12)}) adalah tahun pengangkatan PPPK, paling awal 2019`,
    en: `digits 9–12 (${nip.slice(8, 12)}) are the PPPK appointment year, 2019 or later`,
  }),
  sex_digit_invalid: (nip) => ({
    id: `angka ke-15 (${nip.slice(14, 15)}) adalah jenis kelamin: 1 laki-laki atau 2 perempuan`,
    en: `digit 15 (${nip.slice(14, 15)}) is the sex: 1 male or 2 female`,
  }),
  sequence_invalid: (nip) => ({
    id: `angka ke-16 s.d. 18 (${nip.slice(15)}) adalah nomor urut 001–999`,
    en: `digits 16–18 (${nip.slice(15)}) are the sequence number 001–999`,
  }),
};

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const fail = (problem: NipProblem, nip: string): NipCheck => ({ ok: false, problem, reason: reasons[problem](nip) });

export function checkNip(nip: string, type: EmploymentType): NipCheck {
  if (!/^\d{18}$/.test(nip)) return fail('not_18_digits', nip);
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (!isRealDate(by, bm, bd)) return fail('birth_date_invalid', nip);
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;

  let appointment: string;
  if (type === 'PNS') {
    const ay = Number(nip.slice(8, 12));
    const am = Number(nip.slice(12, 14));
    if (!isRealDate(ay, am, 1)) return fail('appointment_month_invalid', nip);
    // Month granularity: an appointment in the birth month itself is as impossible as one before it.
    if (ay * 12 + am <= by * 12 + bm) return fail('appointment_before_birth', nip);
    appointment = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  } else {
    const ay = Number(nip.slice(8, 12));
    if (ay < 2019) return fail('pppk_year_before_2019', nip);
    if (ay <= by) return fail('appointment_before_birth', nip);
    appointment = nip.slice(8, 12);
  }

  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') return fail('sex_digit_invalid', nip);
  const sequence = Number(nip.slice(15));
  if (sequence < 1) return fail('sequence_invalid', nip);
  return { ok: true, birthDate, appointment, sex: sexDigit === '1' ? 'male' : 'female', sequence };
}

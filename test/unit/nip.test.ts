import { describe, expect, it } from 'vitest';
import { checkNip, type EmploymentType, type NipProblem } from '../../shared/domain/nip.ts';

/** Valid numbers and what checkNip must read out of them. */
const valid: [
  label: string,
  nip: string,
  type: EmploymentType,
  birthDate: string,
  appointment: string,
  sex: 'male' | 'female',
  sequence: number,
][] = [
  ['PNS, male, sequence 001', '199003152015031001', 'PNS', '1990-03-15', '2015-03', 'male', 1],
  ['PNS, female, sequence 999', '198512302010122999', 'PNS', '1985-12-30', '2010-12', 'female', 999],
  ['PNS born 29 Feb of a leap year (1992)', '199202292015031001', 'PNS', '1992-02-29', '2015-03', 'male', 1],
  ['PNS born 29 Feb 2000 (century leap year)', '200002292022032005', 'PNS', '2000-02-29', '2022-03', 'female', 5],
  ['PNS appointed the month after the birth month', '199003151990041001', 'PNS', '1990-03-15', '1990-04', 'male', 1],
  ['PPPK, code 21 (not a month, still fine)', '199505102021211001', 'PPPK', '1995-05-10', '2021', 'male', 1],
  ['PPPK, code 13', '199505102022132005', 'PPPK', '1995-05-10', '2022', 'female', 5],
  ['PPPK, code 00', '199505102019001123', 'PPPK', '1995-05-10', '2019', 'male', 123],
  ['PPPK appointed in 2019, the first year', '198001012019991999', 'PPPK', '1980-01-01', '2019', 'male', 999],
];

/**
 * Invalid numbers, the problem code, and text every reason (id and en) must contain: the offending digits
 * (for not_18_digits, the length that was sent).
 */
const invalid: [label: string, nip: string, type: EmploymentType, problem: NipProblem, mentions: string[]][] = [
  ['17 digits', '19900315201503100', 'PNS', 'not_18_digits', ['17']],
  ['19 digits', '1990031520150310011', 'PNS', 'not_18_digits', ['19']],
  ['a letter', '19900315201503100A', 'PNS', 'not_18_digits', ['18']],
  ['spaces between the parts', '19900315 201503 1 001', 'PNS', 'not_18_digits', ['21']],
  ['dots between the parts', '19900315.201503.1.001', 'PNS', 'not_18_digits', ['21']],
  ['empty', '', 'PNS', 'not_18_digits', ['0']],
  ['PPPK with 17 digits', '19950510202121100', 'PPPK', 'not_18_digits', ['17']],
  ['birth month 13', '199013152015031001', 'PNS', 'birth_date_invalid', ['19901315']],
  ['birth month 00', '199000152015031001', 'PNS', 'birth_date_invalid', ['19900015']],
  ['birth day 00', '199003002015031001', 'PNS', 'birth_date_invalid', ['19900300']],
  ['31 April', '199004312015031001', 'PNS', 'birth_date_invalid', ['19900431']],
  ['29 Feb of a non-leap year (1991)', '199102292015031001', 'PNS', 'birth_date_invalid', ['19910229']],
  ['29 Feb 1900 (century, not leap)', '190002292015031001', 'PNS', 'birth_date_invalid', ['19000229']],
  ['PPPK born 31 April', '199504312021211001', 'PPPK', 'birth_date_invalid', ['19950431']],
  ['appointment month 00', '199003152015001001', 'PNS', 'appointment_month_invalid', ['201500']],
  ['appointment month 13', '199003152015131001', 'PNS', 'appointment_month_invalid', ['201513']],
  ['a PPPK-style code 21 in a PNS number', '199505102021211001', 'PNS', 'appointment_month_invalid', ['202121']],
  ['appointment before birth', '199003151989121001', 'PNS', 'appointment_before_birth', ['198912', '199003']],
  ['appointment in the birth month', '199003151990031001', 'PNS', 'appointment_before_birth', ['199003']],
  ['PPPK appointed in 2018', '199505102018211001', 'PPPK', 'pppk_year_before_2019', ['2018']],
  ['PPPK appointed in 1999', '197505101999011001', 'PPPK', 'pppk_year_before_2019', ['1999']],
  ['PPPK appointed in the birth year', '202001012020211001', 'PPPK', 'appointment_before_birth', ['2020']],
  ['PPPK appointed before the birth year', '202101012020211001', 'PPPK', 'appointment_before_birth', ['2020', '2021']],
  ['sex digit 0', '199003152015030001', 'PNS', 'sex_digit_invalid', ['(0)']],
  ['sex digit 3', '199003152015033001', 'PNS', 'sex_digit_invalid', ['(3)']],
  ['PPPK sex digit 9', '199505102021219001', 'PPPK', 'sex_digit_invalid', ['(9)']],
  ['sequence 000', '199003152015031000', 'PNS', 'sequence_invalid', ['(000)']],
  ['PPPK sequence 000', '199505102021212000', 'PPPK', 'sequence_invalid', ['(000)']],
];

/** Sequence digits 16–18, on a valid PNS and a valid PPPK number. */
const sequences: [sequence: string, ok: boolean][] = [
  ['000', false],
  ['001', true],
  ['010', true],
  ['999', true],
];

/** PPPK appointment year (digits 9–12) for someone born in 1995. */
const pppkYears: [year: string, problem: NipProblem | undefined][] = [
  ['2017', 'pppk_year_before_2019'],
  ['2018', 'pppk_year_before_2019'],
  ['2019', undefined],
  ['2020', undefined],
];

describe('checkNip accepts valid numbers and reads their parts', () => {
  it.each(valid)('%s', (_label, nip, type, birthDate, appointment, sex, sequence) => {
    expect(checkNip(nip, type)).toEqual({ ok: true, birthDate, appointment, sex, sequence });
  });
});

describe('checkNip refuses invalid numbers with one problem code', () => {
  it.each(invalid)('%s (%s)', (_label, nip, type, problem) => {
    const result = checkNip(nip, type);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe(problem);
  });
});

describe('every refusal explains itself in Indonesian and English, naming the offending digits', () => {
  it.each(invalid)('%s', (_label, nip, type, _problem, mentions) => {
    const result = checkNip(nip, type);
    if (result.ok) throw new Error(`expected ${nip} to be refused`);
    expect(typeof result.reason.id).toBe('string');
    expect(typeof result.reason.en).toBe('string');
    expect(result.reason.id).not.toBe(result.reason.en);
    for (const text of mentions) {
      expect(result.reason.id).toContain(text);
      expect(result.reason.en).toContain(text);
    }
  });
});

describe('sequence boundaries', () => {
  it.each(sequences)('sequence %s → ok %s', (seq, ok) => {
    expect(checkNip(`199003152015031${seq}`, 'PNS').ok).toBe(ok);
    expect(checkNip(`199505102021211${seq}`, 'PPPK').ok).toBe(ok);
  });
});

describe('PPPK appointment year boundary', () => {
  it.each(pppkYears)('year %s → %s', (year, problem) => {
    const result = checkNip(`19950510${year}211001`, 'PPPK');
    expect(result.ok ? undefined : result.problem).toBe(problem);
  });
});

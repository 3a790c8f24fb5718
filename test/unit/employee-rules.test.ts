import { describe, expect, it } from 'vitest';
import { sameEmployee } from '../../shared/domain/employee-records.ts';
import { type Candidate, employeeProblems, type Lookups } from '../../shared/domain/employee-rules.ts';

// Valid NIPs. Stored hierarchy: A reports to B, B reports to C, C is at the top (A → B → C).
const A = '199003152015031001';
const B = '198512302010122002';
const C = '197001011995031003';
const NEW = '199505102019032004';
const STRANGER = '198001012005011005';
const PPPK = '199505102021211006';

const units: Record<string, string> = { DISDUKCAPIL: '/DISDUKCAPIL/', PELAYANAN: '/DISDUKCAPIL/PELAYANAN/' };
const supervisors: Record<string, string | null> = { [A]: B, [B]: C, [C]: null };

const lookups: Lookups = {
  unitPath: (code) => units[code],
  supervisorOf: (nip) => (nip in supervisors ? supervisors[nip] : undefined),
};

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  nip: NEW,
  employmentType: 'PNS',
  unitCode: 'PELAYANAN',
  supervisorNip: A,
  ...over,
});

type Expected = { field: string; code: string; params?: Record<string, unknown> }[];

const cases: [label: string, c: Candidate, expected: Expected][] = [
  ['a valid new employee under A', candidate(), []],
  ['a valid employee at the top (null supervisor)', candidate({ supervisorNip: null }), []],
  ['a valid employee without a supervisor field', candidate({ supervisorNip: undefined }), []],
  ['a valid employee under the top person', candidate({ supervisorNip: C }), []],
  ['a valid PPPK', candidate({ nip: PPPK, employmentType: 'PPPK' }), []],
  ['re-saving A with the same supervisor', candidate({ nip: A, supervisorNip: B }), []],
  ['moving A directly under C', candidate({ nip: A, supervisorNip: C }), []],
  [
    'invalid NIP (17 digits)',
    candidate({ nip: '19950510201903200' }),
    [{ field: 'nip', code: 'invalid_nip', params: { nip: '19950510201903200' } }],
  ],
  [
    'a PPPK number registered as PNS',
    candidate({ nip: PPPK }),
    [{ field: 'nip', code: 'invalid_nip', params: { nip: PPPK } }],
  ],
  [
    'unknown unit',
    candidate({ unitCode: 'NOPE' }),
    [{ field: 'unitCode', code: 'unit_not_found', params: { code: 'NOPE' } }],
  ],
  [
    'own supervisor (new person)',
    candidate({ supervisorNip: NEW }),
    [{ field: 'supervisorNip', code: 'self_supervisor' }],
  ],
  [
    'own supervisor (stored person)',
    candidate({ nip: A, supervisorNip: A }),
    [{ field: 'supervisorNip', code: 'self_supervisor' }],
  ],
  [
    'unknown supervisor',
    candidate({ supervisorNip: STRANGER }),
    [{ field: 'supervisorNip', code: 'supervisor_not_found', params: { nip: STRANGER } }],
  ],
  [
    'cycle: C under A while A → B → C',
    candidate({ nip: C, supervisorNip: A }),
    [{ field: 'supervisorNip', code: 'hierarchy_cycle', params: { nip: C, supervisor: A } }],
  ],
  [
    'cycle: B under A while A → B',
    candidate({ nip: B, supervisorNip: A }),
    [{ field: 'supervisorNip', code: 'hierarchy_cycle', params: { nip: B, supervisor: A } }],
  ],
  [
    'invalid NIP, unknown unit and unknown supervisor together',
    candidate({ nip: 'abc', unitCode: 'NOPE', supervisorNip: STRANGER }),
    [
      { field: 'nip', code: 'invalid_nip', params: { nip: 'abc' } },
      { field: 'unitCode', code: 'unit_not_found', params: { code: 'NOPE' } },
      { field: 'supervisorNip', code: 'supervisor_not_found', params: { nip: STRANGER } },
    ],
  ],
  [
    'unknown unit and a cycle together',
    candidate({ nip: C, unitCode: 'NOPE', supervisorNip: B }),
    [
      { field: 'unitCode', code: 'unit_not_found', params: { code: 'NOPE' } },
      { field: 'supervisorNip', code: 'hierarchy_cycle', params: { nip: C, supervisor: B } },
    ],
  ],
];

describe('employeeProblems', () => {
  it.each(cases)('%s', (_label, c, expected) => {
    const problems = employeeProblems(c, lookups);
    expect(problems.map((p) => ({ field: p.field, code: p.code }))).toEqual(
      expected.map(({ field, code }) => ({ field, code })),
    );
    expected.forEach((e, i) => {
      if (e.params) expect(problems[i]!.params).toMatchObject(e.params);
    });
  });

  it('an invalid NIP carries the bilingual reason from the NIP check', () => {
    const [problem] = employeeProblems(candidate({ nip: '199013152015031001' }), lookups);
    expect(problem?.params.reason).toEqual({
      id: expect.stringContaining('19901315'),
      en: expect.stringContaining('19901315'),
    });
  });

  it('stops on a hierarchy that already loops above the new supervisor instead of running forever', () => {
    const looping: Lookups = {
      unitPath: lookups.unitPath,
      supervisorOf: (nip) => (({ [A]: B, [B]: A }) as Record<string, string>)[nip],
    };
    expect(employeeProblems(candidate({ supervisorNip: A }), looping).map((p) => p.code)).toEqual(['hierarchy_cycle']);
  });
});

describe('sameEmployee: only business fields count', () => {
  const stored = {
    nip: A,
    name: 'Ani',
    position: 'Analis',
    employmentType: 'PNS',
    unitCode: 'PELAYANAN',
    unitPath: '/DISDUKCAPIL/PELAYANAN/',
    supervisorNip: B,
    status: 'active',
    version: 3,
    updatedAt: 'x',
  };
  const cases: [label: string, other: Record<string, unknown>, same: boolean][] = [
    ['identical', { ...stored }, true],
    ['only the stamp differs', { ...stored, version: 4, updatedAt: 'y' }, true],
    ['no email and a null email', { ...stored, email: null }, true],
    ['another position', { ...stored, position: 'Kepala Seksi' }, false],
    ['another supervisor', { ...stored, supervisorNip: C }, false],
    ['no supervisor any more', { ...stored, supervisorNip: null }, false],
    ['an email added', { ...stored, email: 'ani@example.go.id' }, false],
    ['made inactive', { ...stored, status: 'inactive' }, false],
  ];
  it.each(cases)('%s → %s', (_label, other, same) => {
    expect(sameEmployee(stored, other)).toBe(same);
  });
});

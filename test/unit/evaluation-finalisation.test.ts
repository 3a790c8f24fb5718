/** Finalisation by OPD: the rules, table by table. */
import { describe, expect, it } from 'vitest';
import {
  afterFinalising,
  type FinalisablePeriod,
  type Finalisation,
  type FinalisationCheck,
  type FinalisationRefusal,
  finalisationOf,
  finalisationRefusal,
  isFinalisedAt,
  type MemberFacts,
  pendingOpds,
  stateAt,
  unitsToScoreAgain,
} from '../../shared/domain/evaluation-finalisation.ts';
import { periodChange } from '../../shared/domain/periods.ts';

const fin = (at: string, acceptedRecommendations = 0, acknowledgement?: Finalisation['acknowledgement']) => ({
  at,
  by: 'nip:198705122010012002',
  acceptedRecommendations,
  ...(acknowledgement ? { acknowledgement } : {}),
});
const scored: FinalisablePeriod = { state: 'scored' };
const bkpsdmDone: FinalisablePeriod = { state: 'scored', opds: { BKPSDM: fin('2026-12-10T02:00:00Z') } };
const allAtOnce: FinalisablePeriod = { state: 'finalised', finalisation: fin('2026-12-09T02:00:00Z') };

describe('finalisationOf / isFinalisedAt / stateAt', () => {
  const cases: [label: string, p: FinalisablePeriod, path: string, final: string | undefined, state: string][] = [
    ['scored, nothing final', scored, '/BKPSDM/', undefined, 'scored'],
    ['the OPD finalised on its own', bkpsdmDone, '/BKPSDM/', '2026-12-10T02:00:00Z', 'finalised'],
    ['a unit below the finalised OPD', bkpsdmDone, '/BKPSDM/BIDANG/', '2026-12-10T02:00:00Z', 'finalised'],
    ['another OPD waits', bkpsdmDone, '/DISDUKCAPIL/DUK-IDK/', undefined, 'scored'],
    ['a look-alike code is another OPD', bkpsdmDone, '/BKPSDM2/', undefined, 'scored'],
    ['the whole period finalised at once', allAtOnce, '/DISDUKCAPIL/', '2026-12-09T02:00:00Z', 'finalised'],
    [
      'an OPD record wins over the period record',
      { ...allAtOnce, opds: bkpsdmDone.opds },
      '/BKPSDM/',
      '2026-12-10T02:00:00Z',
      'finalised',
    ],
  ];
  it.each(cases)('%s', (_label, p, path, at, state) => {
    expect(finalisationOf(p, path.split('/')[1]!)?.at).toBe(at);
    expect(isFinalisedAt(p, path)).toBe(at !== undefined);
    expect(stateAt(p, path)).toBe(state);
  });
  it('an open period is open for everyone', () => {
    expect(stateAt({ state: 'open' }, '/BKPSDM/')).toBe('open');
  });
});

describe('finalisationRefusal', () => {
  const ok: FinalisationCheck = { unscoredCount: 0, withoutPredikatCount: 0, unreviewedCount: 0, violations: 0 };
  const cases: [
    label: string,
    check: Partial<FinalisationCheck>,
    options: { acceptRecommendations?: boolean; acknowledged?: boolean },
    expected: FinalisationRefusal | undefined,
  ][] = [
    ['all complete', {}, {}, undefined],
    [
      'someone registered after the run',
      { unscoredCount: 1 },
      { acceptRecommendations: true, acknowledged: true },
      'evaluations_unscored',
    ],
    [
      'unscored comes before missing ratings',
      { unscoredCount: 1, withoutPredikatCount: 3 },
      {},
      'evaluations_unscored',
    ],
    [
      'a missing behaviour rating, whatever is accepted',
      { withoutPredikatCount: 1 },
      { acceptRecommendations: true, acknowledged: true },
      'evaluations_incomplete',
    ],
    ['unreviewed', { unreviewedCount: 2 }, {}, 'evaluations_unreviewed'],
    ['unreviewed, recommendations accepted', { unreviewedCount: 2 }, { acceptRecommendations: true }, undefined],
    ['violations', { violations: 1 }, {}, 'distribution_unacknowledged'],
    ['violations acknowledged', { violations: 1 }, { acknowledged: true }, undefined],
    [
      'unreviewed before violations',
      { unreviewedCount: 1, violations: 1 },
      { acknowledged: true },
      'evaluations_unreviewed',
    ],
    [
      'both accepted and acknowledged',
      { unreviewedCount: 1, violations: 1 },
      { acceptRecommendations: true, acknowledged: true },
      undefined,
    ],
  ];
  it.each(cases)('%s', (_label, check, options, expected) => {
    expect(finalisationRefusal({ ...ok, ...check }, options)).toBe(expected);
  });
});

describe('pendingOpds', () => {
  const cases: [label: string, p: FinalisablePeriod, withPeople: string[], expected: string[]][] = [
    ['nothing final', scored, ['SETDA', 'BKPSDM', 'DISDUKCAPIL'], ['SETDA', 'BKPSDM', 'DISDUKCAPIL']],
    ['one final', bkpsdmDone, ['SETDA', 'BKPSDM', 'DISDUKCAPIL'], ['SETDA', 'DISDUKCAPIL']],
    ['finalised at once', allAtOnce, ['SETDA', 'BKPSDM'], []],
    ['no OPD with people', scored, [], []],
  ];
  it.each(cases)('%s', (_label, p, withPeople, expected) => {
    expect(pendingOpds(p, withPeople)).toEqual(expected);
  });
});

describe('afterFinalising', () => {
  const now = { at: '2026-12-11T02:00:00Z', by: 'nip:198705122010012002' };
  it('adds the OPD and leaves the period scored while another OPD waits', () => {
    const next = afterFinalising(scored, { BKPSDM: fin(now.at, 1) }, ['BKPSDM', 'SETDA'], now);
    expect(next).toEqual({ opds: { BKPSDM: fin(now.at, 1) } });
  });
  it('finalises the period with its last OPD, summing the OPDs', () => {
    const next = afterFinalising(
      { state: 'scored', opds: { BKPSDM: fin('2026-12-10T02:00:00Z', 1, { reason: 'Unit baru.', violations: 1 }) } },
      { SETDA: fin(now.at, 2, { reason: 'Dibahas dengan Wali Kota.', violations: 2 }) },
      ['BKPSDM', 'SETDA'],
      now,
    );
    expect(next.state).toBe('finalised');
    expect(next.finalisation).toEqual({
      ...now,
      acceptedRecommendations: 3,
      acknowledgement: { reason: 'Unit baru. | Dibahas dengan Wali Kota.', violations: 3 },
    });
    expect(Object.keys(next.opds ?? {})).toEqual(['BKPSDM', 'SETDA']);
  });
  it('gives the period no acknowledgement when no OPD had one', () => {
    const next = afterFinalising(scored, { A: fin(now.at), B: fin(now.at) }, ['A', 'B'], now);
    expect(next.finalisation).toEqual({ ...now, acceptedRecommendations: 0 });
  });
  it('an OPD without people is not waited for', () => {
    expect(afterFinalising(scored, { A: fin(now.at) }, ['A'], now).state).toBe('finalised');
  });
});

describe('unitsToScoreAgain', () => {
  const m = (nip: string, unitCode: string, unitPath: string, status = 'active'): MemberFacts => ({
    nip,
    unitCode,
    unitPath,
    status,
  });
  const cases: [
    label: string,
    p: FinalisablePeriod,
    members: MemberFacts[],
    evaluated: string[],
    expected: string[],
  ][] = [
    ['everyone evaluated', scored, [m('1', 'IDK', '/DUK/IDK/')], ['1'], []],
    ['a newcomer', scored, [m('1', 'IDK', '/DUK/IDK/'), m('2', 'IDK', '/DUK/IDK/')], ['1'], ['IDK']],
    [
      'two newcomers in one unit: one run',
      scored,
      [m('2', 'IDK', '/DUK/IDK/'), m('3', 'IDK', '/DUK/IDK/')],
      [],
      ['IDK'],
    ],
    [
      'newcomers in two units, sorted',
      scored,
      [m('2', 'SIAK', '/DUK/SIAK/'), m('3', 'IDK', '/DUK/IDK/')],
      [],
      ['IDK', 'SIAK'],
    ],
    ['an inactive person is not scored', scored, [m('2', 'IDK', '/DUK/IDK/', 'inactive')], [], []],
    [
      'a newcomer in a finalised OPD waits for an appeal, not a run',
      bkpsdmDone,
      [m('2', 'BKPSDM', '/BKPSDM/')],
      [],
      [],
    ],
    ['a period finalised at once', allAtOnce, [m('2', 'IDK', '/DUK/IDK/')], [], []],
  ];
  it.each(cases)('%s', (_label, p, members, evaluated, expected) => {
    expect(unitsToScoreAgain(p, members, new Set(evaluated))).toEqual(expected);
  });
});

describe('a period with a finalised OPD', () => {
  const november = {
    id: '2026-11',
    kind: 'month' as const,
    start: '2026-11-01',
    end: '2026-11-30',
    inputDeadline: '2026-12-05',
  };
  it.each<[string, FinalisablePeriod['opds'], string | undefined]>([
    ['goes back to closed while no OPD is final', undefined, undefined],
    ['stays scored once one OPD is final', { BKPSDM: fin('2026-12-10T02:00:00Z') }, 'period_finalised'],
  ])('%s', (_label, opds, problem) => {
    const decided = periodChange(
      { ...november, state: 'scored', ...(opds ? { opds } : {}) },
      [],
      { state: 'closed' },
      1,
    );
    expect('problem' in decided ? decided.problem.code : undefined).toBe(problem);
  });
});

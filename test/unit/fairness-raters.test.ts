import { describe, expect, it } from 'vitest';
import {
  bulkRunsOf,
  compareRaters,
  type RatedPerson,
  type RaterInputs,
  type RaterPattern,
  raterPattern,
} from '../../shared/domain/fairness-raters.ts';
import { defaultRules } from '../../shared/domain/rules.ts';
import type { Rating } from '../../shared/domain/scoring.ts';

const SUP = '197001011995031001';
const NOW = new Date('2026-11-30T12:00:00.000Z');
const at = (seconds: number) => new Date(Date.parse('2026-11-20T02:00:00.000Z') + seconds * 1000).toISOString();
const hoursAfter = (from: string, h: number) => new Date(Date.parse(from) + h * 3_600_000).toISOString();

const inputs = (over: Partial<RaterInputs> = {}): RaterInputs => ({
  supervisorNip: SUP,
  decided: [],
  pending: [],
  rated: [],
  ...over,
});
const person = (i: number, given: Rating | null, recommended: Rating | null, reason?: string): RatedPerson => ({
  nip: `19900101201501${String(i).padStart(4, '0')}`,
  given,
  recommended,
  overridden: given !== null && recommended !== null && given !== recommended,
  ...(reason ? { reason } : {}),
});

describe('bulkRunsOf (chained while the gap ≤ 10 s, runs of ≥ 5)', () => {
  it.each([
    ['6 approvals 5–10 s apart: one run', [0, 5, 10, 20, 30, 40], [{ at: at(0), entries: 6, seconds: 40 }]],
    ['a gap of 11 s breaks the chain: 4 + 2, no run', [0, 5, 10, 15, 26, 30], []],
    ['exactly 5 at 10 s gaps, given out of order', [40, 0, 30, 10, 20], [{ at: at(0), entries: 5, seconds: 40 }]],
    ['4 within a second is not a run', [0, 0, 1, 1], []],
    [
      'two runs separated by a minute',
      [0, 1, 2, 3, 4, 64, 65, 66, 67, 68, 69],
      [
        { at: at(0), entries: 5, seconds: 4 },
        { at: at(64), entries: 6, seconds: 5 },
      ],
    ],
  ])('%s', (_label, seconds, runs) => {
    expect(bulkRunsOf(seconds.map(at), defaultRules)).toEqual(runs);
  });
});

describe('raterPattern', () => {
  it('counts decisions, the median decision time, bulk approvals, backlog, ratings, overrides and leniency', () => {
    const created = '2026-11-19T02:00:00.000Z';
    const pattern = raterPattern(
      inputs({
        decided: [
          // 6 approvals in a bulk run (1 s apart), decided 24 h after creation
          ...[0, 1, 2, 3, 4, 5].map((s) => ({
            entryId: `b${s}`,
            nip: 'x',
            createdAt: created,
            verifiedAt: at(s),
            status: 'approved' as const,
          })),
          { entryId: 'a1', nip: 'x', createdAt: created, verifiedAt: hoursAfter(created, 2), status: 'approved' },
          { entryId: 'r1', nip: 'x', createdAt: created, verifiedAt: hoursAfter(created, 1), status: 'rejected' },
        ],
        pending: [
          { entryId: 'p1', nip: 'x', createdAt: '2026-11-25T00:00:00.000Z' },
          { entryId: 'p2', nip: 'x', createdAt: '2026-11-20T00:00:00.000Z' },
        ],
        rated: [
          { ...person(1, 'di_atas', 'sesuai', 'Memimpin tim saat atasan cuti'), name: 'Rahmat Hidayat Daulay' },
          person(2, 'di_atas', 'sesuai'),
          person(3, 'sesuai', 'sesuai'),
          person(4, 'sesuai', 'di_bawah'),
          person(5, 'di_atas', 'di_atas'),
          person(6, 'sesuai', null),
          person(7, null, 'sesuai'),
        ],
      }),
      defaultRules,
      NOW,
    );
    expect(pattern).toEqual({
      supervisorNip: SUP,
      decided: 8,
      approved: 7,
      rejected: 1,
      approvalPct: 87.5,
      rejectionPct: 12.5,
      // hours: 1, 2, 24 ×6 → median of 8 = (24 + 24) / 2
      medianDecisionHours: 24,
      bulkApproved: 6,
      bulkPct: 85.7, // 6 / 7
      bulkRuns: [{ at: at(0), entries: 6, seconds: 5 }],
      backlog: 2,
      oldestPendingDays: 10, // 2026-11-20T00:00Z → 2026-11-30T12:00Z
      ratings: { di_atas: 3, sesuai: 3, di_bawah: 0, rated: 6 },
      overrides: [
        {
          nip: person(1, null, null).nip,
          name: 'Rahmat Hidayat Daulay',
          from: 'sesuai',
          to: 'di_atas',
          reason: 'Memimpin tim saat atasan cuti',
        },
        // No name given: null, never a guess.
        { nip: person(2, null, null).nip, name: null, from: 'sesuai', to: 'di_atas', reason: null },
        { nip: person(4, null, null).nip, name: null, from: 'di_bawah', to: 'sesuai', reason: null },
      ],
      // (+1 +1 +0 +1 +0) / 5 people with both
      leniency: 0.6,
      leniencyBasis: { people: 5, sum: 3 },
    });
  });

  it('median of an odd count is the middle decision time', () => {
    const created = '2026-11-19T02:00:00.000Z';
    const decided = [1, 10, 3].map((h, i) => ({
      entryId: `d${i}`,
      nip: 'x',
      createdAt: created,
      verifiedAt: hoursAfter(created, h),
      status: 'approved' as const,
    }));
    expect(raterPattern(inputs({ decided }), defaultRules, NOW).medianDecisionHours).toBe(3);
  });

  it('nothing decided, pending or rated: nulls, not zeros, where there is nothing to divide', () => {
    expect(raterPattern(inputs(), defaultRules, NOW)).toMatchObject({
      decided: 0,
      approvalPct: null,
      rejectionPct: null,
      medianDecisionHours: null,
      bulkPct: null,
      backlog: 0,
      oldestPendingDays: null,
      leniency: null,
    });
  });

  it('few rated people (4 < 5): leniency is null', () => {
    const rated = [1, 2, 3, 4].map((i) => person(i, 'di_atas', 'di_bawah'));
    const p = raterPattern(inputs({ rated }), defaultRules, NOW);
    expect(p.leniency).toBeNull();
    expect(p.leniencyBasis).toEqual({ people: 4, sum: 8 });
  });

  it('a supervisor who rejects often but rates as recommended is not lenient', () => {
    const created = '2026-11-19T02:00:00.000Z';
    const decided = Array.from({ length: 10 }, (_, i) => ({
      entryId: `d${i}`,
      nip: 'x',
      createdAt: created,
      verifiedAt: hoursAfter(created, 3 + i),
      status: i < 8 ? ('rejected' as const) : ('approved' as const),
    }));
    const rated = [1, 2, 3, 4, 5, 6].map((i) => person(i, 'sesuai', 'sesuai'));
    const p = raterPattern(inputs({ decided, rated }), defaultRules, NOW);
    expect(p.rejectionPct).toBe(80);
    expect(p.leniency).toBe(0);
  });
});

/** A pattern with only what compareRaters reads. */
function pattern(
  nip: string,
  basis: { people: number; sum: number },
  ratings: { sesuai: number; rated: number } = { sesuai: 0, rated: basis.people },
): RaterPattern {
  return {
    ...raterPattern(inputs({ supervisorNip: nip }), defaultRules, NOW),
    ratings: { di_atas: ratings.rated - ratings.sesuai, sesuai: ratings.sesuai, di_bawah: 0, rated: ratings.rated },
    leniency: basis.people >= defaultRules.raterMinRated ? basis.sum / basis.people : null,
    leniencyBasis: basis,
  };
}

describe('compareRaters: leniency against the other raters of the OPD, pooled', () => {
  it('A gives +0.60 where the others give 1 / 20 = +0.05: 0.55 ≥ 0.50, out of line; B and C in line', () => {
    const [a, b, c] = compareRaters(
      [pattern('A', { people: 5, sum: 3 }), pattern('B', { people: 10, sum: 0 }), pattern('C', { people: 10, sum: 1 })],
      defaultRules,
    );
    expect(a!.leniency).toMatchObject({ value: 0.6, opdOthers: 0.05, outOfLine: true });
    expect(a!.leniency.formula.id).toBe(
      'Kelonggaran = rata-rata (nilai diberikan − nilai rekomendasi), Di Bawah −1, Sesuai 0, Di Atas +1: ' +
        '3 ÷ 5 orang = +0.60; penilai lain di OPD 1 ÷ 20 orang = +0.05; selisih 0.55 ≥ 0.50 → tidak sejalan dengan OPD.',
    );
    expect(a!.leniency.formula.en).toContain('3 ÷ 5 people = +0.60; other raters of the OPD 1 ÷ 20 people = +0.05');
    expect(b!.leniency.value).toBe(0);
    expect(b!.leniency.opdOthers).toBeCloseTo(4 / 15, 10);
    expect(b!.leniency.outOfLine).toBe(false);
    expect(c!.leniency).toMatchObject({ value: 0.1, opdOthers: 0.2, outOfLine: false });
  });

  it.each([
    ['exactly 0.50 apart is out of line', { people: 10, sum: 5 }, { people: 10, sum: 0 }, true],
    ['0.40 apart is in line', { people: 10, sum: 4 }, { people: 10, sum: 0 }, false],
    ['a harsh rater (−0.50) is out of line too', { people: 10, sum: -5 }, { people: 10, sum: 0 }, true],
    ['everyone lenient alike (+0.8 and +0.8) is in line', { people: 10, sum: 8 }, { people: 10, sum: 8 }, false],
  ])('%s', (_label, mine, others, out) => {
    expect(compareRaters([pattern('A', mine), pattern('B', others)], defaultRules)[0]!.leniency.outOfLine).toBe(out);
  });

  it('few rated (4 < 5): value null, not flagged, the formula says why', () => {
    const [a] = compareRaters(
      [pattern('A', { people: 4, sum: 4 }), pattern('B', { people: 20, sum: 0 })],
      defaultRules,
    );
    expect(a!.leniency).toMatchObject({ value: null, opdOthers: 0, outOfLine: false });
    expect(a!.leniency.formula.id).toContain(
      'minimal 5 orang dinilai: penilai ini 4 orang, penilai lain di OPD 20 orang',
    );
  });

  it('the others rated too few (3 < 5): no comparison', () => {
    const [a] = compareRaters(
      [pattern('A', { people: 10, sum: 10 }), pattern('B', { people: 3, sum: 0 })],
      defaultRules,
    );
    expect(a!.leniency).toMatchObject({ value: 1, opdOthers: null, outOfLine: false });
  });

  it('a rater alone in the OPD has no one to compare with', () => {
    const [a] = compareRaters([pattern('A', { people: 10, sum: 10 }, { sesuai: 10, rated: 10 })], defaultRules);
    expect(a!.leniency).toMatchObject({ value: 1, opdOthers: null, outOfLine: false });
    expect(a!.centralTendency).toMatchObject({ value: null, outOfLine: false });
  });
});

describe('compareRaters: central tendency (share of "sesuai" above the others, 30 points)', () => {
  const others = pattern('B', { people: 0, sum: 0 }, { sesuai: 20, rated: 40 }); // 50 %
  it.each([
    ['9 of 10 (90 %) against 50 %: 40 points, out of line', { sesuai: 9, rated: 10 }, 40, true],
    ['8 of 10 (80 %): exactly 30 points, out of line', { sesuai: 8, rated: 10 }, 30, true],
    ['7 of 10 (70 %): 20 points, in line', { sesuai: 7, rated: 10 }, 20, false],
    [
      '1 of 10 (10 %): −40 points, in line (only "too many sesuai" is central tendency)',
      { sesuai: 1, rated: 10 },
      -40,
      false,
    ],
    ['4 of 4 (100 %) but only 4 rated: null, not flagged', { sesuai: 4, rated: 4 }, null, false],
  ])('%s', (_label, ratings, value, out) => {
    const [a] = compareRaters([pattern('A', { people: 0, sum: 0 }, ratings), others], defaultRules);
    expect(a!.centralTendency.value).toBe(value);
    expect(a!.centralTendency.outOfLine).toBe(out);
  });

  it('states the formula with the numbers', () => {
    const [a] = compareRaters([pattern('A', { people: 0, sum: 0 }, { sesuai: 9, rated: 10 }), others], defaultRules);
    expect(a!.centralTendency.formula.id).toBe(
      'Kecenderungan tengah = porsi "Sesuai" penilai − porsi "Sesuai" penilai lain di OPD: 9 ÷ 10 = 90 % − 20 ÷ 40 = 50 % = 40 poin ≥ 30 → tidak sejalan dengan OPD.',
    );
    expect(a!.centralTendency.formula.en).toContain('9 ÷ 10 = 90 % − 20 ÷ 40 = 50 % = 40 points ≥ 30 → out of line');
  });

  it('a rater who rejects many entries but rates like the others is flagged for nothing', () => {
    const strict = {
      ...pattern('A', { people: 10, sum: 0 }, { sesuai: 5, rated: 10 }),
      rejected: 40,
      decided: 50,
      rejectionPct: 80,
    };
    const [a] = compareRaters([strict, pattern('B', { people: 40, sum: 0 }, { sesuai: 20, rated: 40 })], defaultRules);
    expect(a!.leniency.outOfLine).toBe(false);
    expect(a!.centralTendency.outOfLine).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type EntryFacts,
  normaliseDescription,
  type PersonSignalInputs,
  personSignals,
  type Signal,
  sharedOutputSignals,
  similarityPct,
} from '../../shared/domain/fairness-signals.ts';
import { defaultRules, type Rules } from '../../shared/domain/rules.ts';

const NIP = '198705122010012002';
let seq = 0;
/** A word of letters only for a number (digits are dropped when descriptions are compared). */
const letters = (n: number): string =>
  (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + 'abcdefghijklmnopqrstuvwxyz'[n % 26];
function entry(over: Partial<EntryFacts> = {}): EntryFacts {
  seq++;
  return {
    id: `e${String(seq).padStart(3, '0')}`,
    nip: NIP,
    date: '2026-11-02',
    start: '08:00',
    end: '09:00',
    minutes: 60,
    description: `Kegiatan ${letters(seq)} bagian ${letters(seq + 500)}`,
    ikiId: 'iki-1',
    outputQuantity: 1,
    outputUnit: 'dokumen',
    evidence: [],
    status: 'approved',
    createdAt: '2026-11-02T03:00:00.000Z',
    supervisorNip: '197001011995031001',
    ...over,
  };
}
/** The working days of November 2026 from the 2nd (Mon), weekends skipped: 2,3,4,5,6,9,10,… */
const workdays = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`).filter(
  (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
);
const inputs = (entries: EntryFacts[], over: Partial<PersonSignalInputs> = {}): PersonSignalInputs => ({
  nip: NIP,
  periodId: '2026-11',
  entries,
  inputDeadline: '2026-12-05',
  serviceIkiIds: [],
  creditedServed: null,
  ...over,
});
const kinds = (signals: Signal[]) => signals.map((s) => s.kind);
const of = (signals: Signal[], kind: Signal['kind']) => signals.filter((s) => s.kind === kind);

describe('near-duplicate descriptions: normalising and similarity', () => {
  it.each([
    ['Rapat, koordinasi  EVALUASI-kinerja 2026!', 'rapat koordinasi evaluasi kinerja'],
    ['  Melayani 12 pemohon KTP (loket 3) ', 'melayani pemohon ktp loket'],
    ['123 456', ''],
  ])('%j → %j', (text, normalised) => {
    expect(normaliseDescription(text)).toBe(normalised);
  });

  const words = (s: string) => new Set(normaliseDescription(s).split(' '));
  it.each([
    ['same words, other order and digits', 'rapat koordinasi kinerja', 'Kinerja: rapat koordinasi 2', 100],
    ['4 common of 5 (one word more)', 'a b c d', 'a b c d e', 80],
    ['5 common of 6', 'a b c d e', 'a b c d e f', (5 * 100) / 6],
    ['4 common of 6 (one word changed)', 'a b c d e', 'a b c d f', (4 * 100) / 6],
    ['nothing in common', 'a b', 'c d', 0],
  ])('%s', (_label, a, b, pct) => {
    expect(similarityPct(words(a), words(b))).toBeCloseTo(pct, 10);
  });
});

describe('near_duplicate', () => {
  const daily = (n: number, description: (i: number) => string, over: Partial<EntryFacts> = {}) =>
    workdays.slice(0, n).map((date, i) => entry({ date, description: description(i), ...over }));

  it('fires for one description (digits and punctuation aside) on 8 distinct days; evidence lists dates, ids, a sample', () => {
    const entries = daily(8, (i) => `Melayani pemohon KTP di loket ${i + 1}.`);
    const signals = of(personSignals(inputs(entries), defaultRules), 'near_duplicate');
    expect(signals).toHaveLength(1);
    const s = signals[0]!;
    expect(s).toMatchObject({ kind: 'near_duplicate', measure: 8, threshold: 8, rule: 'duplicateMinDays' });
    expect(s.id).toMatch(/^near_duplicate#[0-9a-f]{8}$/);
    expect(s.evidence).toEqual({
      sample: 'Melayani pemohon KTP di loket 1.',
      similarityPct: 80,
      days: 8,
      entries: 8,
      dates: workdays.slice(0, 8),
      entryIds: entries.map((e) => e.id),
    });
    expect(s.explanation.id).toBe(
      'Uraian yang hampir sama ("Melayani pemohon KTP di loket 1.") tercatat pada 8 hari berbeda dalam 8 entri ' +
        '(ambang 8 hari; hampir sama = kemiripan kata ≥ 80 %).',
    );
    expect(s.explanation.en).toContain('logged on 8 different days in 8 entries (threshold 8 days');
  });

  it('keeps its id when recomputed with the same entries', () => {
    const entries = daily(9, () => 'Menyusun laporan harian');
    expect(personSignals(inputs(entries), defaultRules)[0]!.id).toBe(
      personSignals(inputs([...entries].reverse()), defaultRules)[0]!.id,
    );
  });

  const cases: [label: string, entries: () => EntryFacts[], days: number | null][] = [
    ['7 distinct days is below 8', () => daily(7, () => 'Menyusun laporan harian'), null],
    [
      'different descriptions every day',
      () =>
        daily(
          15,
          (i) =>
            `Tugas ${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'][i]} khusus${'z'.repeat(i)}`,
        ),
      null,
    ],
    [
      'one word changed in five (4/6 = 67 % < 80 %) is not near',
      () => [
        ...daily(4, () => 'rapat koordinasi evaluasi kinerja bidang'),
        ...workdays.slice(4, 8).map((date) => entry({ date, description: 'rapat koordinasi evaluasi kinerja seksi' })),
      ],
      null,
    ],
    [
      'one word more than four (4/5 = exactly 80 %) joins the group',
      () => [
        ...daily(4, () => 'rapat koordinasi evaluasi kinerja'),
        ...workdays.slice(4, 8).map((date) => entry({ date, description: 'rapat koordinasi evaluasi kinerja bidang' })),
      ],
      8,
    ],
    [
      'one word more in five (5/6 = 83 % ≥ 80 %) joins the group',
      () => [
        ...daily(4, () => 'rapat koordinasi evaluasi kinerja bidang'),
        ...workdays
          .slice(4, 8)
          .map((date) => entry({ date, description: 'rapat koordinasi evaluasi kinerja bidang pelayanan' })),
      ],
      8,
    ],
    [
      'many entries on the same 3 days are 3 days',
      () =>
        workdays
          .slice(0, 3)
          .flatMap((date) => [1, 2, 3, 4].map((k) => entry({ date, start: `0${k}:00`, description: 'Entri data' }))),
      null,
    ],
    [
      'rejected entries do not count (7 counted + 3 rejected)',
      () => [
        ...daily(7, () => 'Entri data'),
        ...workdays.slice(7, 10).map((date) => entry({ date, description: 'Entri data', status: 'rejected' })),
      ],
      null,
    ],
    ['pending entries count (8 days, some pending)', () => daily(8, () => 'Entri data', { status: 'pending' }), 8],
  ];
  it.each(cases)('%s', (_label, make, days) => {
    const found = of(personSignals(inputs(make()), defaultRules), 'near_duplicate');
    expect(found.map((s) => s.measure)).toEqual(days === null ? [] : [days]);
  });

  it('follows the rules: 3 days with duplicateMinDays 3', () => {
    const entries = daily(3, () => 'Entri data');
    expect(kinds(personSignals(inputs(entries), { ...defaultRules, duplicateMinDays: 3 }))).toEqual(['near_duplicate']);
  });
});

describe('at_cap', () => {
  /** Days-with-entries and the minutes logged on each (two entries a day when `split`). */
  const days = (minutes: number[], split = false, from = 0) =>
    minutes.flatMap((m, i) =>
      split
        ? [
            entry({ date: workdays[from + i]!, minutes: m - 120, start: '08:00' }),
            entry({ date: workdays[from + i]!, minutes: 120, start: '13:00' }),
          ]
        : [entry({ date: workdays[from + i]!, minutes: m })],
    );

  it('fires on 10 consecutive days-with-entries at exactly 450 (weekends between do not break it)', () => {
    const signals = personSignals(inputs(days(Array(10).fill(450), true)), defaultRules);
    expect(kinds(signals)).toEqual(['at_cap']);
    expect(signals[0]).toMatchObject({ id: 'at_cap', measure: 10, threshold: 10, rule: 'capStreakDays' });
    expect(signals[0]!.evidence).toEqual({ minutesPerDay: 450, days: 10, dates: workdays.slice(0, 10) });
    expect(signals[0]!.explanation.id).toBe(
      'Menit tercatat tepat 450 menit (batas harian) pada 10 hari berturut-turut yang berisi entri, 2026-11-02 s.d. 2026-11-13 (ambang 10 hari).',
    );
    expect(signals[0]!.explanation.en).toContain('exactly 450 (the daily cap) on 10 consecutive days with entries');
  });

  const cases: [label: string, entries: () => EntryFacts[], measure: number | null][] = [
    ['a real busy week: 5 days at the cap', () => days(Array(5).fill(450)), null],
    ['9 days at the cap', () => days(Array(9).fill(450)), null],
    [
      '10 days, one at 449 in the middle (runs of 5 and 4)',
      () => days([450, 450, 450, 450, 450, 449, 450, 450, 450, 450]),
      null,
    ],
    ['10 days over the cap (480) are not exactly at it', () => days(Array(10).fill(480)), null],
    ['the longest run counts: 3, then 12', () => days([450, 450, 450, 300, ...Array(12).fill(450)]), 12],
    [
      'a rejected entry is not logged: 420 + rejected 30 breaks the run',
      () => [
        ...days(Array(10).fill(450)).filter((e) => e.date !== workdays[4]),
        entry({ date: workdays[4]!, minutes: 420 }),
        entry({ date: workdays[4]!, minutes: 30, status: 'rejected', start: '15:00' }),
      ],
      null,
    ],
    [
      'a rejected entry on top of 450 leaves the day at the cap',
      () => [
        ...days(Array(10).fill(450)),
        entry({ date: workdays[4]!, minutes: 30, status: 'rejected', start: '16:00' }),
      ],
      10,
    ],
  ];
  it.each(cases)('%s', (_label, make, measure) => {
    const found = of(personSignals(inputs(make()), defaultRules), 'at_cap');
    expect(found.map((s) => s.measure)).toEqual(measure === null ? [] : [measure]);
  });

  it('follows dailyMinuteCap from the rules', () => {
    const rules: Rules = { ...defaultRules, dailyMinuteCap: 480 };
    expect(of(personSignals(inputs(days(Array(10).fill(480))), rules), 'at_cap')).toHaveLength(1);
    expect(of(personSignals(inputs(days(Array(10).fill(450))), rules), 'at_cap')).toHaveLength(0);
  });
});

describe('late_entries (deadline 2026-12-05, window 3 days: created on/after 2026-12-03 WIB)', () => {
  const LATE = '2026-12-02T17:30:00.000Z'; // 2026-12-03 00:30 WIB
  const JUST_BEFORE = '2026-12-02T16:59:00.000Z'; // 2026-12-02 23:59 WIB
  const ON_TIME = '2026-11-10T02:00:00.000Z';
  const made = (late: number, onTime: number, lateAt = LATE) => [
    ...Array.from({ length: late }, (_, i) => entry({ date: workdays[i]!, createdAt: lateAt })),
    ...Array.from({ length: onTime }, (_, i) => entry({ date: workdays[late + i]!, createdAt: ON_TIME })),
  ];

  it('fires at 6 of 10 (60 %), with the numbers in both languages', () => {
    const entries = made(6, 4);
    const signals = personSignals(inputs(entries), defaultRules);
    expect(kinds(signals)).toEqual(['late_entries']);
    expect(signals[0]).toMatchObject({ id: 'late_entries', measure: 60, threshold: 60, rule: 'lateSharePct' });
    expect(signals[0]!.evidence).toEqual({
      windowStart: '2026-12-03',
      inputDeadline: '2026-12-05',
      late: 6,
      entries: 10,
      lateEntryIds: entries.slice(0, 6).map((e) => e.id),
    });
    expect(signals[0]!.explanation.id).toBe(
      '6 dari 10 entri (60 %) dibuat pada 3 hari terakhir sampai batas pengisian 2026-12-05 (sejak 2026-12-03) atau sesudahnya (ambang 60 %, minimal 10 entri).',
    );
    expect(signals[0]!.explanation.en).toContain('6 of 10 entries (60 %) were created in the last 3 days');
  });

  const cases: [label: string, entries: () => EntryFacts[], measure: number | null][] = [
    ['5 of 10 (50 %) is below 60 %', () => made(5, 5), null],
    ['all 9 late, but below the minimum of 10 entries', () => made(9, 0), null],
    ['entries spread through the month, none late', () => made(0, 15), null],
    ['23:59 WIB the day before the window is not late', () => made(10, 0, JUST_BEFORE), null],
    ['created after the deadline is late', () => made(10, 0, '2026-12-07T01:00:00.000Z'), 100],
    ['7 of 11 → 63.6 % (rounded down)', () => made(7, 4), 63.6],
    [
      'rejected entries were entered too: they count',
      () => made(6, 4).map((e, i) => (i < 2 ? { ...e, status: 'rejected' as const } : e)),
      60,
    ],
  ];
  it.each(cases)('%s', (_label, make, measure) => {
    const found = of(personSignals(inputs(make()), defaultRules), 'late_entries');
    expect(found.map((s) => s.measure)).toEqual(measure === null ? [] : [measure]);
  });
});

describe('over_claim (service IKI svc-1, 200 % and a gap of 10)', () => {
  const claims = (quantities: number[], over: Partial<EntryFacts> = {}) =>
    quantities.map((q, i) => entry({ date: workdays[i]!, ikiId: 'svc-1', outputQuantity: q, ...over }));
  const run = (entries: EntryFacts[], credited: number | null, serviceIkiIds = ['svc-1']) =>
    of(personSignals(inputs(entries, { serviceIkiIds, creditedServed: credited }), defaultRules), 'over_claim');

  it('fires at 45 claimed against 20 credited (225 %, gap 25)', () => {
    const entries = claims([15, 15, 15]);
    const [s] = run(entries, 20);
    expect(s).toMatchObject({ id: 'over_claim', measure: 225, threshold: 200, rule: 'overclaimRatioPct' });
    expect(s!.evidence).toEqual({
      claimed: 45,
      credited: 20,
      gap: 25,
      ratioPct: 225,
      ikiIds: ['svc-1'],
      entryIds: entries.map((e) => e.id),
    });
    expect(s!.explanation.id).toBe(
      'Output yang diklaim pada IKI layanan 45, transaksi layanan yang dikreditkan 20: 225 % dari yang dikreditkan, selisih 25 (ambang 200 % dan selisih 10).',
    );
    expect(s!.explanation.en).toContain('Output claimed on service IKIs 45, service transactions credited 20: 225 %');
  });

  it('with nothing credited, the gap is the measure', () => {
    const [s] = run(claims([12]), 0);
    expect(s).toMatchObject({ measure: 12, threshold: 10, rule: 'overclaimMinGap' });
    expect(s!.explanation.id).toContain('tidak ada transaksi yang dikreditkan, selisih 12');
  });

  const cases: [
    label: string,
    entries: () => EntryFacts[],
    credited: number | null,
    service: string[],
    fires: boolean,
  ][] = [
    ['claimed = credited (20 vs 20)', () => claims([10, 10]), 20, ['svc-1'], false],
    ['claimed < credited (18 vs 20)', () => claims([9, 9]), 20, ['svc-1'], false],
    ['150 % (30 vs 20) is below 200 %', () => claims([30]), 20, ['svc-1'], false],
    ['exactly 200 % (40 vs 20), gap 20', () => claims([40]), 20, ['svc-1'], true],
    ['400 % but a gap of 6 (8 vs 2)', () => claims([8]), 2, ['svc-1'], false],
    ['nothing measured (null)', () => claims([100]), null, ['svc-1'], false],
    ['claims on other IKIs do not count', () => claims([100], { ikiId: 'iki-9' }), 20, ['svc-1'], false],
    ['rejected claims do not count', () => claims([100], { status: 'rejected' }), 20, ['svc-1'], false],
    ['no service IKIs in the plan', () => claims([100]), 20, [], false],
  ];
  it.each(cases)('%s', (_label, make, credited, service, fires) => {
    expect(run(make(), credited, service)).toHaveLength(fires ? 1 : 0);
  });
});

describe('sharedOutputSignals', () => {
  const URL_A = 'https://drive.pemkomedan.go.id/ktp/rekap-november.pdf';
  const URL_B = 'https://drive.pemkomedan.go.id/ktp/lain.pdf';
  const [ANI, BUDI, CICI] = ['199001012015012001', '199202022016021002', '199303032017032003'];

  it('one document cited by two people: a signal for each, naming the URL, the people and their entry ids', () => {
    const a1 = entry({ nip: ANI, evidence: [URL_A] });
    const a2 = entry({ nip: ANI, date: '2026-11-03', evidence: [` ${URL_A} `, URL_B] });
    const b1 = entry({ nip: BUDI, evidence: [URL_A] });
    const c1 = entry({ nip: CICI, evidence: [URL_B], status: 'rejected' });
    const out = sharedOutputSignals([b1, a2, c1, a1], defaultRules);
    expect([...out.keys()].sort()).toEqual([ANI, BUDI]);
    const [forAni] = out.get(ANI)!;
    const [forBudi] = out.get(BUDI)!;
    expect(forAni).toMatchObject({ kind: 'shared_output', measure: 2, threshold: 2, rule: 'sharedOutputMinPeople' });
    expect(forAni!.id).toMatch(/^shared_output#[0-9a-f]{8}$/);
    expect(forBudi!.id).toBe(forAni!.id);
    expect(forAni!.evidence).toEqual({
      url: URL_A,
      people: [
        { nip: ANI, entryIds: [a1.id, a2.id] },
        { nip: BUDI, entryIds: [b1.id] },
      ],
    });
    expect(forAni!.explanation.id).toBe(
      `Dokumen bukti yang sama (${URL_A}) dikutip oleh 2 orang pada periode ini, juga oleh NIP ${BUDI} (ambang 2 orang).`,
    );
    expect(forBudi!.explanation.en).toContain(`also by NIP ${ANI} (threshold 2 people)`);
  });

  it.each([
    [
      'one person citing a document many times',
      () => [1, 2, 3, 4].map((i) => entry({ nip: ANI, date: workdays[i]!, evidence: [URL_A] })),
      defaultRules,
    ],
    [
      'two people with different documents',
      () => [entry({ nip: ANI, evidence: [URL_A] }), entry({ nip: BUDI, evidence: [URL_B] })],
      defaultRules,
    ],
    [
      'two people when the rule asks for three',
      () => [entry({ nip: ANI, evidence: [URL_A] }), entry({ nip: BUDI, evidence: [URL_A] })],
      { ...defaultRules, sharedOutputMinPeople: 3 },
    ],
    [
      'the other citation was rejected',
      () => [entry({ nip: ANI, evidence: [URL_A] }), entry({ nip: BUDI, evidence: [URL_A], status: 'rejected' })],
      defaultRules,
    ],
  ])('does not fire: %s', (_label, make, rules) => {
    expect(sharedOutputSignals(make(), rules).size).toBe(0);
  });
});

describe('personSignals with nothing unusual', () => {
  it('finds nothing in an ordinary month', () => {
    const entries = workdays.map((date, i) =>
      entry({
        date,
        minutes: 300 + i,
        description: `Pekerjaan ${'abcdefghijklmnopqrstuvwxyz'[i]} ${'q'.repeat(i)}`,
        createdAt: `${date}T09:00:00.000Z`,
      }),
    );
    expect(personSignals(inputs(entries), defaultRules)).toEqual([]);
  });
});

/** The fairness pages' shaping (web/src/pages/fairness/shape.ts) and who sees their menu entries (viewer.ts). */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';

import {
  answeredCount,
  evidenceItems,
  fairnessHref,
  figure,
  notComputed,
  outOfLine,
  ratingShares,
  restOfOpd,
  shareBars,
  signalsHref,
  sortRaters,
} from '../../web/src/pages/fairness/shape.ts';
import { runsFairness, seesFairness, type Viewer } from '../../web/src/viewer.ts';

const TODAY = '2026-11-30';

describe('addresses', () => {
  it('names the unit, the period and the rater opened', () => {
    expect(fairnessHref('DISDUKCAPIL', '2026-11')).toBe('/keadilan?unit=DISDUKCAPIL&periode=2026-11');
    expect(fairnessHref('DUK-IDK', '2026-11', '198203152006041002')).toBe(
      '/keadilan?unit=DUK-IDK&periode=2026-11&penilai=198203152006041002',
    );
    expect(fairnessHref('DUK-IDK', undefined)).toBe('/keadilan?unit=DUK-IDK');
  });

  it('opens one’s own signals without a NIP and another person’s with it', () => {
    expect(signalsHref(undefined, undefined)).toBe('/sinyal');
    expect(signalsHref(undefined, '2026-11')).toBe('/sinyal?periode=2026-11');
    expect(signalsHref('199001152015031003', '2026-11')).toBe('/sinyal?pegawai=199001152015031003&periode=2026-11');
  });
});

describe('rating shares', () => {
  it('shares each rating of the people rated, to one decimal', () => {
    expect(ratingShares({ di_atas: 1, sesuai: 1, di_bawah: 1 })).toEqual({
      di_atas: 33.3,
      sesuai: 33.3,
      di_bawah: 33.3,
    });
    expect(ratingShares({ di_atas: 0, sesuai: 4, di_bawah: 1 })).toEqual({ di_atas: 0, sesuai: 80, di_bawah: 20 });
  });

  it('has no share when nobody was rated', () => {
    expect(ratingShares({ di_atas: 0, sesuai: 0, di_bawah: 0 })).toEqual({
      di_atas: null,
      sesuai: null,
      di_bawah: null,
    });
  });

  it('takes the rater out of the OPD’s pooled ratings for the rest of the OPD', () => {
    const opd = { di_atas: 6, sesuai: 5, di_bawah: 3, rated: 14 };
    expect(restOfOpd(opd, { di_atas: 5, sesuai: 0, di_bawah: 0 })).toEqual({
      di_atas: 1,
      sesuai: 5,
      di_bawah: 3,
      rated: 9,
    });
    expect(restOfOpd(opd, opd).rated).toBe(0);
    // Figures of different runs never make a negative count.
    expect(restOfOpd({ di_atas: 1, sesuai: 0, di_bawah: 0 }, { di_atas: 2, sesuai: 0, di_bawah: 0 }).di_atas).toBe(0);
  });

  it('draws one bar piece per rating given, and none for someone who rated nobody', () => {
    const bars = shareBars([
      { who: 'Rina', ratings: { di_atas: 3, sesuai: 1, di_bawah: 0 } },
      { who: 'Nobody', ratings: { di_atas: 0, sesuai: 0, di_bawah: 0 } },
    ]);
    expect(bars).toEqual([
      { who: 'Rina', rating: 'di_atas', pct: 75, count: 3 },
      { who: 'Rina', rating: 'sesuai', pct: 25, count: 1 },
      { who: 'Rina', rating: 'di_bawah', pct: 0, count: 0 },
    ]);
  });
});

describe('raters', () => {
  const rater = (name: string, leniency: boolean, central: boolean) => ({
    name,
    comparison: { leniency: { outOfLine: leniency }, centralTendency: { outOfLine: central } },
  });

  it('marks a rater out of line on either measure', () => {
    expect(outOfLine(rater('a', false, false))).toBe(false);
    expect(outOfLine(rater('a', true, false))).toBe(true);
    expect(outOfLine(rater('a', false, true))).toBe(true);
    expect(outOfLine({ name: 'no comparison' })).toBe(false);
  });

  it('puts the raters out of line first, then by name', () => {
    const sorted = sortRaters([rater('Citra', false, false), rater('Budi', false, false), rater('Zul', true, false)]);
    expect(sorted.map((r) => r.name)).toEqual(['Zul', 'Budi', 'Citra']);
  });
});

describe('signals', () => {
  it('counts answered and open signals, never more answers than signals', () => {
    expect(answeredCount({ count: 3, answered: 1 })).toEqual({ answered: 1, open: 2 });
    expect(answeredCount({ count: 2, answered: 2 })).toEqual({ answered: 2, open: 0 });
    expect(answeredCount({ count: 2, answered: 0 })).toEqual({ answered: 0, open: 2 });
    expect(answeredCount({ count: 2, answered: 5 })).toEqual({ answered: 2, open: 0 });
  });

  it('draws evidence as values, lists and tables of records', () => {
    const items = evidenceItems({
      days: 10,
      dates: ['2026-11-02', '2026-11-03'],
      entries: [
        { date: '2026-11-02', minutes: 450 },
        { date: '2026-11-03', id: 'a1' },
      ],
      url: 'https://drive.example/x',
      nothing: null,
      pair: { claimed: 30, credited: 10 },
    });
    expect(items).toEqual([
      { key: 'days', kind: 'value', value: '10' },
      { key: 'dates', kind: 'list', values: ['2026-11-02', '2026-11-03'] },
      {
        key: 'entries',
        kind: 'table',
        columns: ['date', 'minutes', 'id'],
        rows: [
          ['2026-11-02', '450', '—'],
          ['2026-11-03', '—', 'a1'],
        ],
      },
      { key: 'url', kind: 'value', value: 'https://drive.example/x' },
      { key: 'nothing', kind: 'value', value: '—' },
      { key: 'pair', kind: 'table', columns: ['claimed', 'credited'], rows: [['30', '10']] },
    ]);
    expect(evidenceItems(undefined)).toEqual([]);
  });

  it('writes figures in the page’s language, a dash for none', () => {
    expect(figure(0.5, 'id-ID')).toBe('0,5');
    expect(figure(12.345, 'en-GB', ' %')).toBe('12.35 %');
    expect(figure(null, 'id-ID')).toBe('—');
    expect(figure(Number.NaN, 'id-ID')).toBe('—');
  });
});

describe('who sees the fairness pages in the menu', () => {
  it.each<[string, Viewer, boolean, boolean]>([
    ['a Pegawai', { groups: [], directSubordinates: 0 }, false, false],
    ['a head of unit', { groups: [], directSubordinates: 3 }, true, false],
    ['a Plh today', { groups: [], actingAssignments: [{ startDate: TODAY, endDate: TODAY }] }, true, false],
    ['BKPSDM', { groups: ['admin_bkpsdm'] }, true, true],
    ['an auditor', { groups: ['auditor'] }, true, false],
    ['an Admin OPD', { groups: ['admin_opd'] }, false, false],
  ])('%s', (_, viewer, sees, runs) => {
    expect(seesFairness(viewer, TODAY)).toBe(sees);
    expect(runsFairness(viewer)).toBe(runs);
  });
});

describe('not computed yet', () => {
  it('is the API’s fairness_not_computed, not any 404 or refusal', () => {
    expect(notComputed(new ApiError(404, 'fairness_not_computed', 'belum dihitung'))).toBe(true);
    expect(notComputed(new ApiError(404, 'not_found', 'Unit tidak ditemukan'))).toBe(false);
    expect(notComputed(new ApiError(403, 'forbidden', 'ditolak'))).toBe(false);
    expect(notComputed(new Error('x'))).toBe(false);
  });
});

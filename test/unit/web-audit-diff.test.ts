/** The audit page's reading of an entry: changed leaves by path, and the reasons the change carries. */
import { describe, expect, it } from 'vitest';
import { fieldChanges, reasonsOf, valueText } from '../../web/src/pages/audit/diff.ts';

describe('fieldChanges', () => {
  it('flattens a review override to the leaves that differ', () => {
    const changes = fieldChanges({
      changedFields: ['review'],
      before: {},
      after: {
        review: {
          hasilKerja: 'di_atas',
          perilaku: 'sesuai',
          reasons: { hasilKerja: 'Target triwulan terlampaui.' },
          by: 'nip:198203152006041002',
        },
      },
    });
    expect(changes).toEqual([
      { path: 'review.hasilKerja', before: undefined, after: 'di_atas' },
      { path: 'review.perilaku', before: undefined, after: 'sesuai' },
      { path: 'review.reasons.hasilKerja', before: undefined, after: 'Target triwulan terlampaui.' },
      { path: 'review.by', before: undefined, after: 'nip:198203152006041002' },
    ]);
    expect(reasonsOf(changes)).toEqual(['Target triwulan terlampaui.']);
  });

  it.each([
    [
      'a changed scalar',
      { changedFields: ['position'], before: { position: 'Staf' }, after: { position: 'Analis' } },
      [{ path: 'position', before: 'Staf', after: 'Analis' }],
    ],
    [
      'only the differing leaf of an object',
      {
        changedFields: ['appeal'],
        before: { appeal: { reason: 'x', state: 'filed' } },
        after: { appeal: { reason: 'x', state: 'upheld' } },
      },
      [{ path: 'appeal.state', before: 'filed', after: 'upheld' }],
    ],
    [
      'list items by index',
      { changedFields: ['rhk'], before: { rhk: [{ title: 'A' }] }, after: { rhk: [{ title: 'B' }, { title: 'C' }] } },
      [
        { path: 'rhk.0.title', before: 'A', after: 'B' },
        { path: 'rhk.1.title', before: undefined, after: 'C' },
      ],
    ],
    [
      'a deleted record',
      { changedFields: ['note'], before: { note: 'n' } },
      [{ path: 'note', before: 'n', after: undefined }],
    ],
    ['no changed fields', { changedFields: [], before: { a: 1 }, after: { a: 2 } }, []],
  ] as const)('%s', (_label, entry, expected) => {
    expect(fieldChanges(entry as never)).toEqual(expected);
  });

  it('takes a reason only when it is new or changed, and never an empty one', () => {
    expect(
      reasonsOf([
        { path: 'reason', before: undefined, after: 'Keputusan Wali Kota' },
        { path: 'appeal.decision.reason', before: undefined, after: 'Berkas terhitung' },
        { path: 'reasonable', before: undefined, after: 'no' },
        { path: 'review.reasons.perilaku', before: 'a', after: '' },
      ]),
    ).toEqual(['Keputusan Wali Kota', 'Berkas terhitung']);
  });

  it('writes values as text', () => {
    expect([valueText(undefined), valueText(null), valueText('x'), valueText(3), valueText([1])]).toEqual([
      '—',
      '—',
      'x',
      '3',
      '[1]',
    ]);
  });
});

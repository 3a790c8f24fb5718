/** Finalisation by OPD notifies the people of each OPD as it is finalised, once. */
import { describe, expect, it } from 'vitest';
import { draftsFor } from '../../shared/domain/notifications.ts';

const today = '2026-12-10';
const fin = { at: '2026-12-10T02:00:00Z', by: 'nip:198705122010012002', acceptedRecommendations: 0 };
type Img = Record<string, unknown> | undefined;

describe('a period finalised OPD by OPD', () => {
  it.each<[string, Img, Img, unknown[]]>([
    [
      'the first OPD → its people',
      { entity: 'Period', id: '2026-11', state: 'scored' },
      { entity: 'Period', id: '2026-11', state: 'scored', opds: { BKPSDM: fin } },
      [
        {
          type: 'evaluation_finalised',
          audience: { role: 'evaluated_in_period', periodId: '2026-11', opds: ['BKPSDM'] },
        },
      ],
    ],
    [
      'the last OPD, which finalises the period → its people only',
      { entity: 'Period', id: '2026-11', state: 'scored', opds: { BKPSDM: fin } },
      { entity: 'Period', id: '2026-11', state: 'finalised', opds: { BKPSDM: fin, SETDA: fin }, finalisation: fin },
      [
        {
          type: 'evaluation_finalised',
          audience: { role: 'evaluated_in_period', periodId: '2026-11', opds: ['SETDA'] },
        },
      ],
    ],
    [
      'every OPD at once → their people',
      { entity: 'Period', id: '2026-11', state: 'scored' },
      { entity: 'Period', id: '2026-11', state: 'finalised', opds: { A: fin, B: fin }, finalisation: fin },
      [
        {
          type: 'evaluation_finalised',
          audience: { role: 'evaluated_in_period', periodId: '2026-11', opds: ['A', 'B'] },
        },
      ],
    ],
    [
      'another change to a period with a finalised OPD → nobody again',
      { entity: 'Period', id: '2026-11', state: 'scored', opds: { BKPSDM: fin } },
      { entity: 'Period', id: '2026-11', state: 'scored', opds: { BKPSDM: fin }, rulesVersion: 2 },
      [],
    ],
  ])('%s', (_label, before, after, expected) => {
    expect(draftsFor(before, after, today).map((d) => ({ type: d.type, audience: d.audience }))).toEqual(expected);
  });
});

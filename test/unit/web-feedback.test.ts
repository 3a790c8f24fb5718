import { describe, expect, it } from 'vitest';
import { dialogInputOf } from '../../web/src/pages/feedback/dialog-input.ts';

const row = (text: string, owner: 'employee' | 'supervisor', due = '') => ({ key: 0, text, owner, due });

describe('a performance dialog as the form sends it', () => {
  it.each([
    [
      'one topic per line, blank lines and spaces around dropped',
      { topics: ' Antrean sore \n\n  Foto berkas\n', followUps: [], notes: '' },
      { topics: ['Antrean sore', 'Foto berkas'], followUps: [] },
    ],
    [
      'follow-ups as typed, an empty due date left out',
      {
        topics: 'Antrean',
        followUps: [row('Loket tambahan', 'supervisor', '2026-12-05'), row('Foto', 'employee')],
        notes: '',
      },
      {
        topics: ['Antrean'],
        followUps: [
          { text: 'Loket tambahan', owner: 'supervisor', due: '2026-12-05' },
          { text: 'Foto', owner: 'employee' },
        ],
      },
    ],
    [
      // The API names the empty ones (topics, followUps.0.text) under their fields: nothing is dropped to hide them.
      'nothing typed: no topics, an empty follow-up kept',
      { topics: '\n', followUps: [row('', 'employee')], notes: '' },
      { topics: [], followUps: [{ text: '', owner: 'employee' }] },
    ],
    [
      'notes only when written',
      { topics: 'Antrean', followUps: [], notes: 'Dibahas di ruang Kasi.' },
      { topics: ['Antrean'], followUps: [], notes: 'Dibahas di ruang Kasi.' },
    ],
    [
      'blank notes left out',
      { topics: 'Antrean', followUps: [], notes: '   ' },
      { topics: ['Antrean'], followUps: [] },
    ],
  ])('%s', (_, typed, sent) => {
    expect(dialogInputOf({ date: '2026-11-27', ...typed })).toEqual({ date: '2026-11-27', ...sent });
  });
});

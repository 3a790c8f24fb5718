import { describe, expect, it } from 'vitest';
import { personMatcher, searchWords } from '../../shared/domain/people-search.ts';

const rahmat = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay' };
const accented = { nip: '199204282017032001', name: 'Nurhayati Bátubara, S.Kom' };

describe('people search', () => {
  it.each([
    ['rahmat', rahmat, true],
    ['RAHMAT', rahmat, true],
    ['Rahmát', rahmat, true],
    ['hid', rahmat, true],
    ['hid rah', rahmat, true],
    ['hid x', rahmat, false],
    ['mat', rahmat, false],
    ['1990011', rahmat, true],
    ['2015031003', rahmat, false],
    ['batubara', accented, true],
    ['BÁTU', accented, true],
    ['kom', accented, true],
    ['s.kom', accented, true],
    ['rahmat', accented, false],
  ] as const)('%s in %s → %s', (q, person, found) => {
    expect(personMatcher(q)(person)).toBe(found);
  });

  it('splits a name into plain lower-case words', () => {
    expect(searchWords('Drs. Muhammad Rizál Harahap, M.Si')).toEqual([
      'drs',
      'muhammad',
      'rizal',
      'harahap',
      'm',
      'si',
    ]);
  });
});

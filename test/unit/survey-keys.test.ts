import { describe, expect, it } from 'vitest';
import {
  legacyKeySet,
  parseKeySet,
  rotateKeySet,
  type SurveyKeySet,
  serialiseKeySet,
} from '../../shared/domain/survey-keys.ts';
import { signSurveyLink, verifySurveyLink } from '../../shared/domain/survey-token.ts';

const legacy = Buffer.alloc(32, 0x30);
const fresh = (n: number) => Buffer.alloc(32, n);
const at = new Date('2026-11-30T10:00:00Z');
const link = {
  orgId: 'kota-medan',
  unitCode: 'DUK-IDK',
  serviceType: 'ktp-el',
  linkId: 'q3Zp9mX1bT7wLk2Rv8Yc0A',
  expiresAt: Date.parse('2026-12-30T00:00:00Z') / 1000,
};
const kids = (s: SurveyKeySet) => s.keys.map((k) => k.kid);

describe('rotateKeySet', () => {
  it.each<[rotations: number, live: string[], dropped: string[]]>([
    [1, ['1', '0'], []],
    [2, ['2', '1'], ['0']],
    [3, ['3', '2'], ['1']],
    [36, ['10', 'z'], ['y']],
  ])('after %i rotation(s) the live keys are %j (at most two), dropped last time: %j', (n, live, dropped) => {
    let set = legacyKeySet(legacy);
    let last = rotateKeySet(set, fresh(1), at);
    for (let i = 0; i < n; i++) {
      last = rotateKeySet(set, fresh(i + 1), at);
      set = last.set;
    }
    expect(kids(set)).toEqual(live);
    expect(last.dropped).toEqual(dropped);
    expect(last.added).toBe(live[0]);
    expect(last.kept).toEqual([live[1]]);
  });

  it('the new key signs, the previous one still verifies, the one before is dropped; the link key never changes', () => {
    const start = legacyKeySet(legacy);
    const oldToken = signSurveyLink(link, start.keys[0]!);
    const once = rotateKeySet(start, fresh(1), at).set;
    const midToken = signSurveyLink(link, once.keys[0]!);
    expect(midToken.startsWith('1.')).toBe(true);
    expect(verifySurveyLink(oldToken, once.keys, at)).toEqual({ link });
    expect(verifySurveyLink(midToken, once.keys, at)).toEqual({ link });
    const twice = rotateKeySet(once, fresh(2), at).set;
    expect(verifySurveyLink(midToken, twice.keys, at)).toEqual({ link });
    expect(verifySurveyLink(oldToken, twice.keys, at)).toEqual({ problem: 'survey_link_invalid' });
    expect(twice.linkKey.equals(legacy)).toBe(true);
    expect(twice.keys[0]!.createdAt).toBe(at.toISOString());
  });

  it('refuses a short key', () => {
    expect(() => rotateKeySet(legacyKeySet(legacy), Buffer.alloc(16), at)).toThrow('at least 32 bytes');
  });
});

describe('stored key sets', () => {
  it('round trip through JSON', () => {
    const set = rotateKeySet(legacyKeySet(legacy), fresh(7), at).set;
    const back = parseKeySet(serialiseKeySet(set));
    expect(kids(back)).toEqual(['1', '0']);
    expect(back.keys[0]!.key.equals(fresh(7))).toBe(true);
    expect(back.linkKey.equals(legacy)).toBe(true);
  });

  const b64 = legacy.toString('base64');
  it.each<[label: string, text: string, error: string]>([
    ['not JSON', '{', 'not JSON'],
    ['no keys', JSON.stringify({ linkKey: b64, keys: [] }), 'no keys'],
    [
      'three keys',
      JSON.stringify({ linkKey: b64, keys: ['2', '1', '0'].map((kid) => ({ kid, key: b64 })) }),
      'more than 2',
    ],
    ['a short key', JSON.stringify({ linkKey: b64, keys: [{ kid: '1', key: 'c2hvcnQ=' }] }), 'shorter than 32'],
    ['a bad kid', JSON.stringify({ linkKey: b64, keys: [{ kid: '../x', key: b64 }] }), 'valid kid'],
    [
      'a duplicate kid',
      JSON.stringify({
        linkKey: b64,
        keys: [
          { kid: '1', key: b64 },
          { kid: '1', key: b64 },
        ],
      }),
      'duplicate',
    ],
    ['no link key', JSON.stringify({ keys: [{ kid: '1', key: b64 }] }), 'linkKey missing'],
  ])('refuses %s', (_label, text, error) => {
    expect(() => parseKeySet(text)).toThrow(error);
  });
});

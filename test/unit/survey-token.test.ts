import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  linkIdFor,
  type SurveyLink,
  signSurveyLink,
  surveyTokenOrg,
  verifySurveyLink,
} from '../../shared/domain/survey-token.ts';

const newLinkId = () => randomBytes(16).toString('base64url');

const key = Buffer.alloc(32, 0x5a);
const otherKey = Buffer.alloc(32, 0x5b);
/** 2026-02-01 00:00 WIB, in epoch seconds. */
const expiresAt = Date.parse('2026-02-01T00:00:00+07:00') / 1000;
const before = new Date('2026-01-15T10:00:00+07:00');
const link: SurveyLink = {
  orgId: 'kota-medan',
  unitCode: 'DISDUKCAPIL',
  serviceType: 'akta-kelahiran',
  linkId: 'q3Zp9mX1bT7wLk2Rv8Yc0A',
  expiresAt,
};
const token = signSurveyLink(link, key);
const [payload, signature] = token.split('.') as [string, string];

/** Replaces the character at `at` with a different base64url character. */
const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
/** A token whose payload is correctly signed with `key` but whose content is chosen by the test. */
const signedRaw = (text: string) => {
  const p = Buffer.from(text).toString('base64url');
  return `${p}.${createHmac('sha256', key).update(p).digest().subarray(0, 16).toString('base64url')}`;
};

describe('signSurveyLink / verifySurveyLink', () => {
  it('round trip gives back the link', () => {
    expect(verifySurveyLink(token, key, before)).toEqual({ link });
  });

  it('round trip with a fresh random link id', () => {
    const fresh = { ...link, linkId: newLinkId(), serviceType: 'ktp-el', unitCode: 'UPT-DISDUKCAPIL-MEDAN-BARU' };
    expect(verifySurveyLink(signSurveyLink(fresh, key), key, before)).toEqual({ link: fresh });
  });

  it('link ids are the same for every push of a transaction, distinct between transactions and keys, URL-safe', () => {
    const ids = new Set(Array.from({ length: 50 }, (_, i) => linkIdFor(key, 'kota-medan', `SIAK-${i}`)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(linkIdFor(key, 'kota-medan', 'SIAK-1')).toBe(linkIdFor(key, 'kota-medan', 'SIAK-1'));
    expect(linkIdFor(key, 'kota-binjai', 'SIAK-1')).not.toBe(linkIdFor(key, 'kota-medan', 'SIAK-1'));
    expect(linkIdFor(randomBytes(32), 'kota-medan', 'SIAK-1')).not.toBe(linkIdFor(key, 'kota-medan', 'SIAK-1'));
  });

  it('accepts only the canonical spelling of a signature (base64url spare bits do not make a second valid token)', () => {
    const [payload, signature] = token.split('.') as [string, string];
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twins = [...alphabet].filter(
      (c) =>
        c !== last && Buffer.from(signature.slice(0, -1) + c, 'base64url').equals(Buffer.from(signature, 'base64url')),
    );
    expect(twins.length).toBeGreaterThan(0);
    for (const c of twins)
      expect(verifySurveyLink(`${payload}.${signature.slice(0, -1)}${c}`, key, before)).toEqual({
        problem: 'survey_link_invalid',
      });
  });

  it.each<[label: string, now: Date, outcome: 'valid' | 'survey_link_expired']>([
    ['well before expiry', before, 'valid'],
    ['at the expiry instant', new Date(expiresAt * 1000), 'valid'],
    ['one millisecond after expiry', new Date(expiresAt * 1000 + 1), 'survey_link_expired'],
    ['a day after expiry', new Date('2026-02-02T00:00:00+07:00'), 'survey_link_expired'],
  ])('expiry: %s', (_label, now, outcome) => {
    const result = verifySurveyLink(token, key, now);
    if (outcome === 'valid') expect(result).toEqual({ link });
    else expect(result).toEqual({ problem: outcome });
  });

  it.each<[label: string, bad: string, now?: Date]>([
    ['payload: first character changed', `${flip(payload, 0)}.${signature}`],
    ['payload: a middle character changed', `${flip(payload, Math.floor(payload.length / 2))}.${signature}`],
    ['payload: last character changed', `${flip(payload, payload.length - 1)}.${signature}`],
    [
      'payload: expiry pushed later, old signature',
      `${Buffer.from(`kota-medan|DISDUKCAPIL|akta-kelahiran|${link.linkId}|${(expiresAt + 86_400).toString(36)}`).toString('base64url')}.${signature}`,
    ],
    [
      'payload: another unit, old signature',
      `${Buffer.from(`kota-medan|DISDUKCAPIL-X|akta-kelahiran|${link.linkId}|${expiresAt.toString(36)}`).toString('base64url')}.${signature}`,
    ],
    ['signature: first character changed', `${payload}.${flip(signature, 0)}`],
    ['signature: a middle character changed', `${payload}.${flip(signature, 10)}`],
    ['signature: truncated', `${payload}.${signature.slice(0, -2)}`],
    [
      'signature: one byte longer',
      `${payload}.${Buffer.concat([Buffer.from(signature, 'base64url'), Buffer.from([0])]).toString('base64url')}`,
    ],
    ['signature: missing', `${payload}.`],
    ['signature: no dot at all', payload],
    ['payload: missing', `.${signature}`],
    ['an extra dot segment', `${token}.x`],
    ['a trailing dot', `${token}.`],
    [
      'tampered and expired: still invalid, not expired',
      `${flip(payload, 0)}.${signature}`,
      new Date('2027-01-01T00:00:00Z'),
    ],
    ['garbage', 'hello-world'],
    ['garbage with a dot', 'abc.def'],
    ['only dots', '...'],
    ['empty string', ''],
    ['very long', `${'A'.repeat(400)}.${signature}`],
    ['signed, but four fields', signedRaw(`kota-medan|DISDUKCAPIL|akta-kelahiran|${link.linkId}`)],
    [
      'signed, but six fields',
      signedRaw(`kota-medan|DISDUKCAPIL|akta-kelahiran|${link.linkId}|${expiresAt.toString(36)}|x`),
    ],
    ['signed, but the expiry is not a number', signedRaw(`kota-medan|DISDUKCAPIL|akta-kelahiran|${link.linkId}|!`)],
  ])('invalid: %s', (_label, bad, now = before) => {
    expect(verifySurveyLink(bad, key, now)).toEqual({ problem: 'survey_link_invalid' });
  });

  it('a token signed with another key is invalid', () => {
    expect(verifySurveyLink(token, otherKey, before)).toEqual({ problem: 'survey_link_invalid' });
    expect(verifySurveyLink(signSurveyLink(link, otherKey), key, before)).toEqual({ problem: 'survey_link_invalid' });
  });

  it('a correctly signed raw payload with the five fields verifies (the test helper matches the format)', () => {
    expect(
      verifySurveyLink(
        signedRaw(`kota-medan|DISDUKCAPIL|akta-kelahiran|${link.linkId}|${expiresAt.toString(36)}`),
        key,
        before,
      ),
    ).toEqual({ link });
  });
});

describe('token content and size', () => {
  it('carries exactly the five fields: organisation, unit, service type, link id, expiry', () => {
    const fields = Buffer.from(payload, 'base64url').toString('utf8').split('|');
    expect(fields).toEqual([
      'kota-medan',
      'DISDUKCAPIL',
      'akta-kelahiran',
      'q3Zp9mX1bT7wLk2Rv8Yc0A',
      expiresAt.toString(36),
    ]);
  });

  it('has exactly two URL-safe segments', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  // Unit and service type codes as used in the project's own data (DUK-PIAK-KTP, DUK-LAHIRMATI, ktp-el, ...).
  it.each<[label: string, link: SurveyLink]>([
    ['Dinas, akta kelahiran', link],
    ['DUK-PIAK-KTP, ktp-el', { ...link, unitCode: 'DUK-PIAK-KTP', serviceType: 'ktp-el', linkId: newLinkId() }],
    [
      'DUK-LAHIRMATI, akta-kematian, far expiry',
      {
        ...link,
        unitCode: 'DUK-LAHIRMATI',
        serviceType: 'akta-kematian',
        linkId: newLinkId(),
        expiresAt: Date.parse('2030-12-31T00:00:00Z') / 1000,
      },
    ],
    ['DUK-PINDAH, surat-pindah', { ...link, unitCode: 'DUK-PINDAH', serviceType: 'surat-pindah', linkId: newLinkId() }],
  ])('stays under 120 characters for realistic ids: %s', (_label, l) => {
    expect(signSurveyLink(l, key).length).toBeLessThan(120);
  });

  it('ids at their schema maximum (org 63, unit 40, service type 40 characters) still verify', () => {
    const longest: SurveyLink = {
      orgId: `o${'-'.repeat(62)}`,
      unitCode: `U${'X'.repeat(39)}`,
      serviceType: `s${'x'.repeat(39)}`,
      linkId: newLinkId(),
      expiresAt,
    };
    const t = signSurveyLink(longest, key);
    expect(t.length).toBeLessThanOrEqual(300);
    expect(verifySurveyLink(t, key, before)).toEqual({ link: longest });
  });
});

describe('key ids', () => {
  const k1 = { kid: '1', key: Buffer.alloc(32, 0x11) };
  const k2 = { kid: '2', key: Buffer.alloc(32, 0x22) };
  const legacy = { kid: '0', key };
  const withKid = signSurveyLink(link, k2);

  it('a token signed with a rotated key starts with its key id and stays short (QR code)', () => {
    expect(withKid).toMatch(/^2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(withKid.length).toBe(token.length + 2);
    expect(surveyTokenOrg(withKid)).toBe('kota-medan');
  });

  it('a token of key id "0" keeps the form of before key ids (printed links verify unchanged)', () => {
    expect(signSurveyLink(link, legacy)).toBe(token);
    expect(surveyTokenOrg(token)).toBe('kota-medan');
  });

  it.each<[label: string, t: string, keys: { kid: string; key: Buffer }[], ok: boolean]>([
    ['newest key verifies its token', withKid, [k2, k1], true],
    ['the previous key still verifies its token', signSurveyLink(link, k1), [k2, k1], true],
    ['a legacy token while key 0 is live', token, [k1, legacy], true],
    ['a legacy token once key 0 is dropped', token, [k2, k1], false],
    ['an unknown key id', signSurveyLink(link, { kid: '3', key: k2.key }), [k2, k1], false],
    ['a key id swapped to another live key', `1${withKid.slice(1)}`, [k2, k1], false],
    ['the key id stripped (the signature covers it)', withKid.slice(2), [k2, { kid: '0', key: k2.key }], false],
    ['an explicit key id "0." prefix', `0.${token}`, [legacy], false],
    ['a key id with characters outside base36', `A.${withKid.slice(2)}`, [k2, { kid: 'A', key: k2.key }], false],
  ])('%s', (_label, t, keys, ok) => {
    expect(verifySurveyLink(t, keys, before)).toEqual(ok ? { link } : { problem: 'survey_link_invalid' });
  });

  it('the organisation is read without trusting it: malformed tokens name none', () => {
    for (const bad of ['', 'abc', '...', 'a.b.c.d']) expect(surveyTokenOrg(bad)).toBeUndefined();
  });
});

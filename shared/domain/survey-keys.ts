/**
 * An organisation's survey key set: the live signing keys, newest first (new links are signed with the newest; a
 * link signed with the previous one stays valid until it expires), at most two, and the link key that derives the
 * link id of a transaction. The link key never rotates: every push of a transaction must name the same link,
 * before and after a rotation. Stored as JSON, the same locally (one file per organisation) and in the cloud (one
 * Secrets Manager secret per organisation).
 */
import { LEGACY_KID, type SurveyKey } from './survey-token.ts';

export interface SurveyKeySet {
  /** Derives link ids (never signs); the key of before rotation, so existing transactions keep their link ids. */
  linkKey: Buffer;
  /** Newest first; at most MAX_LIVE_KEYS. */
  keys: (SurveyKey & { createdAt?: string })[];
}

export const MAX_LIVE_KEYS = 2;
/** Organisation ids as they may name a file or a secret: a token's organisation is read before it is verified. */
export const SAFE_ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MIN_KEY_BYTES = 32;

/** The set of an organisation that never rotated: its one key (shared by all such organisations) as key id "0". */
export const legacyKeySet = (key: Buffer): SurveyKeySet => ({ linkKey: key, keys: [{ kid: LEGACY_KID, key }] });

export interface Rotation {
  set: SurveyKeySet;
  added: string;
  kept: string[];
  dropped: string[];
}

/**
 * A new signing key in front; the previous newest stays live (its links keep working until they expire); any older
 * one is dropped, and its links stop verifying. Key ids count up in base36 from the legacy "0".
 */
export function rotateKeySet(set: SurveyKeySet, fresh: Buffer, now: Date): Rotation {
  if (fresh.length < MIN_KEY_BYTES) throw new Error(`a survey key needs at least ${MIN_KEY_BYTES} bytes`);
  const highest = Math.max(...set.keys.map((k) => parseInt(k.kid, 36)));
  const added = (highest + 1).toString(36);
  const live = [{ kid: added, key: fresh, createdAt: now.toISOString() }, ...set.keys.slice(0, MAX_LIVE_KEYS - 1)];
  return {
    set: { linkKey: set.linkKey, keys: live },
    added,
    kept: live.slice(1).map((k) => k.kid),
    dropped: set.keys.slice(MAX_LIVE_KEYS - 1).map((k) => k.kid),
  };
}

interface StoredKeySet {
  linkKey: string;
  keys: { kid: string; key: string; createdAt?: string }[];
}

export function serialiseKeySet(set: SurveyKeySet): string {
  const stored: StoredKeySet = {
    linkKey: set.linkKey.toString('base64'),
    keys: set.keys.map((k) => ({
      kid: k.kid,
      key: k.key.toString('base64'),
      ...(k.createdAt ? { createdAt: k.createdAt } : {}),
    })),
  };
  return `${JSON.stringify(stored, null, 2)}\n`;
}

/** A stored key set, checked: a malformed one is an operator's mistake to be told, never silently half-used. */
export function parseKeySet(text: string): SurveyKeySet {
  const fail = (why: string): never => {
    throw new Error(`survey key set: ${why}`);
  };
  let raw: StoredKeySet;
  try {
    raw = JSON.parse(text) as StoredKeySet;
  } catch {
    return fail('not JSON');
  }
  const bytes = (b64: unknown, what: string) => {
    if (typeof b64 !== 'string') return fail(`${what} missing`);
    const key = Buffer.from(b64, 'base64');
    if (key.length < MIN_KEY_BYTES) fail(`${what} shorter than ${MIN_KEY_BYTES} bytes`);
    return key;
  };
  if (!raw || !Array.isArray(raw.keys) || raw.keys.length === 0) return fail('no keys');
  if (raw.keys.length > MAX_LIVE_KEYS) fail(`more than ${MAX_LIVE_KEYS} live keys`);
  const keys = raw.keys.map((k) => {
    if (typeof k?.kid !== 'string' || !/^[0-9a-z]{1,6}$/.test(k.kid)) fail('a key without a valid kid');
    return { kid: k.kid, key: bytes(k.key, `key ${k.kid}`), ...(k.createdAt ? { createdAt: k.createdAt } : {}) };
  });
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) fail('duplicate kid');
  return { linkKey: bytes(raw.linkKey, 'linkKey'), keys };
}

/**
 * Survey links: an unguessable token, signed with the organisation's survey key (HMAC-SHA256), bound to the
 * organisation, unit, service type and transaction (by a random link id, never the agency's reference), with an
 * expiry. It carries no personal data. Short enough for a QR code on a receipt.
 *
 * Key ids: a token signed with a rotated key starts with the key's id, `<kid>.<payload>.<signature>`, and its
 * signature covers the id. Key id "0" is the single key of before rotation: its tokens keep the old two-segment
 * form `<payload>.<signature>`, so links printed before key ids existed verify unchanged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SurveyLink {
  orgId: string;
  unitCode: string;
  serviceType: string;
  /** Random id stored on the transaction; the token's only reference to it. */
  linkId: string;
  /** Epoch seconds after which the link no longer accepts a response. */
  expiresAt: number;
}

export type TokenProblem = 'survey_link_invalid' | 'survey_link_expired';

/** One signing key of an organisation, named by its key id (base36 counter; "0" is the key of before rotation). */
export interface SurveyKey {
  kid: string;
  key: Buffer;
}

const SIGNATURE_BYTES = 16;
export const LEGACY_KID = '0';
const KID = /^[0-9a-z]{1,6}$/;

/**
 * The link id of a transaction: derived from the organisation and the agency's id with the key, so every push of
 * a transaction (a retry, a racing duplicate) names the same link, and nobody without the key can derive it.
 */
export const linkIdFor = (key: Buffer, orgId: string, externalId: string): string =>
  createHmac('sha256', key).update(`link|${orgId}|${externalId}`).digest().subarray(0, 16).toString('base64url');

const sign = (payload: string, key: Buffer) =>
  createHmac('sha256', key).update(payload).digest().subarray(0, SIGNATURE_BYTES);

const asKey = (key: Buffer | SurveyKey): SurveyKey => (Buffer.isBuffer(key) ? { kid: LEGACY_KID, key } : key);
/** What is signed: the payload, prefixed by the key id for every key but the one of before rotation. */
const signed = (kid: string, payload: string) => (kid === LEGACY_KID ? payload : `${kid}.${payload}`);

export function signSurveyLink(link: SurveyLink, key: Buffer | SurveyKey): string {
  const { kid, key: secret } = asKey(key);
  if (!KID.test(kid)) throw new Error(`invalid survey key id: ${kid}`);
  const payload = Buffer.from(
    [link.orgId, link.unitCode, link.serviceType, link.linkId, link.expiresAt.toString(36)].join('|'),
  ).toString('base64url');
  return `${signed(kid, payload)}.${sign(signed(kid, payload), secret).toString('base64url')}`;
}

/** The segments of a token: its key id ("0" without one), payload and signature; undefined when malformed. */
function segments(token: string): { kid: string; payload: string; signature: string } | undefined {
  if (token.length > 300) return undefined;
  const parts = token.split('.');
  const [kid, payload, signature] = parts.length === 2 ? [LEGACY_KID, ...parts] : parts;
  if (parts.length < 2 || parts.length > 3 || !kid || !payload || !signature) return undefined;
  if (parts.length === 3 && (kid === LEGACY_KID || !KID.test(kid))) return undefined;
  return { kid, payload, signature };
}

/**
 * The organisation a token names, read WITHOUT checking its signature: only to find that organisation's keys, which
 * then verify the whole token (the organisation included). Undefined for a malformed token.
 */
export function surveyTokenOrg(token: string): string | undefined {
  const s = segments(token);
  if (!s) return undefined;
  const orgId = Buffer.from(s.payload, 'base64url').toString('utf8').split('|')[0];
  return orgId || undefined;
}

/**
 * The link a token names, or why it cannot be used, against the organisation's live keys (a bare key stands for
 * key id "0"). A token that fails its signature, or names a key id that is not live, is treated as invalid.
 */
export function verifySurveyLink(
  token: string,
  keys: Buffer | readonly SurveyKey[],
  now: Date,
): { link: SurveyLink } | { problem: TokenProblem } {
  const invalid = { problem: 'survey_link_invalid' as const };
  const s = segments(token);
  const key = s && (Buffer.isBuffer(keys) ? [asKey(keys)] : keys).find((k) => k.kid === s.kid);
  if (!s || !key) return invalid;
  const { payload, signature } = s;
  const given = Buffer.from(signature, 'base64url');
  // Canonical encoding only: base64url's spare bits would otherwise let 16 spellings pass for one signature.
  if (
    given.length !== SIGNATURE_BYTES ||
    given.toString('base64url') !== signature ||
    !timingSafeEqual(given, sign(signed(s.kid, payload), key.key))
  )
    return invalid;
  const parts = Buffer.from(payload, 'base64url').toString('utf8').split('|');
  if (parts.length !== 5) return invalid;
  const [orgId, unitCode, serviceType, linkId, expires] = parts as [string, string, string, string, string];
  const expiresAt = parseInt(expires, 36);
  if (!Number.isSafeInteger(expiresAt)) return invalid;
  if (expiresAt * 1000 < now.getTime()) return { problem: 'survey_link_expired' };
  return { link: { orgId, unitCode, serviceType, linkId, expiresAt } };
}

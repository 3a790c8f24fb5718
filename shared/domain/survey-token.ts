/**
 * Survey links: an unguessable token, signed with the organisation's survey key (HMAC-SHA256), bound to the
 * organisation, unit, service type and transaction (by a random link id, never the agency's reference), with an
 * expiry. It carries no personal data. Short enough for a QR code on a receipt.
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

const SIGNATURE_BYTES = 16;

/**
 * The link id of a transaction: derived from the organisation and the agency's id with the key, so every push of
 * a transaction (a retry, a racing duplicate) names the same link, and nobody without the key can derive it.
 */
export const linkIdFor = (key: Buffer, orgId: string, externalId: string): string =>
  createHmac('sha256', key).update(`link|${orgId}|${externalId}`).digest().subarray(0, 16).toString('base64url');

const sign = (payload: string, key: Buffer) =>
  createHmac('sha256', key).update(payload).digest().subarray(0, SIGNATURE_BYTES);

export function signSurveyLink(link: SurveyLink, key: Buffer): string {
  const payload = Buffer.from(
    [link.orgId, link.unitCode, link.serviceType, link.linkId, link.expiresAt.toString(36)].join('|'),
  ).toString('base64url');
  return `${payload}.${sign(payload, key).toString('base64url')}`;
}

/** The link a token names, or why it cannot be used. A token that fails its signature is treated as invalid. */
export function verifySurveyLink(
  token: string,
  key: Buffer,
  now: Date,
): { link: SurveyLink } | { problem: TokenProblem } {
  const invalid = { problem: 'survey_link_invalid' as const };
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 300) return invalid;
  const given = Buffer.from(signature, 'base64url');
  // Canonical encoding only: base64url's spare bits would otherwise let 16 spellings pass for one signature.
  if (
    given.length !== SIGNATURE_BYTES ||
    given.toString('base64url') !== signature ||
    !timingSafeEqual(given, sign(payload, key))
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

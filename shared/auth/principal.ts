/**
 * Who is calling, read from the claims that API Gateway's JWT authorizer (or the local gateway, which builds
 * the same event) has already verified. Handlers never read identity from anything else.
 */
export const groups = ['admin_bkpsdm', 'admin_opd', 'auditor'] as const;
export type Group = (typeof groups)[number];

export interface UserPrincipal {
  kind: 'user';
  orgId: string;
  nip: string;
  groups: Group[];
  subject: string;
}

export interface MachinePrincipal {
  kind: 'machine';
  /** Resolved from the machine-client registry, never from the token. */
  orgId: string;
  clientId: string;
  scopes: string[];
}

export type Principal = UserPrincipal | MachinePrincipal;

export type Claims = Record<string, string | number | boolean | string[] | undefined>;

/** API Gateway HTTP APIs flatten array claims to "[a b]"; tokens and tests may carry real arrays. */
export function claimList(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return inner.split(/[\s,]+/).filter(Boolean);
}

export type ParsedIdentity =
  | { kind: 'user'; orgId: string; nip: string; groups: Group[]; subject: string }
  | { kind: 'machine'; clientId: string; scopes: string[] };

/** Returns undefined when the claims describe neither a person of an organisation nor a machine client. */
export function parseClaims(claims: Claims | undefined): ParsedIdentity | undefined {
  if (!claims) return undefined;
  const org = claims['custom:org'];
  const nip = claims['custom:nip'];
  // Shapes are checked here too: a claim that cannot be a tenant or a NIP makes the token unusable (401).
  if (
    typeof org === 'string' &&
    typeof nip === 'string' &&
    /^[a-z0-9][a-z0-9-]{1,62}$/.test(org) &&
    /^\d{18}$/.test(nip)
  ) {
    const known = claimList(claims['cognito:groups']).filter((g): g is Group =>
      (groups as readonly string[]).includes(g),
    );
    return { kind: 'user', orgId: org, nip, groups: known, subject: String(claims.sub ?? nip) };
  }
  const clientId = claims.client_id;
  // A client-credentials token is about the client itself (sub = client_id); a person's access token has a
  // username and another subject, and is no machine.
  if (
    claims.token_use === 'access' &&
    typeof clientId === 'string' &&
    clientId &&
    claims.sub === clientId &&
    claims.username === undefined
  ) {
    return { kind: 'machine', clientId, scopes: claimList(claims.scope) };
  }
  return undefined;
}

/** Name written into `updatedBy` of every record, so the audit trail can say who did it. */
export const actorId = (p: Principal | undefined): string =>
  !p ? 'system' : p.kind === 'user' ? `nip:${p.nip}` : `client:${p.clientId}`;

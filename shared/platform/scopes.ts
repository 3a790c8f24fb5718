/**
 * The resource server's scopes as access tokens carry them. Its own module: the HTTP edge checks scopes in every
 * handler and must not bundle the whole manifest for two constants.
 */

/** The resource server's identifier: an access token's scopes count only as `kinerja-api/<scope>`. */
export const resourceServerId = 'kinerja-api';

/** The scope as it appears in an access token, e.g. `kinerja-api/transactions.write`. */
export const scopeClaim = (scope: string): string => `${resourceServerId}/${scope}`;

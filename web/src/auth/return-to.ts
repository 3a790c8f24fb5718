/**
 * Where sign-in returns: the app page the person opened (a link from an e-mail, say) before being asked to sign
 * in. Carried through the identity provider in the OIDC `state`, so it comes back only with the sign-in it began.
 */

/** The app path of `location` (under `base`, e.g. /app/): `/kotak-masuk?buka=…`. */
export function appPathOf(location: { pathname: string; search: string }, base: string): string {
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  return `/${path}${location.search}`;
}

/** The path to go to after sign-in: the one carried, if it is an app path (never elsewhere, never the callback). */
export function returnPathOf(state: unknown): string {
  const to = (state as { returnTo?: unknown } | null | undefined)?.returnTo;
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return '/';
  return to.startsWith('/auth/') ? '/' : to;
}

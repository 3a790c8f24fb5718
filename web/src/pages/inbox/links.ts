/**
 * Where a notification takes the person: the API resource its `link` names, turned into the app page that shows
 * it. Pure, so every kind of link is tested (test/unit/web-inbox-links.test.ts). Paths are relative to /app/.
 */

/** The inbox's own address for "open this notification": what the notification e-mails link to. */
export const OPEN_PARAM = 'buka';
export const ID_PARAM = 'id';

/**
 * The app page for an API link, seen by the person with NIP `myNip`; undefined when the app has no page for it
 * yet (the inbox then shows the notification without a link).
 */
export function appRouteOf(link: string, myNip: string | undefined): string | undefined {
  const [path = ''] = link.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  // The weekly adoption digest: the unit's Keadilan page at that period.
  if (parts[0] === 'units' && parts[2] === 'adoption' && parts.length === 4)
    return `/keadilan?${new URLSearchParams({ unit: parts[1]!, periode: parts[3]! })}`;
  if (parts[0] !== 'employees' || parts.length < 3) return undefined;
  const nip = parts[1]!;
  const own = nip === 'me' || nip === myNip;
  switch (parts[2]) {
    case 'plans':
      // Someone else's plan reaches a supervisor to decide on it: the team's page.
      return own ? '/skp' : '/tim';
    case 'activities':
      return own ? '/aktivitas' : '/tim';
    case 'verification-queue':
      return '/tim';
    case 'feedback':
    case 'dialogs':
      return own ? '/umpan-balik' : `/umpan-balik?pegawai=${encodeURIComponent(nip)}`;
    case 'evaluations':
    case 'team-evaluations':
      return '/penilaian';
    case 'signals': {
      const query = new URLSearchParams({
        ...(own ? {} : { pegawai: nip }),
        ...(parts[3] ? { periode: parts[3] } : {}),
      }).toString();
      return query ? `/sinyal?${query}` : '/sinyal';
    }
    default:
      return undefined;
  }
}

/** The inbox address that opens a notification's page (and marks it read): `/kotak-masuk?buka=<link>&id=<id>`. */
export function openPathOf(link: string, id?: string): string {
  const query = new URLSearchParams({ [OPEN_PARAM]: link, ...(id ? { [ID_PARAM]: id } : {}) });
  return `/kotak-masuk?${query}`;
}

/** What an address's query asks the inbox to open: the API link and the notification's id, if any. */
export function openRequestOf(search: string): { link: string; id?: string } | undefined {
  const query = new URLSearchParams(search);
  const link = query.get(OPEN_PARAM);
  if (!link) return undefined;
  const id = query.get(ID_PARAM);
  return id ? { link, id } : { link };
}

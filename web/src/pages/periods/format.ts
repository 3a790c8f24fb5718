/** How the period page writes dates, shares and counts in the page's language. */

/** "30 Nov 2026" from a YYYY-MM-DD date (a calendar day: no time zone shifts it). */
export const formatDate = (date: string, locale: string): string =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A moment in WIB, as the API's messages show time: "1 Des 2026 08.00 WIB". */
export const formatMoment = (iso: string, locale: string): string =>
  `${new Date(iso).toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  })} WIB`;

/** A share in percent with at most one decimal: "33,3%". */
export const formatShare = (share: number, locale: string): string =>
  `${share.toLocaleString(locale, { maximumFractionDigits: 1 })}%`;

export const formatNumber = (n: number, locale: string): string =>
  n.toLocaleString(locale, { maximumFractionDigits: 2 });

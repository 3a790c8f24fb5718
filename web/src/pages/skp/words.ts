/** How the SKP page says a plan's state, dates and targets. */
import type { MessageKey, Translate } from '../../i18n';
import type { Iki } from './data';

const states = ['draft', 'submitted', 'returned', 'approved', 'superseded'] as const;

/** The state in words (an unknown state, should the API add one, as the API names it). */
export function stateText(state: string, t: Translate): string {
  return (states as readonly string[]).includes(state) ? t(`skp.state.${state}` as MessageKey) : state;
}

/** A calendar date (YYYY-MM-DD) or timestamp as people read it, in the page's language. */
export function dateText(date: string, locale: string): string {
  const d = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  return d.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: date.length === 10 ? 'UTC' : 'Asia/Jakarta',
  });
}

/** The IKI's target: one number, or a range. */
export function targetText(target: Iki['target'], locale: string): string {
  return target.kind === 'single'
    ? target.value.toLocaleString(locale)
    : `${target.lo.toLocaleString(locale)}–${target.hi.toLocaleString(locale)}`;
}

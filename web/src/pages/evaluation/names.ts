/** How the evaluation page names periods, ratings, predikat and BerAKHLAK values in the page's language. */
import type { MessageKey, Translate } from '../../i18n';
import type { BerakhlakValue, Period, Predikat, Rating } from './data';

/** "November 2026", "Triwulan 4 2026", "Tahunan 2026": a period as people say it, never its id. */
export function periodName(period: Pick<Period, 'id' | 'kind' | 'start'>, t: Translate, locale: string): string {
  const year = period.start.slice(0, 4);
  if (period.kind === 'year') return t('evaluation.periodYear', { year });
  if (period.kind === 'quarter') return t('evaluation.periodQuarter', { quarter: period.id.slice(-1), year });
  return new Date(`${period.start}T00:00:00Z`).toLocaleDateString(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const ratingName = (rating: Rating, t: Translate) => t(`evaluation.rating.${rating}` as MessageKey);
export const predikatName = (predikat: Predikat, t: Translate) => t(`evaluation.predikat.${predikat}` as MessageKey);
export const valueName = (value: BerakhlakValue, t: Translate) => t(`evaluation.value.${value}` as MessageKey);

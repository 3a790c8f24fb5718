/**
 * The running capaian of the period today falls in, one line per IKI (the Aktivitas page has the realisasi and
 * targets behind it). A year not set up yet (404) leaves the section out rather than showing an error on the home.
 */
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useTotals } from '../activities/data';

const notSetUp = (error: unknown) => error instanceof ApiError && error.status === 404;

export function PeriodCapaian({ today }: { today: string }) {
  const { t, locale } = useI18n();
  const { year, totals } = useTotals(today);
  const error = year.error ?? totals.error;
  // Nothing to show before the year is set up or while no plan is in force (the SKP reminder says why).
  if (notSetUp(error) || totals.data?.iki.length === 0) return null;
  const body = error ? (
    <FormError error={error} />
  ) : !totals.data ? (
    <p>{t('loading')}</p>
  ) : (
    <>
      <p>{t('activities.periodOf', { period: totals.data.periodId })}</p>
      <ul className="log-entries">
        {totals.data.iki.map((k) => {
          const level = t(`totals.level.${k.level}`);
          return (
            <li key={`${k.rhkId}/${k.ikiId}`} className="log-entry">
              <p className="log-iki">{k.name}</p>
              <p>
                {k.capaian === null
                  ? t('totals.noCapaian', { level })
                  : t('totals.capaian', { capaian: k.capaian.toLocaleString(locale), level })}
              </p>
            </li>
          );
        })}
      </ul>
      <Link href="/aktivitas" className="home-link">
        {t('home.totalsDetail')}
      </Link>
    </>
  );
  return (
    <section aria-labelledby="home-capaian">
      <h2 id="home-capaian">{t('activities.totalsTitle')}</h2>
      {body}
    </section>
  );
}

/** For those who lead a team: how many entries wait in the verification queue (since when) and how many plans. */
import { Link } from 'wouter';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useQueueSummary, useTeamPlans } from '../team/data';
import { formatDate } from '../team/format';

export function TeamSummary({ year }: { year: number }) {
  const { t, locale } = useI18n();
  const queue = useQueueSummary();
  const plans = useTeamPlans(year);
  const plansWaiting = plans.data?.items.filter((m) => m.waitingForMe).length;
  return (
    <section aria-labelledby="home-team">
      <h2 id="home-team">{t('home.team')}</h2>
      {queue.isError ? (
        <FormError error={queue.error} />
      ) : !queue.data ? (
        <p>{t('loading')}</p>
      ) : queue.data.count === 0 ? (
        <p>{t('home.queueEmpty')}</p>
      ) : (
        <p>
          {t('home.queue', { count: queue.data.count })}{' '}
          {queue.data.oldest && t('home.queueOldest', { date: formatDate(queue.data.oldest, locale) })}
        </p>
      )}
      {plans.isError ? (
        <FormError error={plans.error} />
      ) : plansWaiting === undefined ? null : (
        <p>{plansWaiting > 0 ? t('home.plansWaiting', { count: plansWaiting }) : t('home.noPlansWaiting')}</p>
      )}
      <Link href="/tim" className="home-link">
        {t('home.openTeam')}
      </Link>
    </section>
  );
}

/** One's own day and week at a glance: today's entries and minutes, the week by status, the rejected with reasons. */
import { Link } from 'wouter';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useActivities } from '../activities/data';
import { mondayOf } from '../activities/dates';
import { formatDate } from '../team/format';
import { summarise } from './today';

export function MyWeek({ today }: { today: string }) {
  const { t, locale } = useI18n();
  // The same question the Aktivitas page asks for its week, so either page finds the other's answer cached.
  const week = useActivities(mondayOf(today), today);
  if (week.isError) return <FormError error={week.error} />;
  if (!week.data) return <p>{t('loading')}</p>;
  const w = summarise(week.data, today);
  const duration = t('activities.duration', { h: Math.floor(w.todayMinutes / 60), m: w.todayMinutes % 60 });
  return (
    <>
      <p>{t('home.loggedToday', { count: w.todayCount, duration })}</p>
      <h3 className="home-sub">{t('home.week')}</h3>
      <dl className="log-totals">
        <div>
          <dt>{t('activities.status.pending')}</dt>
          <dd>{w.pending}</dd>
        </div>
        <div>
          <dt>{t('activities.status.approved')}</dt>
          <dd>{w.approved}</dd>
        </div>
        <div>
          <dt>{t('activities.status.rejected')}</dt>
          <dd>{w.rejected.length}</dd>
        </div>
      </dl>
      {w.rejected.length > 0 && (
        <>
          <h3 className="home-sub">{t('home.rejectedTitle')}</h3>
          <ul className="log-entries">
            {w.rejected.map((e) => (
              <li key={e.id} className="log-entry">
                <p>{t('home.rejectedOn', { date: formatDate(e.date, locale), description: e.description })}</p>
                {e.rejectReason && <p>{t('activities.rejectReason', { reason: e.rejectReason })}</p>}
              </li>
            ))}
          </ul>
          <Link href="/aktivitas" className="home-link">
            {t('home.fixRejected')}
          </Link>
        </>
      )}
    </>
  );
}

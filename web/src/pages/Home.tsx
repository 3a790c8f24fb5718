import { Link } from 'wouter';
import { useMe } from '../api/hooks';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { leadsATeam } from '../viewer';
import { todayWib, yearOf } from './activities/dates';
import { MyWeek } from './home/MyWeek';
import { PeriodCapaian } from './home/PeriodCapaian';
import { Reminders } from './home/Reminders';
import { TeamSummary } from './home/TeamSummary';

/**
 * Beranda, a home for today: the greeting and the date in WIB (the working day the API counts in), the way to log
 * the day, what asks for attention (unread notifications, an SKP not approved yet), one's own day and week, the
 * team's waiting work for those who lead one, and the period's running capaian. It is in the first-load chunk, so
 * it imports data hooks only (pages/<area>/data.ts), never another page's components.
 */
export function Home() {
  const { t, locale } = useI18n();
  const me = useMe();
  const name = me.data?.employee?.name ?? '';
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'Asia/Jakarta' }).format(new Date());
  const today = todayWib();
  const year = yearOf(today);
  return (
    <>
      <PageTitle>{t('home.welcome', { name })}</PageTitle>
      <p>{t('home.today', { date })}</p>
      <Link href="/aktivitas" className="log-link">
        {t('home.logActivity')}
      </Link>
      {me.data?.employee && (
        <>
          <Reminders year={year} />
          <section aria-labelledby="home-mine">
            <h2 id="home-mine">{t('home.mine')}</h2>
            <MyWeek today={today} />
          </section>
          {leadsATeam(me.data, today) && <TeamSummary year={year} />}
          <PeriodCapaian today={today} />
        </>
      )}
    </>
  );
}

import { Link } from 'wouter';
import { useMe } from '../api/hooks';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';

/** Beranda: a greeting, today's date in WIB (the working day the API counts in), and the way to log the day. */
export function Home() {
  const { t, locale } = useI18n();
  const me = useMe();
  const name = me.data?.employee?.name ?? '';
  const today = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'Asia/Jakarta' }).format(new Date());
  return (
    <>
      <PageTitle>{t('home.welcome', { name })}</PageTitle>
      <p>{t('home.today', { date: today })}</p>
      <Link href="/aktivitas" className="log-link">
        {t('home.logActivity')}
      </Link>
    </>
  );
}

import { Link } from 'wouter';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}

import { useEffect } from 'react';
import { useI18n } from '../i18n';

/** The page's h1, also the document title ("Aktivitas – Kinerja ASN"), so each page is announced by name. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${children} – ${t('appName')}`;
  }, [children, t]);
  return <h1>{children}</h1>;
}

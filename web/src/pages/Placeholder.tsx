import { PageTitle } from '../components/PageTitle';
import { type MessageKey, useI18n } from '../i18n';

/** A page still to be built: its heading, and a note. */
export function Placeholder({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t(title)}</PageTitle>
      <p>{t('placeholder.soon')}</p>
    </>
  );
}

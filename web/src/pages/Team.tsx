/** Tim (for supervisors): the verification queue first, the daily work; the team's monitoring below it. */
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { TeamMonitoring } from './team/TeamMonitoring';
import { VerificationQueue } from './team/VerificationQueue';

export function Team() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('nav.team')}</PageTitle>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('team.queue.title')}</h2>
        <VerificationQueue />
      </section>
      <section aria-labelledby="monitor-heading">
        <h2 id="monitor-heading">{t('team.monitor.title')}</h2>
        <TeamMonitoring />
      </section>
    </>
  );
}

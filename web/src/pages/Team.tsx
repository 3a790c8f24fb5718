/** Tim (for supervisors): the verification queue first, the daily work; SKP approvals; the team's monitoring. */
import { Link } from 'wouter';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { PlanApprovals } from './team/plans/PlanApprovals';
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
      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">{t('team.plans.title')}</h2>
        <PlanApprovals />
      </section>
      <section aria-labelledby="monitor-heading">
        <h2 id="monitor-heading">{t('team.monitor.title')}</h2>
        <TeamMonitoring />
      </section>
      <p>
        <Link href="/penilaian" className="page-link">
          {t('evaluation.teamLink')}
        </Link>
      </p>
    </>
  );
}

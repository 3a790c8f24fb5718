/**
 * Adopsi: as of the run's day, who of the unit's subtree has logged nothing for several working days, the
 * supervisors whose verification queue is overdue, and the child units below the adoption threshold (each leads to
 * the same page for that unit). One request (GET /units/{code}/adoption/{periodId}).
 */
import { Link } from 'wouter';
import { useI18n } from '../../i18n';
import { formatDate } from '../periods/format';
import { useUnitAdoption } from './data';
import { Failure } from './Failure';
import { fairnessHref, figure } from './shape';

export function AdoptionPanel({
  unitCode,
  periodId,
  isBkpsdm,
}: {
  unitCode: string;
  periodId: string;
  isBkpsdm: boolean;
}) {
  const { t, locale } = useI18n();
  const read = useUnitAdoption(unitCode, periodId);
  if (read.error) return <Failure error={read.error} isBkpsdm={isBkpsdm} />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  const { asOf, idle, overdueQueues, members, loggingRecently, loggingPct, belowThreshold } = read.data;
  const below = read.data.children.filter((c) => c.belowThreshold);
  return (
    <>
      <p className="hint">{t('fairness.adoption.hint', { asOf: formatDate(asOf, locale) })}</p>
      <p className={belowThreshold ? 'status-line fair-off' : 'status-line'}>
        {t('fairness.adoption.logging', {
          logging: loggingRecently,
          members,
          pct: figure(loggingPct, locale, ' %'),
        })}
        {belowThreshold ? ` ${t('fairness.adoption.below')}` : ''}
      </p>
      <h3>{t('fairness.adoption.idle')}</h3>
      {idle.length === 0 ? (
        <p>{t('fairness.adoption.idleNone')}</p>
      ) : (
        <ul className="dash-list" aria-label={t('fairness.adoption.idle')}>
          {idle.map((p) => (
            <li key={p.nip}>
              {t('fairness.adoption.idleItem', {
                name: p.name ? `${p.name} (${p.nip})` : p.nip,
                days: p.idleWorkingDays,
                last: p.lastLoggedDate ? formatDate(p.lastLoggedDate, locale) : t('fairness.adoption.never'),
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('fairness.adoption.queues')}</h3>
      {overdueQueues.length === 0 ? (
        <p>{t('fairness.adoption.queuesNone')}</p>
      ) : (
        <ul className="dash-list" aria-label={t('fairness.adoption.queues')}>
          {overdueQueues.map((q) => (
            <li key={q.supervisorNip}>
              {t('fairness.adoption.queueItem', { name: q.name, pending: q.pending, days: q.oldestPendingDays })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('fairness.adoption.children')}</h3>
      {below.length === 0 ? (
        <p>{t('fairness.adoption.childrenNone')}</p>
      ) : (
        <ul className="dash-list" aria-label={t('fairness.adoption.children')}>
          {below.map((c) => (
            <li key={c.code}>
              <Link href={fairnessHref(c.code, periodId)} className="page-link">
                {t('fairness.adoption.childItem', { name: c.name, pct: figure(c.loggingPct, locale, ' %') })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The queue: appeals waiting for a decision, oldest first — the employee, the period, the date it was filed and
 * how long it has waited (the rules set no deadline for the decision), the reason — each opening its evaluation.
 * A refusal (403: someone who decides no appeal) shows the API's message.
 */
import { Link } from 'wouter';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { dateText } from '../skp/words';
import { appealHref, type PendingAppeal, periodLabel, useAppealQueue } from './data';

export function AppealQueue() {
  const { t } = useI18n();
  const queue = useAppealQueue();
  if (!queue.data) {
    if (!queue.isError) return <p role="status">{t('loading')}</p>;
    return (
      <>
        <FormError error={queue.error} />
        <button type="button" onClick={() => void queue.refetch()}>
          {t('error.retry')}
        </button>
      </>
    );
  }
  const scope = queue.data.pages[0]?.scope ?? 'own';
  const items = queue.data.pages.flatMap((p) => p.items);
  return (
    <>
      <p>{t(`appeals.intro.${scope}`)}</p>
      <p className="hint">{t('appeals.noDeadline')}</p>
      <section aria-labelledby="appeals-queue">
        <h2 id="appeals-queue">{t('appeals.queueTitle')}</h2>
        {items.length === 0 ? (
          <p>{t('appeals.none')}</p>
        ) : (
          <ul className="entries" aria-label={t('appeals.queueTitle')}>
            {items.map((a) => (
              <QueueItem key={`${a.nip}-${a.periodId}`} appeal={a} />
            ))}
          </ul>
        )}
        {queue.hasNextPage && (
          <>
            <p role="status">{t('appeals.count', { count: items.length })}</p>
            <button type="button" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
              {queue.isFetchingNextPage ? t('appeals.loadingMore') : t('appeals.more')}
            </button>
          </>
        )}
        {queue.isError && <FormError error={queue.error} />}
      </section>
    </>
  );
}

function QueueItem({ appeal: a }: { appeal: PendingAppeal }) {
  const { t, locale } = useI18n();
  const period = periodLabel(a.periodId, t, locale);
  return (
    <li className="entry">
      <h3>{a.name}</h3>
      <p>{t('appeals.nipUnit', { nip: a.nip, unit: a.position ? `${a.position}, ${a.unitCode}` : a.unitCode })}</p>
      <p>{t('appeals.period', { period })}</p>
      <p>
        <strong>{t('appeals.filedOn', { date: dateText(a.filedAt, locale) })}</strong>
        {' · '}
        {a.waitingDays === 0 ? t('appeals.waitingToday') : t('appeals.waitingDays', { days: a.waitingDays })}
      </p>
      <p className="explain">{t('appeals.reason', { reason: a.reason })}</p>
      <Link href={appealHref(a.nip, a.periodId)} className="page-link">
        {t('appeals.open', { name: a.name, period })}
      </Link>
    </li>
  );
}

/** Performance dialogs, newest first: the date, who recorded it, the topics, the follow-ups with their owner. */
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { formatDate } from '../team/format';
import { useDialogs } from './data';

export function DialogList({ nip }: { nip: string }) {
  const { t, locale } = useI18n();
  const dialogs = useDialogs(nip);
  if (dialogs.isPending) return <p role="status">{t('loading')}</p>;
  if (!dialogs.data) return <FormError error={dialogs.error} />;
  const items = dialogs.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p>{t('feedback.dialogsNone')}</p>;
  return (
    <>
      {items.map((d) => (
        <article key={d.id} className="thread" aria-labelledby={`dialog-${d.id}`}>
          <h3 id={`dialog-${d.id}`}>{t('feedback.dialogOn', { date: formatDate(d.date, locale) })}</h3>
          <p className="thread-meta">{t('feedback.recordedBy', { name: d.recordedByName ?? d.recordedBy })}</p>
          <h4>{t('feedback.topics')}</h4>
          <ul>
            {d.topics.map((topic) => (
              <li key={topic}>{topic}</li>
            ))}
          </ul>
          {d.followUps.length > 0 && (
            <>
              <h4>{t('feedback.followUps')}</h4>
              <ul>
                {d.followUps.map((f) => (
                  <li key={f.text + f.owner}>
                    {f.text} ({t(`feedback.owner.${f.owner}`)}
                    {f.due ? `, ${t('feedback.due.on', { date: formatDate(f.due, locale) })}` : ''})
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.notes && <p className="thread-text">{d.notes}</p>}
        </article>
      ))}
      {dialogs.hasNextPage && (
        <button type="button" disabled={dialogs.isFetchingNextPage} onClick={() => void dialogs.fetchNextPage()}>
          {dialogs.isFetchingNextPage ? t('loading') : t('feedback.more')}
        </button>
      )}
    </>
  );
}

/**
 * On the activity page while entries wait on the device: a notice (how many wait, how many the API refused) and
 * each entry marked "waiting to be sent" or "refused when sent" with the API's reason. A refused entry is fixed in
 * the activity form (each message next to its field) and sent again, or discarded.
 */
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { ActivityForm, valuesOfInput } from '../pages/activities/ActivityForm';
import { namesOf, usePlanInForce } from '../pages/activities/data';
import { yearOf } from '../pages/activities/dates';
import { discard, replace, sendNow } from './activityQueue';
import { useOnline, useQueuedActivities } from './hooks';
import { errorOf, type QueuedActivity } from './queue';

export function QueuedActivities() {
  const { t } = useI18n();
  const items = useQueuedActivities();
  const online = useOnline();
  if (items.length === 0) return null;
  const waitingCount = items.filter((i) => !i.refusal).length;
  const refusedCount = items.length - waitingCount;
  return (
    <section aria-labelledby="queued-activities" className="queue">
      <h2 id="queued-activities">{t('offline.title')}</h2>
      <div role="status" className="note">
        {waitingCount > 0 && (
          <p>{t(online ? 'offline.waitingOnline' : 'offline.waitingOffline', { count: waitingCount })}</p>
        )}
        {refusedCount > 0 && <p>{t('offline.refusedNotice', { count: refusedCount })}</p>}
      </div>
      {online && waitingCount > 0 && (
        <div className="log-actions">
          <button type="button" onClick={() => void sendNow()}>
            {t('offline.sendNow')}
          </button>
        </div>
      )}
      <ul className="log-entries">
        {items.map((item) => (
          <li key={item.key}>
            <QueuedEntry item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function QueuedEntry({ item }: { item: QueuedActivity }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'view' | 'fix' | 'discard'>('view');
  const { body, refusal } = item;
  const names = namesOf(usePlanInForce(yearOf(body.date)).data);
  // One error per refusal: the form moves the focus to its field when the error changes, not on every render.
  const error = useMemo(() => refusal && errorOf(refusal), [refusal]);
  // A refusal naming one field repeats its message in details: say it once.
  const moreDetails = refusal?.details.filter((d) => d.message !== refusal.message) ?? [];
  if (mode === 'fix' && error)
    return (
      <section className="log-entry" aria-label={t('offline.fixTitle')}>
        <h3>{t('offline.fixTitle')}</h3>
        <ActivityForm
          initial={valuesOfInput(body)}
          submitLabel={t('offline.resend')}
          busy={false}
          error={error}
          onSubmit={(fixed) => void replace(item.key, fixed).then(() => setMode('view'))}
          actions={
            <button type="button" onClick={() => setMode('view')}>
              {t('activities.cancel')}
            </button>
          }
        />
      </section>
    );
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <article className="log-entry" aria-label={`${body.start}–${body.end} ${body.description}`}>
      <p className="log-head">
        <span className="log-time">
          {day.format(new Date(`${body.date}T00:00:00Z`))} · {body.start}–{body.end}
        </span>{' '}
        <span className={`log-status ${refusal ? 'log-status-refused' : 'log-status-waiting'}`}>
          {t(refusal ? 'offline.status.refused' : 'offline.status.waiting')}
        </span>
      </p>
      <p className="log-iki">
        {names.get(`iki:${body.rhkId}/${body.ikiId}`) ?? body.ikiId}
        <span className="log-rhk">{names.get(`rhk:${body.rhkId}`) ?? body.rhkId}</span>
      </p>
      <p>{body.description}</p>
      {refusal && (
        <div className="log-reason">
          <p>{refusal.message}</p>
          {moreDetails.length > 0 && (
            <ul>
              {moreDetails.map((d) => (
                <li key={`${d.field}-${d.code}`}>{d.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {refusal &&
        (mode === 'discard' ? (
          <div className="log-confirm">
            <p id={`discard-${item.key}`}>{t('offline.confirmDiscard')}</p>
            <div className="log-actions">
              <button
                type="button"
                className="danger"
                aria-describedby={`discard-${item.key}`}
                onClick={() => void discard(item.key)}
              >
                {t('offline.discardYes')}
              </button>
              <button type="button" onClick={() => setMode('view')}>
                {t('activities.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="log-actions">
            <button type="button" onClick={() => setMode('fix')}>
              {t('offline.fix')}
            </button>
            <button type="button" onClick={() => setMode('discard')}>
              {t('offline.discard')}
            </button>
          </div>
        ))}
    </article>
  );
}

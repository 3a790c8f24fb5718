/**
 * The week's entries by day, newest day first: times, RHK and IKI by name, what was done and produced, the status
 * in words (and the supervisor's reason when rejected). Pending and rejected entries can be edited or deleted;
 * when someone else changed one meanwhile (409), reloading brings its current version and the edit can be sent again.
 */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { ActivityForm, type ActivityValues } from './ActivityForm';
import { type Activity, namesOf, type PlanVersion, useDeleteActivity, useUpdateActivity } from './data';

const editable = (a: Activity) => a.status === 'pending' || a.status === 'rejected';

export function ActivityList({
  items,
  plan,
  today,
  onReload,
}: {
  items: Activity[];
  plan: PlanVersion | undefined;
  today: string;
  onReload: () => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const names = namesOf(plan);
  const days = [...new Set(items.map((a) => a.date))].sort().reverse();
  if (days.length === 0) return <p>{t('activities.none')}</p>;
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <>
      {days.map((date) => (
        <section key={date} aria-labelledby={`day-${date}`}>
          <h3 id={`day-${date}`}>
            {date === today ? t('activities.today') : ''}
            {date === today ? ' · ' : ''}
            {dayName.format(new Date(`${date}T00:00:00Z`))}
          </h3>
          <ul className="log-entries">
            {items
              .filter((a) => a.date === date)
              .map((a) => (
                <li key={a.id}>
                  <Entry activity={a} names={names} onReload={onReload} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Entry({
  activity: a,
  names,
  onReload,
}: {
  activity: Activity;
  names: Map<string, string>;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  if (mode === 'edit') return <EntryEditor activity={a} onDone={() => setMode('view')} onReload={onReload} />;
  return (
    <article className="log-entry" aria-label={`${a.start}–${a.end} ${a.description}`}>
      <p className="log-head">
        <span className="log-time">
          {a.start}–{a.end}
        </span>{' '}
        <span className={`log-status log-status-${a.status}`}>{t(`activities.status.${a.status}`)}</span>
      </p>
      <p className="log-iki">
        {names.get(`iki:${a.rhkId}/${a.ikiId}`) ?? a.ikiId}
        <span className="log-rhk">{names.get(`rhk:${a.rhkId}`) ?? a.rhkId}</span>
      </p>
      <p>{a.description}</p>
      <p className="log-output">
        {t('activities.output', { quantity: a.outputQuantity, unit: a.outputUnit, minutes: a.minutes })}
      </p>
      {a.evidence.map((url) => (
        <p key={url} className="log-evidence">
          <a href={url} target="_blank" rel="noreferrer">
            {t('activities.evidenceLink')}
          </a>
        </p>
      ))}
      {a.status === 'rejected' && a.rejectReason && (
        <p className="log-reason">{t('activities.rejectReason', { reason: a.rejectReason })}</p>
      )}
      {editable(a) &&
        (mode === 'delete' ? (
          <DeleteConfirm activity={a} onDone={() => setMode('view')} onReload={onReload} />
        ) : (
          <div className="log-actions">
            <button type="button" onClick={() => setMode('edit')}>
              {t('activities.edit')}
            </button>
            <button type="button" onClick={() => setMode('delete')}>
              {t('activities.delete')}
            </button>
          </div>
        ))}
    </article>
  );
}

const valuesOf = (a: Activity): ActivityValues => ({
  date: a.date,
  start: a.start,
  end: a.end,
  rhkId: a.rhkId,
  ikiId: a.ikiId,
  description: a.description,
  outputQuantity: String(a.outputQuantity),
  outputUnit: a.outputUnit,
  evidence: a.evidence[0] ?? '',
});

const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/** The 409 note: the entry changed elsewhere; reloading fetches its current version to try again with. */
function Conflict({ onReload }: { onReload: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <div className="note">
      <p>{t('activities.conflict')}</p>
      <button type="button" onClick={() => void onReload()}>
        {t('activities.reload')}
      </button>
    </div>
  );
}

function EntryEditor({
  activity,
  onDone,
  onReload,
}: {
  activity: Activity;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const update = useUpdateActivity();
  // Saving waits for the reload: the edit must go out with the version just fetched, not the stale one.
  const [reloading, setReloading] = useState(false);
  return (
    <section className="log-entry" aria-label={t('activities.editTitle')}>
      <h4>{t('activities.editTitle')}</h4>
      <ActivityForm
        initial={valuesOf(activity)}
        submitLabel={t('activities.saveChanges')}
        busy={update.isPending || reloading}
        error={update.error ?? undefined}
        onSubmit={(body) => update.mutate({ activity, body }, { onSuccess: onDone })}
        actions={
          <button type="button" onClick={onDone}>
            {t('activities.cancel')}
          </button>
        }
      >
        {isConflict(update.error) && (
          <Conflict
            onReload={async () => {
              setReloading(true);
              await onReload();
              update.reset();
              setReloading(false);
            }}
          />
        )}
      </ActivityForm>
    </section>
  );
}

function DeleteConfirm({
  activity,
  onDone,
  onReload,
}: {
  activity: Activity;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const remove = useDeleteActivity();
  return (
    <div className="log-confirm">
      <FormError error={remove.error ?? undefined} />
      {isConflict(remove.error) && (
        <Conflict
          onReload={async () => {
            await onReload();
            remove.reset();
          }}
        />
      )}
      <p id={`confirm-${activity.id}`}>{t('activities.confirmDelete')}</p>
      <div className="log-actions">
        <button
          type="button"
          className="danger"
          aria-describedby={`confirm-${activity.id}`}
          disabled={remove.isPending}
          onClick={() => remove.mutate(activity, { onSuccess: onDone })}
        >
          {t('activities.deleteYes')}
        </button>
        <button type="button" onClick={onDone}>
          {t('activities.cancel')}
        </button>
      </div>
    </div>
  );
}

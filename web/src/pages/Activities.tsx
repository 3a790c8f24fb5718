/**
 * Aktivitas: the employee's day. Log an activity against an IKI of the plan in force, see today's and this
 * week's entries with their status (edit or delete while pending or rejected), and the period's running totals.
 */
import { useState } from 'react';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { QueuedActivities } from '../offline/QueuedActivities';
import { ActivityForm, type ActivityValues } from './activities/ActivityForm';
import { ActivityList } from './activities/ActivityList';
import { type Notice, useActivities, useCreateActivity, usePlanInForce } from './activities/data';
import { mondayOf, todayWib, yearOf } from './activities/dates';
import { PeriodTotals } from './activities/PeriodTotals';

export function Activities() {
  const { t } = useI18n();
  const today = todayWib();
  return (
    <>
      <PageTitle>{t('nav.activities')}</PageTitle>
      <section aria-labelledby="log-activity">
        <h2 id="log-activity">{t('activities.logTitle')}</h2>
        <NewActivity today={today} />
      </section>
      <QueuedActivities />
      <section aria-labelledby="week-activities">
        <h2 id="week-activities">{t('activities.weekTitle')}</h2>
        <Week today={today} />
      </section>
      <section aria-labelledby="period-totals">
        <h2 id="period-totals">{t('activities.totalsTitle')}</h2>
        <PeriodTotals date={today} />
      </section>
    </>
  );
}

const blank = (date: string, start = ''): ActivityValues => ({
  date,
  start,
  end: '',
  rhkId: '',
  ikiId: '',
  description: '',
  outputQuantity: '',
  outputUnit: '',
  evidence: '',
});

function NewActivity({ today }: { today: string }) {
  const { t } = useI18n();
  const create = useCreateActivity();
  const [next, setNext] = useState({ values: blank(today), resetKey: 0 });
  const [saved, setSaved] = useState<{ queued: boolean; notice?: Notice } | undefined>();
  return (
    <ActivityForm
      initial={next.values}
      resetKey={next.resetKey}
      submitLabel={t('activities.save')}
      busy={create.isPending}
      error={create.error ?? undefined}
      onSubmit={(body) => {
        setSaved(undefined);
        // A fresh key for this attempt; the mutation's own retries reuse it, so nothing is stored twice.
        create.mutate(
          { body, idempotencyKey: crypto.randomUUID() },
          {
            onSuccess: (result) => {
              // Without a connection it waits on the device (offline/) and is listed as not sent yet.
              const { date, end } = result.queued ? result.body : result.activity;
              setSaved(result.queued ? { queued: true } : { queued: false, notice: result.notice });
              // The next entry is often on the same day, starting when this one ended.
              setNext((n) => ({ values: blank(date, end), resetKey: n.resetKey + 1 }));
            },
          },
        );
      }}
    >
      <div role="status">
        {saved && <p className="log-saved">{t(saved.queued ? 'offline.queuedSaved' : 'activities.saved')}</p>}
        {saved?.notice && <p className="note">{saved.notice.message}</p>}
      </div>
    </ActivityForm>
  );
}

function Week({ today }: { today: string }) {
  const { t } = useI18n();
  const list = useActivities(mondayOf(today), today);
  const plan = usePlanInForce(yearOf(today));
  if (list.isError) return <FormError error={list.error} />;
  if (!list.data) return <p role="status">{t('loading')}</p>;
  return <ActivityList items={list.data} plan={plan.data} today={today} onReload={() => list.refetch()} />;
}

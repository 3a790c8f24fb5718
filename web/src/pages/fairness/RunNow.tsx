/**
 * "Hitung sekarang" (BKPSDM): starts the period's fairness run over every OPD, then follows its progress every
 * second — a progress bar and its counts, announced politely — until done, when the sections read their figures
 * again.
 */
import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useFairnessRun, useStartFairnessRun } from './data';

export function RunNow({ periodId }: { periodId: string }) {
  const { t } = useI18n();
  const start = useStartFairnessRun(periodId);
  const [runId, setRunId] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate(undefined, { onSuccess: (started) => setRunId(started.runId) });
  };
  return (
    <section aria-labelledby="fair-run">
      <h2 id="fair-run">{t('fairness.run.title')}</h2>
      <p className="hint">{t('fairness.run.hint')}</p>
      <form onSubmit={submit} aria-labelledby="fair-run">
        <FormError error={start.error} />
        <button type="submit" className="primary" disabled={start.isPending}>
          {t('fairness.run.start')}
        </button>
      </form>
      {runId ? <Progress key={runId} periodId={periodId} runId={runId} /> : null}
    </section>
  );
}

function Progress({ periodId, runId }: { periodId: string; runId: string }) {
  const { t } = useI18n();
  const run = useFairnessRun(periodId, runId);
  if (run.isError) return <FormError error={run.error} />;
  const data = run.data;
  const counts = data?.units ?? { done: 0, total: null };
  const done = data?.state === 'done';
  return (
    <div className="run">
      <h3 id={`fair-run-${runId}`}>{t('fairness.run.progressTitle')}</h3>
      <progress
        aria-labelledby={`fair-run-${runId}`}
        aria-describedby={`fair-run-${runId}-counts`}
        max={counts.total ?? undefined}
        value={counts.total === null ? undefined : counts.done}
      />
      <p id={`fair-run-${runId}-counts`} aria-live="polite" className="status-line" data-testid="fairness-run">
        {!data
          ? t('loading')
          : done
            ? t('fairness.run.done', { total: counts.total ?? counts.done })
            : t('fairness.run.progress', { done: counts.done, total: counts.total ?? '…' })}
      </p>
    </div>
  );
}

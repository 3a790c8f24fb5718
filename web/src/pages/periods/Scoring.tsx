/**
 * A scoring run for the chosen period, over the whole organisation or one OPD: started by BKPSDM, then asked
 * again every second until done — a progress bar with the task and people counts, announced politely — and at
 * its end what is left: units still pending and the people the check still finds unscored.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormError } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { SelectField } from '../activities/fields';
import { type Period, type Unit, useDistribution, useRefreshPeriodWork, useRun, useStartRun } from './data';
import { formatMoment, formatNumber } from './format';
import { PeopleList } from './PeopleList';

export function Scoring({
  year,
  period,
  opds,
  canAct,
}: {
  year: number;
  period: Period;
  opds: Unit[];
  canAct: boolean;
}) {
  const { t } = useI18n();
  const start = useStartRun();
  const [scope, setScope] = useState('');
  // The run started here, with the OPD it covers (kept: the picker may change meanwhile).
  const [run, setRun] = useState<{ id: string; opd?: string }>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate(
      { periodId: period.id, ...(scope ? { unitCode: scope } : {}) },
      { onSuccess: (started) => setRun({ id: started.runId, opd: scope || undefined }) },
    );
  };
  return (
    <section aria-labelledby="periods-scoring">
      <h2 id="periods-scoring">{t('periods.scoring.title')}</h2>
      <p className="hint">{t('periods.scoring.hint')}</p>
      {canAct ? (
        <form onSubmit={submit} aria-labelledby="periods-scoring">
          <FormError error={start.error} />
          <SelectField
            label={t('periods.scoring.scope')}
            name="unitCode"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
          >
            <option value="">{t('periods.scoring.wholeOrg')}</option>
            {opds.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="primary" disabled={start.isPending || period.state === 'finalised'}>
            {t('periods.scoring.start')}
          </button>
          {period.state === 'finalised' ? <p className="hint">{t('periods.scoring.finalised')}</p> : null}
        </form>
      ) : null}
      {run ? <RunProgress key={run.id} year={year} periodId={period.id} runId={run.id} opd={run.opd} /> : null}
    </section>
  );
}

/** A run's progress until done, then what is left; `opd` is the OPD whose check to show then (else all). */
export function RunProgress({
  year,
  periodId,
  runId,
  opd,
  title = 'periods.scoring.runTitle',
}: {
  year: number;
  periodId: string;
  runId: string;
  opd?: string;
  title?: MessageKey;
}) {
  const { t, locale } = useI18n();
  const run = useRun(periodId, runId);
  const refresh = useRefreshPeriodWork();
  const done = run.data?.state === 'done';
  // Once, when the run ends: the period's state, its check and its rewards changed.
  const refreshed = useRef(false);
  useEffect(() => {
    if (done && !refreshed.current) {
      refreshed.current = true;
      void refresh();
    }
  }, [done, refresh]);
  if (run.isError) return <FormError error={run.error} />;
  const data = run.data;
  const total = data?.tasks.total ?? null;
  const finished = data?.tasks.done ?? 0;
  return (
    <div className="run">
      <h3 id={`run-${runId}`}>{t(title)}</h3>
      {/* A native progress bar: role progressbar, its value and maximum read out; indeterminate until counted. */}
      <progress
        aria-labelledby={`run-${runId}`}
        aria-describedby={`run-${runId}-counts`}
        max={total ?? undefined}
        value={total === null ? undefined : finished}
      />
      <p id={`run-${runId}-counts`} aria-live="polite" className="status-line">
        {!data
          ? t('loading')
          : done
            ? t('periods.scoring.done', {
                scored: formatNumber(data.employeesScored, locale),
                at: data.finishedAt ? formatMoment(data.finishedAt, locale) : '',
              })
            : t('periods.scoring.progress', {
                done: finished,
                total: total ?? '…',
                scored: formatNumber(data.employeesScored, locale),
              })}
      </p>
      {data ? <p className="hint">{t('periods.scoring.tasks', { done: finished, total: total ?? '…' })}</p> : null}
      {data && data.pendingUnits.length > 0 ? (
        <>
          <h4>{t('periods.scoring.pendingUnits')}</h4>
          <ul>
            {data.pendingUnits.map((u) => (
              <li key={u.unitCode}>
                {u.unitName} ({u.unitCode})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {done ? <Unscored year={year} periodId={periodId} opd={opd} /> : null}
    </div>
  );
}

/** After the run: who the check still finds without an evaluation (registered after it), by name. */
function Unscored({ year, periodId, opd }: { year: number; periodId: string; opd?: string }) {
  const { t } = useI18n();
  const report = useDistribution(year, periodId, opd);
  if (report.isError) return <FormError error={report.error} />;
  if (!report.data) return <p role="status">{t('loading')}</p>;
  return report.data.unscoredCount === 0 ? (
    <p>{t('periods.scoring.allScored')}</p>
  ) : (
    <PeopleList
      title={t('periods.people.unscored', { count: report.data.unscoredCount })}
      people={report.data.unscored}
    />
  );
}

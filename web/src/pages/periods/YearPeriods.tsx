/**
 * A performance year's periods: each with its dates, input deadline and state, and for BKPSDM a change of state or
 * deadline (the API's optimistic lock: a 409 says what the period is now and offers a reload that keeps the
 * typing). A year not opened yet offers to open it.
 */
import { type FormEvent, useState } from 'react';
import { Field, FormError } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { SelectField } from '../activities/fields';
import { periodName } from '../evaluation/names';
import { fieldErrorsOf, type Period, type PeriodChange, Refusal, useOpenYear, useUpdatePeriod } from './data';
import { formatDate } from './format';

const editableStates = ['open', 'closed', 'scored'] as const;

export const stateName = (state: string, t: (key: MessageKey) => string) => t(`periods.state.${state}` as MessageKey);

export function OpenYear({ year, canAct }: { year: number; canAct: boolean }) {
  const { t } = useI18n();
  const open = useOpenYear();
  const [cadence, setCadence] = useState<'monthly' | 'quarterly'>('monthly');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate({ year, cadence });
  };
  return (
    <section aria-labelledby="periods-open">
      <h2 id="periods-open">{t('periods.openTitle', { year })}</h2>
      <p>{t('periods.notOpened', { year })}</p>
      {canAct ? (
        <form onSubmit={submit} aria-labelledby="periods-open">
          <FormError error={open.error} />
          <SelectField
            label={t('periods.cadence')}
            name="cadence"
            value={cadence}
            error={fieldErrorsOf(open.error).cadence}
            onChange={(e) => setCadence(e.target.value as 'monthly' | 'quarterly')}
          >
            <option value="monthly">{t('periods.cadence.monthly')}</option>
            <option value="quarterly">{t('periods.cadence.quarterly')}</option>
          </SelectField>
          <button type="submit" className="primary" disabled={open.isPending}>
            {t('periods.openYear', { year })}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function PeriodList({ year, periods, canAct }: { year: number; periods: Period[]; canAct: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="periods-list">
      <h2 id="periods-list">{t('periods.listTitle', { year })}</h2>
      <ul className="entries">
        {periods.map((p) => (
          <PeriodItem key={p.id} year={year} period={p} canAct={canAct} />
        ))}
      </ul>
    </section>
  );
}

function PeriodItem({ year, period, canAct }: { year: number; period: Period; canAct: boolean }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const name = periodName(period, t, locale);
  const finalisedOpds = Object.keys(period.opds ?? {}).length;
  return (
    <li className="entry">
      <h3 className="period-name">{name}</h3>
      <dl className="facts">
        <dt>{t('periods.dates')}</dt>
        <dd>
          {formatDate(period.start, locale)} – {formatDate(period.end, locale)}
        </dd>
        <dt>{t('periods.deadline')}</dt>
        <dd>{formatDate(period.inputDeadline, locale)}</dd>
        <dt>{t('periods.state')}</dt>
        <dd>{stateName(period.state, t)}</dd>
        {period.rulesVersion ? (
          <>
            <dt>{t('periods.rulesVersion')}</dt>
            <dd>{period.rulesVersion}</dd>
          </>
        ) : null}
        {finalisedOpds > 0 && period.state !== 'finalised' ? (
          <>
            <dt>{t('periods.opdsFinal')}</dt>
            <dd>{finalisedOpds}</dd>
          </>
        ) : null}
      </dl>
      {/* A finalised period never changes; only BKPSDM changes the others. */}
      {canAct && period.state !== 'finalised' ? (
        editing ? (
          <PeriodForm year={year} period={period} name={name} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" onClick={() => setEditing(true)} aria-label={t('periods.editNamed', { name })}>
            {t('periods.edit')}
          </button>
        )
      ) : null}
    </li>
  );
}

function PeriodForm({
  year,
  period,
  name,
  onDone,
}: {
  year: number;
  period: Period;
  name: string;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const update = useUpdatePeriod(year, period.id);
  const [state, setState] = useState(period.state);
  const [deadline, setDeadline] = useState(period.inputDeadline);
  const errors = fieldErrorsOf(update.error);
  const conflict = update.error instanceof Refusal && update.error.status === 409 ? update.error : undefined;
  const current = conflict?.raw.current as Period | null | undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed, against the version read now (a reload after a 409 brings the newer one).
    const body: PeriodChange = { version: period.version };
    if (state !== period.state) body.state = state as PeriodChange['state'];
    if (deadline !== period.inputDeadline) body.inputDeadline = deadline;
    update.mutate(body, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} aria-label={t('periods.editNamed', { name })}>
      <FormError error={update.error} />
      {conflict ? (
        <div className="note">
          {current ? (
            <p>
              {t('periods.conflictNow', {
                state: stateName(current.state, t),
                deadline: formatDate(current.inputDeadline, locale),
              })}
            </p>
          ) : null}
          <p>{t('periods.conflictKeep')}</p>
        </div>
      ) : null}
      <SelectField
        label={t('periods.state')}
        name="state"
        value={state}
        error={errors.state}
        onChange={(e) => setState(e.target.value)}
      >
        {editableStates.map((s) => (
          <option key={s} value={s}>
            {stateName(s, t)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('periods.deadline')}
        name="inputDeadline"
        type="date"
        value={deadline}
        error={errors.inputDeadline}
        onChange={(e) => setDeadline(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={update.isPending}>
          {t('periods.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('periods.cancel')}
        </button>
      </div>
    </form>
  );
}

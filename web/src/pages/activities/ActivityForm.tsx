/**
 * One activity's fields: the day and times, the RHK then the IKI chosen by name from the plan in force for the
 * day's year, what was done and produced, and an optional evidence link. Used to log a new entry and to edit one.
 * The API's messages go next to the field they name.
 */
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { Field, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { type ActivityInput, usePlanInForce } from './data';
import { yearOf } from './dates';
import { SelectField, TextAreaField } from './fields';

export interface ActivityValues {
  date: string;
  start: string;
  end: string;
  rhkId: string;
  ikiId: string;
  description: string;
  outputQuantity: string;
  outputUnit: string;
  evidence: string;
}

function fieldErrorsOf(error: unknown): Partial<Record<keyof ActivityValues, string>> {
  if (!(error instanceof ApiError)) return {};
  const byField = error.fieldErrors() as Record<string, string>;
  return { ...byField, evidence: byField.evidence ?? byField['evidence.0'] };
}

/** The body to send: numbers as numbers, an empty evidence link left out. Checking is the API's. */
function inputOf(v: ActivityValues): ActivityInput {
  return {
    date: v.date,
    start: v.start,
    end: v.end,
    rhkId: v.rhkId,
    ikiId: v.ikiId,
    description: v.description,
    outputQuantity: (v.outputQuantity.trim() === '' ? undefined : Number(v.outputQuantity)) as number,
    outputUnit: v.outputUnit,
    ...(v.evidence.trim() ? { evidence: [v.evidence.trim()] } : {}),
  };
}

/** An entry's body back as the form's values (a queued entry the API refused, to fix). */
export function valuesOfInput(input: ActivityInput): ActivityValues {
  return {
    date: input.date,
    start: input.start,
    end: input.end,
    rhkId: input.rhkId,
    ikiId: input.ikiId,
    description: input.description,
    outputQuantity: input.outputQuantity === undefined ? '' : String(input.outputQuantity),
    outputUnit: input.outputUnit,
    evidence: input.evidence?.[0] ?? '',
  };
}

interface Props {
  initial: ActivityValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: ActivityInput) => void;
  /** Beside the submit button (cancel, reload). */
  actions?: ReactNode;
  /** Above the fields, below the error: what happened last (a notice, a conflict). */
  children?: ReactNode;
  /** Changes after a save to start the next entry afresh. */
  resetKey?: number;
}

export function ActivityForm({ initial, submitLabel, busy, error, onSubmit, actions, children, resetKey }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const plan = usePlanInForce(yearOf(values.date) || yearOf(initial.date));
  // A new resetKey: the next entry starts from the values the parent gives.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new resetKey resets
  useEffect(() => setValues(initial), [resetKey]);
  const fieldErrors = fieldErrorsOf(error);
  // A refusal shown next to its fields needs no alert above the form, unless it also names something else.
  const placed = Object.values(fieldErrors).some(Boolean);
  const alert = placed ? error instanceof ApiError && error.otherErrors().length > 0 : Boolean(error);
  // After a refusal, the first field it concerns takes the focus, so its message is read out with it.
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const rhk = plan.data?.rhk.find((r) => r.id === values.rhkId);
  const set = (patch: Partial<ActivityValues>) => setValues((v) => ({ ...v, ...patch }));
  const chooseRhk = (rhkId: string) => {
    const iki = plan.data?.rhk.find((r) => r.id === rhkId)?.iki ?? [];
    chooseIki(rhkId, iki.length === 1 ? iki[0]!.id : '');
  };
  const chooseIki = (rhkId: string, ikiId: string) => {
    const unit = plan.data?.rhk.find((r) => r.id === rhkId)?.iki.find((k) => k.id === ikiId)?.unit;
    set({ rhkId, ikiId, ...(unit ? { outputUnit: unit } : {}) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(inputOf(values));
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      {alert && <FormError error={error} />}
      {children}
      <Field
        label={t('activities.date')}
        name="date"
        type="date"
        error={fieldErrors.date}
        value={values.date}
        onChange={(e) => set({ date: e.target.value })}
      />
      <div className="log-row">
        <Field
          label={t('activities.start')}
          name="start"
          type="time"
          error={fieldErrors.start}
          value={values.start}
          onChange={(e) => set({ start: e.target.value })}
        />
        <Field
          label={t('activities.end')}
          name="end"
          type="time"
          error={fieldErrors.end}
          value={values.end}
          onChange={(e) => set({ end: e.target.value })}
        />
      </div>
      {plan.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : plan.isError ? (
        <FormError error={plan.error} />
      ) : !plan.data ? (
        <p className="note">
          {t('activities.noPlan', { year: yearOf(values.date) })} <Link href="/skp">{t('nav.skp')}</Link>
        </p>
      ) : (
        <>
          <SelectField
            label={t('activities.rhk')}
            name="rhkId"
            error={fieldErrors.rhkId}
            value={values.rhkId}
            onChange={(e) => chooseRhk(e.target.value)}
          >
            <option value="">{t('activities.choose')}</option>
            {plan.data.rhk.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('activities.iki')}
            name="ikiId"
            hint={rhk ? undefined : t('activities.ikiHint')}
            error={fieldErrors.ikiId}
            value={values.ikiId}
            disabled={!rhk}
            onChange={(e) => chooseIki(values.rhkId, e.target.value)}
          >
            <option value="">{t('activities.choose')}</option>
            {rhk?.iki.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <TextAreaField
        label={t('activities.description')}
        name="description"
        error={fieldErrors.description}
        rows={3}
        value={values.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <div className="log-row">
        <Field
          label={t('activities.quantity')}
          name="outputQuantity"
          type="number"
          inputMode="decimal"
          min={0}
          error={fieldErrors.outputQuantity}
          value={values.outputQuantity}
          onChange={(e) => set({ outputQuantity: e.target.value })}
        />
        <Field
          label={t('activities.unit')}
          name="outputUnit"
          error={fieldErrors.outputUnit}
          value={values.outputUnit}
          onChange={(e) => set({ outputUnit: e.target.value })}
        />
      </div>
      <Field
        label={t('activities.evidence')}
        name="evidence"
        type="url"
        inputMode="url"
        hint={t('activities.evidenceHint')}
        error={fieldErrors.evidence}
        value={values.evidence}
        onChange={(e) => set({ evidence: e.target.value })}
      />
      <div className="log-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('activities.saving') : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}

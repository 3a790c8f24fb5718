/** A revision of the approved plan: a new draft version, with its reason (the API's message next to the field). */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../activities/fields';
import { useRevisePlan } from './data';

export function RevisePlan({ year, onOutcome }: { year: number; onOutcome: (message: string) => void }) {
  const { t } = useI18n();
  const revise = useRevisePlan(year);
  const [reason, setReason] = useState('');
  const fieldError = revise.error instanceof ApiError ? revise.error.fieldErrors().reason : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The promise, not mutate's callbacks: the new draft replaces this form, and those would not run.
    revise.mutateAsync(reason).then(
      (draft) => onOutcome(t('skp.revise.started', { version: draft.planVersion })),
      () => undefined, // shown from revise.error
    );
  };
  return (
    <section aria-labelledby="skp-revise">
      <h3 id="skp-revise">{t('skp.revise.title')}</h3>
      <p className="skp-hint">{t('skp.revise.intro')}</p>
      <form onSubmit={submit} noValidate>
        {revise.error && !fieldError && <FormError error={revise.error} />}
        <TextAreaField
          label={t('skp.revise.reason')}
          name="reason"
          hint={t('skp.revise.reasonHint')}
          rows={3}
          error={fieldError}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" disabled={revise.isPending}>
          {revise.isPending ? t('skp.edit.working') : t('skp.revise.start')}
        </button>
      </form>
    </section>
  );
}

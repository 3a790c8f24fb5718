/**
 * Keberatan: once the evaluation is final, the form (a reason; the API's message under it); once filed, its status
 * and, when decided, the decision's reason. Before finalisation, when an appeal becomes possible.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../activities/fields';
import { dateText } from '../skp/words';
import { type EvaluationInForce, useFileAppeal } from './data';

export function Appeal({ evaluation }: { evaluation: EvaluationInForce }) {
  const { t } = useI18n();
  // Just filed here: the form gives way to the status, where the person continues.
  const [justFiled, setJustFiled] = useState(false);
  return (
    <section aria-labelledby="appeal-heading">
      <h3 id="appeal-heading">{t('evaluation.appealTitle')}</h3>
      {evaluation.appeal ? (
        <AppealStatus appeal={evaluation.appeal} focus={justFiled} />
      ) : evaluation.periodState !== 'finalised' ? (
        <p>{t('evaluation.appealAfterFinal')}</p>
      ) : (
        <AppealForm periodId={evaluation.periodId} onFiled={() => setJustFiled(true)} />
      )}
    </section>
  );
}

type Filed = NonNullable<EvaluationInForce['appeal']>;

function AppealStatus({ appeal, focus }: { appeal: Filed; focus: boolean }) {
  const { t, locale } = useI18n();
  const decision = appeal.decision as { reason?: string } | undefined;
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus) line.current?.focus();
  }, [focus]);
  return (
    <div className="appeal-status">
      <p ref={line} tabIndex={-1}>
        {t('evaluation.appealFiled', { date: dateText(appeal.filedAt, locale) })}
      </p>
      <p className="explain">{t('evaluation.appealYourReason', { reason: appeal.reason })}</p>
      <p className="status-line">{t(`evaluation.appeal.${appeal.state}`)}</p>
      {decision?.reason && <p>{t('evaluation.appealDecision', { reason: decision.reason })}</p>}
    </div>
  );
}

function AppealForm({ periodId, onFiled }: { periodId: string; onFiled: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const file = useFileAppeal(periodId);
  const fieldError = file.error instanceof ApiError ? file.error.fieldErrors().reason : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate(reason.trim(), { onSuccess: onFiled });
  };
  return (
    <form onSubmit={submit} noValidate>
      {/* A message naming the reason sits under the field; any other (a closed window) above the form. */}
      {file.error && !fieldError ? <FormError error={file.error} /> : null}
      <TextAreaField
        label={t('evaluation.appealReason')}
        name="reason"
        hint={t('evaluation.appealHint')}
        error={fieldError}
        value={reason}
        rows={4}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="primary" disabled={file.isPending}>
        {file.isPending ? t('evaluation.appealSending') : t('evaluation.appealSubmit')}
      </button>
    </form>
  );
}

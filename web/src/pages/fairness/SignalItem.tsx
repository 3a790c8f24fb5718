/**
 * One signal: what it is, its plain explanation with the numbers, the figure against the rule's threshold, the
 * evidence one click away (details), and the answer — the person's own form (the message under the field), or the
 * answer as the person wrote it for anyone else.
 */
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../activities/fields';
import { formatMoment } from '../periods/format';
import { type PersonSignal, useAnswerSignal } from './data';
import { evidenceItems, figure } from './shape';

export function SignalItem({ signal, periodId, own }: { signal: PersonSignal; periodId: string; own: boolean }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <li className="entry" data-signal={signal.id}>
      <h3 id={headingId}>{t(`fairness.kind.${signal.kind}`)}</h3>
      <p className="entry-what">{signal.explanation}</p>
      <p className="hint">
        {t('signals.measure', { measure: figure(signal.measure, locale), threshold: figure(signal.threshold, locale) })}
      </p>
      <Evidence evidence={signal.evidence} />
      <h4>{t('signals.answer')}</h4>
      <p data-testid="signal-answer">
        {signal.answer
          ? t('signals.answeredAt', { at: formatMoment(signal.answer.at, locale), note: signal.answer.note })
          : t('signals.notAnswered')}
      </p>
      {own ? <AnswerForm signal={signal} periodId={periodId} /> : null}
    </li>
  );
}

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const { t } = useI18n();
  const items = evidenceItems(evidence);
  if (items.length === 0) return null;
  return (
    <details className="fair-evidence">
      <summary>{t('signals.evidence')}</summary>
      <dl className="facts">
        {items.map((item) => (
          <div key={item.key} className="fair-evidence-item">
            <dt>{item.key}</dt>
            <dd>
              {item.kind === 'value' ? (
                item.value
              ) : item.kind === 'list' ? (
                <ul>
                  {item.values.map((v, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the evidence's values are positional
                    <li key={i}>{v}</li>
                  ))}
                </ul>
              ) : (
                <ul>
                  {item.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the evidence's rows are positional
                    <li key={i}>{row.map((cell, j) => `${item.columns[j]}: ${cell}`).join(' · ')}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function AnswerForm({ signal, periodId }: { signal: PersonSignal; periodId: string }) {
  const { t } = useI18n();
  const [note, setNote] = useState(signal.answer?.note ?? '');
  const [local, setLocal] = useState<string>();
  const [sent, setSent] = useState(false);
  const answer = useAnswerSignal(periodId);
  const apiField = answer.error instanceof ApiError ? answer.error.fieldErrors().note : undefined;
  const fieldError = local ?? apiField;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = note.trim();
    setSent(false);
    if (!trimmed) return setLocal(t('signals.required'));
    if (trimmed.length > 1000) return setLocal(t('signals.tooLong'));
    setLocal(undefined);
    answer.mutate({ signalId: signal.id, note: trimmed }, { onSuccess: () => setSent(true) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('signals.note')}>
      {answer.error && !apiField ? <FormError error={answer.error} /> : null}
      <TextAreaField
        label={t('signals.note')}
        name="note"
        hint={t('signals.noteHint')}
        error={fieldError}
        value={note}
        rows={3}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="primary" disabled={answer.isPending}>
        {answer.isPending ? t('signals.sending') : signal.answer ? t('signals.change') : t('signals.send')}
      </button>
      <p className="status-line" aria-live="polite">
        {sent ? t('signals.sent') : ''}
      </p>
    </form>
  );
}

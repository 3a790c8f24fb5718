/**
 * One appeal opened from the queue: the employee's evaluation in force (GET …/evaluations/{period}), how each
 * figure was computed as the API words it (…/explanation, including who confirmed or changed the recommendation
 * and why), the appeal with its reason, and — while it waits — the decision form: uphold, or revise with both
 * ratings, with a reason. Every refusal of the API (403 for someone who may not decide, 422, 409) is shown at the
 * form, its field's message under the field.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { SelectField, TextAreaField } from '../activities/fields';
import {
  type EvaluationInForce,
  type Explanation,
  type Rating,
  ratings,
  useEvaluation,
  useExplanation,
} from '../evaluation/data';
import { predikatName, ratingName } from '../evaluation/names';
import { dateText } from '../skp/words';
import { type Decision, periodLabel, useDecideAppeal } from './data';

export function AppealDetail({ nip, periodId }: { nip: string; periodId: string }) {
  const { t, locale } = useI18n();
  const evaluation = useEvaluation(nip, periodId);
  const explanation = useExplanation(nip, periodId, !!evaluation.data);
  const back = (
    <Link href="/keberatan" className="page-link">
      {t('appeals.back')}
    </Link>
  );
  if (evaluation.isPending) return <p role="status">{t('loading')}</p>;
  if (evaluation.isError || !evaluation.data)
    return (
      <>
        {evaluation.isError ? <FormError error={evaluation.error} /> : <p>{t('appeals.notFound')}</p>}
        {back}
      </>
    );
  const e = evaluation.data;
  const period = periodLabel(periodId, t, locale);
  const notYet = t('evaluation.notYet');
  const { outcome } = e;
  return (
    <>
      {back}
      <h2>{t('appeals.detailTitle', { name: e.name ?? nip })}</h2>
      <p>
        {t('appeals.nipUnit', { nip, unit: e.unitCode ?? '' })} · {t('appeals.period', { period })}
      </p>
      <section aria-labelledby="appeal-evaluation">
        <h3 id="appeal-evaluation">{t('appeals.evaluationTitle')}</h3>
        <dl className="facts evaluation-figures">
          <dt>{t('evaluation.predikat')}</dt>
          <dd>{outcome.predikat ? predikatName(outcome.predikat, t) : notYet}</dd>
          <dt>{t('evaluation.hasilKerja')}</dt>
          <dd>{outcome.hasilKerja ? ratingName(outcome.hasilKerja, t) : notYet}</dd>
          <dt>{t('evaluation.perilaku')}</dt>
          <dd>{outcome.perilaku ? ratingName(outcome.perilaku, t) : notYet}</dd>
          <dt>{t('evaluation.nilaiKinerja')}</dt>
          <dd>{e.hasilKerja ? e.hasilKerja.nilaiKinerjaRounded.toLocaleString(locale) : notYet}</dd>
        </dl>
      </section>
      <AppealFacts evaluation={e} />
      {e.appeal?.state === 'filed' && <DecisionForm nip={nip} periodId={periodId} />}
      <section aria-labelledby="appeal-explanation">
        <h3 id="appeal-explanation">{t('appeals.explanationTitle')}</h3>
        {explanation.isError ? (
          <FormError error={explanation.error} />
        ) : explanation.data ? (
          <ExplanationTexts explanation={explanation.data} />
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </section>
    </>
  );
}

function AppealFacts({ evaluation }: { evaluation: EvaluationInForce }) {
  const { t, locale } = useI18n();
  const appeal = evaluation.appeal;
  if (!appeal) return null;
  const decision = appeal.decision as { reason?: string } | undefined;
  return (
    <section aria-labelledby="appeal-facts">
      <h3 id="appeal-facts">{t('appeals.appealTitle')}</h3>
      <p>{t('appeals.filedAt', { date: dateText(appeal.filedAt, locale) })}</p>
      <p className="explain">{t('appeals.reason', { reason: appeal.reason })}</p>
      <p className="status-line">{t(`appeals.state.${appeal.state}` as MessageKey)}</p>
      {decision?.reason && <p>{t('appeals.decisionReason', { reason: decision.reason })}</p>}
    </section>
  );
}

/** Every figure's computation in the API's own words: per IKI, then nilai kinerja, hasil kerja, perilaku, predikat. */
function ExplanationTexts({ explanation }: { explanation: Explanation }) {
  const { t } = useI18n();
  const indicators = explanation.indicators as { ikiId: string; name: string; text: string }[];
  return (
    <>
      {indicators.length > 0 ? (
        <ul className="entries" aria-label={t('evaluation.indicatorsTitle')}>
          {indicators.map((i) => (
            <li key={i.ikiId} className="entry">
              <p className="entry-what">
                <strong>{i.name}</strong>
              </p>
              <p className="explain">{i.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('evaluation.noIndicators')}</p>
      )}
      <dl className="explain-list">
        <dt>{t('evaluation.nilaiKinerja')}</dt>
        <dd className="explain">{explanation.nilaiKinerja.text}</dd>
        <dt>{t('evaluation.hasilKerja')}</dt>
        <dd className="explain">{explanation.hasilKerja.text}</dd>
        <dt>{t('evaluation.perilaku')}</dt>
        <dd className="explain">{explanation.perilaku.text}</dd>
        <dt>{t('evaluation.predikat')}</dt>
        <dd className="explain">{explanation.predikat.text}</dd>
      </dl>
    </>
  );
}

function DecisionForm({ nip, periodId }: { nip: string; periodId: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Decision['outcome']>('upheld');
  const [hasilKerja, setHasilKerja] = useState<Rating | ''>('');
  const [perilaku, setPerilaku] = useState<Rating | ''>('');
  const [reason, setReason] = useState('');
  const decide = useDecideAppeal(nip, periodId);
  const alert = useRef<HTMLDivElement>(null);
  const fields = decide.error instanceof ApiError ? decide.error.fieldErrors() : {};
  const shownAbove =
    decide.error && !Object.keys(fields).some((f) => ['reason', 'hasilKerja', 'perilaku', 'outcome'].includes(f));
  useEffect(() => {
    if (shownAbove) alert.current?.focus();
  }, [shownAbove]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({
      outcome,
      reason: reason.trim(),
      ...(outcome === 'revised' && hasilKerja ? { hasilKerja } : {}),
      ...(outcome === 'revised' && perilaku ? { perilaku } : {}),
    });
  };
  const ratingOptions = (
    <>
      <option value="">{t('appeals.choose')}</option>
      {ratings.map((r) => (
        <option key={r} value={r}>
          {ratingName(r, t)}
        </option>
      ))}
    </>
  );
  return (
    <section aria-labelledby="appeal-decide">
      <h3 id="appeal-decide">{t('appeals.decideTitle')}</h3>
      <form onSubmit={submit} noValidate aria-labelledby="appeal-decide">
        {/* The API's refusal where the person acts: a field's message under it, the rest (403, 409) here. */}
        <div ref={alert} tabIndex={-1}>
          {shownAbove ? <FormError error={decide.error} /> : null}
        </div>
        <SelectField
          label={t('appeals.outcome')}
          name="outcome"
          error={fields.outcome}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Decision['outcome'])}
        >
          <option value="upheld">{t('appeals.outcome.upheld')}</option>
          <option value="revised">{t('appeals.outcome.revised')}</option>
        </SelectField>
        {outcome === 'revised' && (
          <>
            <SelectField
              label={t('appeals.newHasilKerja')}
              name="hasilKerja"
              error={fields.hasilKerja}
              value={hasilKerja}
              onChange={(e) => setHasilKerja(e.target.value as Rating | '')}
            >
              {ratingOptions}
            </SelectField>
            <SelectField
              label={t('appeals.newPerilaku')}
              name="perilaku"
              error={fields.perilaku}
              value={perilaku}
              onChange={(e) => setPerilaku(e.target.value as Rating | '')}
            >
              {ratingOptions}
            </SelectField>
          </>
        )}
        <TextAreaField
          label={t('appeals.decisionReasonLabel')}
          name="reason"
          hint={t('appeals.decisionReasonHint')}
          error={fields.reason}
          value={reason}
          rows={4}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="primary" disabled={decide.isPending}>
          {decide.isPending ? t('appeals.sending') : t('appeals.submit')}
        </button>
      </form>
    </section>
  );
}

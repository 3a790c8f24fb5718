/**
 * One team member's evaluation to decide: the seven BerAKHLAK ratings, then the confirmation of the recommended
 * hasil kerja and perilaku, or a different rating with the reason an override needs. Each write sends the version
 * read; when someone else changed the evaluation meanwhile (409), "Muat ulang" reads it again to send once more.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { SelectField, TextAreaField } from '../activities/fields';
import {
  type BerakhlakValue,
  berakhlak,
  type EvaluationInForce,
  type Explanation,
  type Rating,
  ratings,
  type TeamEvaluation,
  useEvaluation,
  useExplanation,
  useRateBehaviour,
  useRefreshEvaluations,
  useReview,
} from './data';
import { predikatName, ratingName, valueName } from './names';

interface Props {
  item: TeamEvaluation;
  periodId: string;
  onReviewed: (message: string) => void;
}

export function PersonReview({ item, periodId, onReviewed }: Props) {
  const { t } = useI18n();
  const evaluation = useEvaluation(item.nip, periodId);
  const explanation = useExplanation(item.nip, periodId);
  // The version the next write sends: the list's, or the one the last write answered.
  const [version, setVersion] = useState(item.version);
  useEffect(() => setVersion(item.version), [item.version]);
  const [saved, setSaved] = useState('');
  const refresh = useRefreshEvaluations();
  const reload = async () => {
    await refresh();
    setSaved(t('evaluation.reloaded'));
  };

  const error = evaluation.error ?? explanation.error;
  if (error) return <FormError error={error} />;
  if (!evaluation.data || !explanation.data) return <p role="status">{t('loading')}</p>;
  return (
    <div className="person-review">
      <p role="status" className="status-line">
        {saved}
      </p>
      <BehaviourForm
        name={item.name}
        evaluation={evaluation.data}
        version={version}
        onSaved={(next) => {
          setVersion(next);
          setSaved(t('evaluation.behaviourSaved', { name: item.name }));
        }}
        onReload={reload}
        periodId={periodId}
      />
      {evaluation.data.behaviour ? (
        <ReviewForm
          key={String(explanation.data.perilaku.recommended)}
          item={item}
          evaluation={evaluation.data}
          explanation={explanation.data}
          version={version}
          periodId={periodId}
          onReload={reload}
          onReviewed={onReviewed}
        />
      ) : (
        <p>{t('evaluation.reviewNeedsBehaviour')}</p>
      )}
    </div>
  );
}

/** A 409 says so and offers to read again; anything else is shown as the API said it. */
function Conflict({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError && error.status === 409)) return null;
  return (
    <div role="alert" className="form-error">
      <p>{t('evaluation.conflict')}</p>
      <button type="button" onClick={onReload}>
        {t('evaluation.reload')}
      </button>
    </div>
  );
}

function BehaviourForm({
  name,
  evaluation,
  version,
  periodId,
  onSaved,
  onReload,
}: {
  name: string;
  evaluation: EvaluationInForce;
  version: number;
  periodId: string;
  onSaved: (version: number) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const given = evaluation.behaviour?.values ?? {};
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(berakhlak.map((v) => [v, given[v] ?? ''])),
  );
  const [note, setNote] = useState('');
  // Values left unchosen, named here before sending (the API would name them by their codes).
  const [unchosen, setUnchosen] = useState<BerakhlakValue[]>([]);
  const rate = useRateBehaviour(evaluation.nip, periodId);
  const fieldErrors: Record<string, string> = rate.error instanceof ApiError ? rate.error.fieldErrors() : {};
  for (const v of unchosen) fieldErrors[`values.${v}`] = t('evaluation.chooseRating');
  const conflict = rate.error instanceof ApiError && rate.error.status === 409;
  const placed = berakhlak.some((v) => fieldErrors[`values.${v}`]) || !!fieldErrors.note;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = berakhlak.filter((v) => !values[v]);
    setUnchosen(missing);
    if (missing.length > 0) {
      rate.reset();
      (event.currentTarget as HTMLFormElement).querySelector<HTMLSelectElement>(`[name="${missing[0]}"]`)?.focus();
      return;
    }
    rate.mutate(
      {
        values: values as Record<BerakhlakValue, Rating>,
        ...(note.trim() ? { note: note.trim() } : {}),
        version,
      },
      { onSuccess: (saved) => onSaved(saved.version) },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${t('evaluation.behaviourTitle')}, ${name}`}>
      <h4>{t('evaluation.behaviourTitle')}</h4>
      {rate.error && !conflict && !placed ? <FormError error={rate.error} /> : null}
      <Conflict error={rate.error} onReload={onReload} />
      {berakhlak.map((v) => (
        <SelectField
          key={v}
          label={valueName(v, t)}
          name={v}
          value={values[v]}
          error={fieldErrors[`values.${v}`]}
          onChange={(e) => setValues({ ...values, [v]: e.target.value })}
        >
          <option value="">{t('evaluation.choose')}</option>
          {ratings.map((r) => (
            <option key={r} value={r}>
              {ratingName(r, t)}
            </option>
          ))}
        </SelectField>
      ))}
      <TextAreaField
        label={t('evaluation.note')}
        name="note"
        rows={2}
        value={note}
        error={fieldErrors.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="primary" disabled={rate.isPending}>
        {rate.isPending ? t('evaluation.saving') : t('evaluation.behaviourSave')}
      </button>
    </form>
  );
}

type Part = 'hasilKerja' | 'perilaku';

function ReviewForm({
  item,
  evaluation,
  explanation,
  version,
  periodId,
  onReload,
  onReviewed,
}: {
  item: TeamEvaluation;
  evaluation: EvaluationInForce;
  explanation: Explanation;
  version: number;
  periodId: string;
  onReload: () => void;
  onReviewed: (message: string) => void;
}) {
  const { t } = useI18n();
  const recommended: Record<Part, Rating | undefined> = {
    hasilKerja: explanation.hasilKerja.recommended as Rating | undefined,
    perilaku: explanation.perilaku.recommended as Rating | undefined,
  };
  // A review still in force is shown as made; otherwise the recommendation is the starting point.
  const current = evaluation.outcome.reviewCurrent ? evaluation.review : undefined;
  const [rating, setRating] = useState<Record<Part, string>>({
    hasilKerja: current?.hasilKerja ?? recommended.hasilKerja ?? '',
    perilaku: current?.perilaku ?? recommended.perilaku ?? '',
  });
  const [reason, setReason] = useState<Record<Part, string>>({
    hasilKerja: current?.reasons.hasilKerja ?? '',
    perilaku: current?.reasons.perilaku ?? '',
  });
  const review = useReview(item.nip, periodId);
  const fieldErrors = review.error instanceof ApiError ? review.error.fieldErrors() : {};
  const conflict = review.error instanceof ApiError && review.error.status === 409;
  const parts: Part[] = ['hasilKerja', 'perilaku'];
  const placed = parts.some((p) => fieldErrors[`${p}.rating`] || fieldErrors[`${p}.reason`]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const part = (p: Part) => ({
      rating: rating[p] as Rating,
      ...(reason[p].trim() ? { reason: reason[p].trim() } : {}),
    });
    review.mutate(
      { hasilKerja: part('hasilKerja'), perilaku: part('perilaku'), version },
      {
        onSuccess: (saved) =>
          onReviewed(
            t('evaluation.reviewSaved', {
              name: item.name,
              predikat: saved.outcome.predikat ? predikatName(saved.outcome.predikat, t) : '',
            }),
          ),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${t('evaluation.reviewTitle')}, ${item.name}`}>
      <h4>{t('evaluation.reviewTitle')}</h4>
      {review.error && !conflict && !placed ? <FormError error={review.error} /> : null}
      <Conflict error={review.error} onReload={onReload} />
      {parts.map((p) => {
        const what = t(`evaluation.${p}`);
        return (
          <fieldset key={p} className="review-part">
            <legend>{what}</legend>
            <SelectField
              label={what}
              name={`${p}.rating`}
              hint={recommended[p] ? t('evaluation.recommended', { rating: ratingName(recommended[p], t) }) : undefined}
              value={rating[p]}
              error={fieldErrors[`${p}.rating`]}
              onChange={(e) => setRating({ ...rating, [p]: e.target.value })}
            >
              {ratings.map((r) => (
                <option key={r} value={r}>
                  {ratingName(r, t)}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              label={t('evaluation.reason', { what: what.toLowerCase() })}
              name={`${p}.reason`}
              hint={t('evaluation.reasonHint')}
              rows={3}
              value={reason[p]}
              error={fieldErrors[`${p}.reason`]}
              onChange={(e) => setReason({ ...reason, [p]: e.target.value })}
            />
          </fieldset>
        );
      })}
      <button type="submit" className="primary" disabled={review.isPending}>
        {review.isPending ? t('evaluation.saving') : t('evaluation.reviewSave')}
      </button>
    </form>
  );
}

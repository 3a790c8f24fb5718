/**
 * One's own evaluation of a period: before scoring, a plain "not scored yet"; once scored, the figures in force, how
 * each was computed (the API's words, unchanged), the supervisor's confirmation or override, and the appeal.
 */
import { DownloadPdf, useEvaluationPdf } from '../../components/DownloadPdf';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { Appeal } from './Appeal';
import { isScored, type Period, useEvaluation, useExplanation } from './data';
import { ExplanationView } from './ExplanationView';
import { periodName, predikatName, ratingName } from './names';

export function MyEvaluation({ period }: { period: Period }) {
  const { t, locale } = useI18n();
  const scored = isScored(period.state);
  const evaluation = useEvaluation('me', period.id, scored);
  const explanation = useExplanation('me', period.id, scored && !!evaluation.data);
  const name = periodName(period, t, locale);
  const pdf = useEvaluationPdf('me', period.id);
  if (!scored) return <p>{t('evaluation.notScored', { period: name })}</p>;
  if (evaluation.isError)
    return (
      <>
        <FormError error={evaluation.error} />
        <button type="button" onClick={() => void evaluation.refetch()}>
          {t('error.retry')}
        </button>
      </>
    );
  if (evaluation.isPending) return <p role="status">{t('loading')}</p>;
  const e = evaluation.data;
  if (!e) return <p>{t('evaluation.none', { period: name })}</p>;
  const { outcome } = e;
  const notYet = t('evaluation.notYet');
  return (
    <>
      <p>{e.periodState === 'finalised' ? t('evaluation.state.finalised') : t('evaluation.state.scored')}</p>
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
      <p>{t(`evaluation.source.${outcome.source}`)}</p>
      <DownloadPdf download={pdf} label={t('evaluation.pdfLabel', { period: name })} />
      {explanation.isError ? (
        <FormError error={explanation.error} />
      ) : explanation.data ? (
        <ExplanationView evaluation={e} explanation={explanation.data} year={Number(period.start.slice(0, 4))} />
      ) : (
        <p role="status">{t('loading')}</p>
      )}
      <Appeal evaluation={e} />
    </>
  );
}

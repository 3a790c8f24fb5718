/**
 * Penilaian tim: each team member with an evaluation in the period, by name, with the predikat in force and what is
 * left to do; "Nilai <name>" opens the behaviour ratings and the confirmation (or override) of the recommendation.
 * The outcome of a confirmation is announced in the status line, where the focus lands.
 */
import { useEffect, useRef, useState } from 'react';
import { FormError } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { type Period, type TeamEvaluation, useTeamEvaluations } from './data';
import { periodName, predikatName } from './names';
import { PersonReview } from './PersonReview';

export function TeamEvaluations({ period }: { period: Period }) {
  const { t, locale } = useI18n();
  const team = useTeamEvaluations(period.id);
  const [open, setOpen] = useState<string>();
  const [status, setStatus] = useState<{ message: string }>({ message: '' });
  const statusLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status.message) statusLine.current?.focus();
  }, [status]);

  if (team.isError)
    return (
      <>
        <FormError error={team.error} />
        <button type="button" onClick={() => void team.refetch()}>
          {t('error.retry')}
        </button>
      </>
    );
  if (team.isPending) return <p role="status">{t('loading')}</p>;
  const { items, periodState } = team.data;
  // Decided while the period is scored and the member's OPD not yet final (finalisation goes OPD by OPD).
  const decidable = (item: TeamEvaluation) => (periodState === 'scored' || periodState === 'closed') && !item.finalised;
  return (
    <>
      <p role="status" tabIndex={-1} ref={statusLine} className="status-line">
        {status.message}
      </p>
      {items.length === 0 ? (
        <p>{t('evaluation.teamNone', { period: periodName(period, t, locale) })}</p>
      ) : (
        <>
          {periodState === 'finalised' && <p>{t('evaluation.teamFinal')}</p>}
          <ul className="entries team-evaluations">
            {items.map((item) => (
              <li key={item.nip} className="entry">
                <h3 id={`eval-${item.nip}`}>{item.name}</h3>
                <p className="entry-what">{item.position}</p>
                <p>
                  {t('evaluation.teamPredikat', {
                    predikat: item.outcome.predikat ? predikatName(item.outcome.predikat, t) : t('evaluation.notYet'),
                  })}
                </p>
                <p>{todo(item, t)}</p>
                {item.appeal && <p>{t(`evaluation.teamAppeal.${item.appeal}` as MessageKey)}</p>}
                {decidable(item) && (
                  <button
                    type="button"
                    aria-expanded={open === item.nip}
                    aria-controls={open === item.nip ? `review-${item.nip}` : undefined}
                    onClick={() => setOpen(open === item.nip ? undefined : item.nip)}
                  >
                    {open === item.nip ? t('evaluation.close') : t('evaluation.open', { name: item.name })}
                  </button>
                )}
                {decidable(item) && open === item.nip && (
                  <div id={`review-${item.nip}`}>
                    <PersonReview
                      item={item}
                      periodId={period.id}
                      onReviewed={(message) => {
                        setOpen(undefined);
                        setStatus({ message });
                      }}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function todo(item: TeamEvaluation, t: (key: MessageKey) => string): string {
  if (!item.behaviourRated) return t('evaluation.todo.behaviour');
  return item.reviewed ? t('evaluation.todo.done') : t('evaluation.todo.review');
}

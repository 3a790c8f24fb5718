/**
 * Finalisation OPD by OPD: where each OPD stands (finalised, or what it waits for), and for BKPSDM a confirm step
 * that says what finalising means and asks for what the check needs — accepting the recommendations still
 * unconfirmed, a reason acknowledging the curve's violations. A refusal shows the API's message and the people
 * it names.
 */
import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../activities/fields';
import { fieldErrorsOf, type OpdState, type Period, Refusal, useFinalise } from './data';
import { formatMoment } from './format';
import { PeopleList } from './PeopleList';

export function FinaliseOpds({
  year,
  period,
  opds,
  canAct,
}: {
  year: number;
  period: Period;
  opds: OpdState[];
  canAct: boolean;
}) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState<string>();
  const [finalised, setFinalised] = useState<string>();
  return (
    <>
      <p role="status" className="status-line">
        {finalised ? t('periods.finalise.done', { opd: finalised }) : ''}
      </p>
      <ul className="entries">
        {opds.map((o) => (
          <li key={o.opdCode} className="entry">
            <h3>{o.opdName}</h3>
            <dl className="facts">
              <dt>{t('periods.state')}</dt>
              <dd>
                {o.state === 'finalised'
                  ? t('periods.finalise.finalisedAt', { at: o.finalisedAt ? formatMoment(o.finalisedAt, locale) : '' })
                  : o.complete
                    ? t('periods.finalise.ready')
                    : t('periods.finalise.waiting')}
              </dd>
              <dt>{t('periods.finalise.evaluations')}</dt>
              <dd>{o.evaluations}</dd>
              <dt>{t('periods.finalise.unscored')}</dt>
              <dd>{o.unscoredCount}</dd>
              <dt>{t('periods.finalise.withoutPredikat')}</dt>
              <dd>{o.withoutPredikatCount}</dd>
              <dt>{t('periods.finalise.unreviewed')}</dt>
              <dd>{o.unreviewedCount}</dd>
              <dt>{t('periods.finalise.violations')}</dt>
              <dd>{o.violations}</dd>
            </dl>
            {canAct && o.state === 'pending' && period.state === 'scored' ? (
              confirming === o.opdCode ? (
                <ConfirmFinalise
                  year={year}
                  period={period}
                  opd={o}
                  onCancel={() => setConfirming(undefined)}
                  onDone={() => {
                    setConfirming(undefined);
                    setFinalised(o.opdName);
                  }}
                />
              ) : (
                <button type="button" onClick={() => setConfirming(o.opdCode)}>
                  {t('periods.finalise.start', { opd: o.opdName })}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {canAct && period.state !== 'scored' && period.state !== 'finalised' ? (
        <p className="hint">{t('periods.finalise.notScored')}</p>
      ) : null}
    </>
  );
}

function ConfirmFinalise({
  year,
  period,
  opd,
  onCancel,
  onDone,
}: {
  year: number;
  period: Period;
  opd: OpdState;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const finalise = useFinalise(year, period.id, onDone);
  const [accept, setAccept] = useState(false);
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(finalise.error);
  const refusal = finalise.error instanceof Refusal ? finalise.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    finalise.mutate({
      version: period.version,
      opd: opd.opdCode,
      ...(accept ? { acceptRecommendations: true } : {}),
      ...(reason.trim() ? { acknowledgement: { reason } } : {}),
    });
  };
  const titleId = `finalise-${opd.opdCode}`;
  return (
    <form onSubmit={submit} aria-labelledby={titleId} className="confirm">
      <h4 id={titleId}>{t('periods.finalise.confirmTitle', { opd: opd.opdName })}</h4>
      <p>{t('periods.finalise.confirmText')}</p>
      <FormError error={finalise.error} />
      {refusal?.raw.people && refusal.raw.people.length > 0 ? (
        <PeopleList
          title={t('periods.finalise.named', { count: refusal.raw.count ?? refusal.raw.people.length })}
          people={refusal.raw.people}
        />
      ) : null}
      {opd.unreviewedCount > 0 ? (
        <label className="check">
          <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} />
          {t('periods.finalise.accept', { count: opd.unreviewedCount })}
        </label>
      ) : null}
      {opd.violations > 0 ? (
        <TextAreaField
          label={t('periods.finalise.acknowledge', { count: opd.violations })}
          hint={t('periods.finalise.acknowledgeHint')}
          name="acknowledgement.reason"
          value={reason}
          error={errors['acknowledgement.reason']}
          onChange={(e) => setReason(e.target.value)}
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={finalise.isPending}>
          {t('periods.finalise.confirm', { opd: opd.opdName })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('periods.cancel')}
        </button>
      </div>
    </form>
  );
}

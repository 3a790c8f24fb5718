/**
 * Sinyal: the people of the unit's subtree with signals in the period — their kinds, how many, answered or not —
 * each opening the person's signals page (GET /units/{code}/signals/{periodId}; the view is audited).
 */
import { Link } from 'wouter';
import { useI18n } from '../../i18n';
import { useUnitSignals } from './data';
import { Failure } from './Failure';
import { answeredCount, signalsHref } from './shape';

export function SignalsPanel({
  unitCode,
  periodId,
  isBkpsdm,
}: {
  unitCode: string;
  periodId: string;
  isBkpsdm: boolean;
}) {
  const { t } = useI18n();
  const read = useUnitSignals(unitCode, periodId);
  if (read.error) return <Failure error={read.error} isBkpsdm={isBkpsdm} />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  const items = read.data.items;
  return (
    <>
      <p className="hint">{t('fairness.signals.hint')}</p>
      {items.length === 0 ? (
        <p>{t('fairness.signals.none')}</p>
      ) : (
        <ul className="entries" aria-label={t('fairness.signals.listLabel')}>
          {items.map((p) => {
            const { answered, open } = answeredCount(p);
            return (
              <li key={p.nip} className="entry" data-nip={p.nip}>
                <Link href={signalsHref(p.nip, periodId)} className="page-link">
                  {p.name}
                </Link>
                <p className="entry-what">
                  {t('fairness.signals.count', {
                    count: p.count,
                    kinds: p.kinds.map((k) => t(`fairness.kind.${k}`)).join('; '),
                  })}
                </p>
                <p className="hint">{t('fairness.signals.answered', { answered, open })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

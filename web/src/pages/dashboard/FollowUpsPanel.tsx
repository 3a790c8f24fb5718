/**
 * The unit's open complaints and low ratings (survey follow-ups) with their 2×24-hour deadlines, overdue first in
 * words; one request (GET /units/{code}/survey-follow-ups?status=open). The counts of the units below are in the
 * service table, each leading to that unit's own list.
 */
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useOpenFollowUps } from './data';

export function FollowUpsPanel({ unitCode }: { unitCode: string }) {
  const { t, locale } = useI18n();
  const read = useOpenFollowUps(unitCode);
  if (read.error) return <FormError error={read.error} />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  const items = read.data.items;
  if (items.length === 0) return <p>{t('dashboard.followUps.none')}</p>;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(
      new Date(iso),
    );
  const overdue = items.filter((f) => f.overdue).length;
  return (
    <>
      <p>{t('dashboard.followUps.count', { n: items.length, overdue })}</p>
      <ul className="dash-list">
        {items.map((f) => (
          <li key={f.id} className={f.overdue ? 'dash-overdue' : undefined}>
            <strong>{f.serviceName ?? f.serviceType}</strong>
            {f.reference ? ` · ${f.reference}` : ''}
            <br />
            {f.overdue
              ? t('dashboard.followUps.overdue', { due: when(f.dueAt) })
              : t('dashboard.followUps.due', { due: when(f.dueAt) })}
            {f.comment ? (
              <>
                <br />“{f.comment}”
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {read.data.nextCursor && <p className="hint">{t('dashboard.followUps.more')}</p>}
    </>
  );
}

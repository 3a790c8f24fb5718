/**
 * The period's running totals as scoring reads them: entries by status, counted minutes, and per IKI of the plan
 * in force its realisasi beside the period's target (a month carries 1/12 of a yearly quantity target), with the
 * capaian so far and its level as scoring would judge them today (GET /employees/me/activity-totals/{periodId}).
 */
import type { components } from '../../api/schema';
import { FormError } from '../../components/forms';
import { type Translate, useI18n } from '../../i18n';
import { useTotals } from './data';

type IkiProgress = components['schemas']['IkiProgress'];

/** The plan's target as people read it: one number, or a range. */
function targetText(target: unknown, locale: string): string {
  const n = (x: unknown) => (typeof x === 'number' ? x.toLocaleString(locale) : '?');
  const t = target as { kind?: string; value?: unknown; lo?: unknown; hi?: unknown } | null;
  if (t?.kind === 'single') return n(t.value);
  if (t?.kind === 'range') return `${n(t.lo)}–${n(t.hi)}`;
  return '–';
}

export const durationText = (minutes: number, t: Translate) =>
  t('activities.duration', { h: Math.floor(minutes / 60), m: minutes % 60 });

export function PeriodTotals({ date }: { date: string }) {
  const { t } = useI18n();
  const { year, totals } = useTotals(date);
  if (year.isError) return <FormError error={year.error} />;
  if (totals.isError) return <FormError error={totals.error} />;
  if (!totals.data) return <p role="status">{t('loading')}</p>;
  const d = totals.data;
  return (
    <>
      <p>{t('activities.periodOf', { period: d.periodId })}</p>
      <dl className="log-totals">
        <div>
          <dt>{t('activities.counted')}</dt>
          <dd>{durationText(d.countedMinutes, t)}</dd>
        </div>
        <div>
          <dt>{t('activities.status.approved')}</dt>
          <dd>{d.approved}</dd>
        </div>
        <div>
          <dt>{t('activities.status.pending')}</dt>
          <dd>{d.pending}</dd>
        </div>
        <div>
          <dt>{t('activities.status.rejected')}</dt>
          <dd>{d.rejected}</dd>
        </div>
      </dl>
      <ul className="log-entries">
        {d.iki.map((k) => (
          <li key={`${k.rhkId}/${k.ikiId}`}>
            <IkiRow iki={k} />
          </li>
        ))}
      </ul>
    </>
  );
}

function IkiRow({ iki }: { iki: IkiProgress }) {
  const { t, locale } = useI18n();
  const realisasi = iki.realisasi === null ? t('activities.noData') : iki.realisasi.toLocaleString(locale);
  const level = t(`totals.level.${iki.level}`);
  return (
    <div className="log-entry">
      <p className="log-iki">{iki.name}</p>
      <p>{t('activities.realisasi', { realisasi, target: targetText(iki.periodTarget, locale), unit: iki.unit })}</p>
      <p>
        {iki.capaian === null
          ? t('totals.noCapaian', { level })
          : t('totals.capaian', { capaian: iki.capaian.toLocaleString(locale), level })}
      </p>
      {iki.months !== 12 && (
        <p className="log-hint">
          {t('totals.yearly', { target: targetText(iki.target, locale), unit: iki.unit, months: iki.months })}
        </p>
      )}
      {iki.source === 'activities' && (
        <p className="log-hint">{t('activities.approvedCount', { count: iki.approvedCount })}</p>
      )}
      {iki.source === 'service' && <p className="log-hint">{t('activities.fromService')}</p>}
    </div>
  );
}

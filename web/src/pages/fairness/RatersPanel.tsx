/**
 * Pola penilai: each supervisor of the unit's subtree who decided entries or rated someone in the period — decided,
 * approval and rejection shares, the median hours to decide, the share approved in bulk, the backlog and its oldest
 * entry, leniency and central tendency against the rest of the OPD (the formulas shown), the unit's results, and
 * an "out of line" mark. Their rating shares beside the whole OPD's as a chart with its table. A row opens the
 * supervisor's detail. One request (GET /units/{code}/rater-patterns/{periodId}).
 */
import { useMemo } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../i18n';
import { ScrollRegion } from '../dashboard/ScrollRegion';
import { formatMoment } from '../periods/format';
import { type RaterPatterns, type RaterRecord, useRaterPatterns } from './data';
import { Failure } from './Failure';
import { Formulas } from './Formulas';
import { SharesChart } from './SharesChart';
import { fairnessHref, figure, outOfLine, sortRaters } from './shape';

export function RatersPanel({
  unitCode,
  periodId,
  isBkpsdm,
}: {
  unitCode: string;
  periodId: string;
  isBkpsdm: boolean;
}) {
  const { t, locale } = useI18n();
  const read = useRaterPatterns(unitCode, periodId);
  if (read.error) return <Failure error={read.error} isBkpsdm={isBkpsdm} />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  const items = sortRaters(read.data.items);
  const computedAt = items[0]?.computedAt;
  return (
    <>
      <p className="hint">{t('fairness.raters.hint')}</p>
      {computedAt ? <p className="hint">{t('fairness.computedAt', { at: formatMoment(computedAt, locale) })}</p> : null}
      {items.length === 0 ? (
        <p>{t('fairness.raters.none')}</p>
      ) : (
        <>
          <RatersTable items={items} unitCode={unitCode} periodId={periodId} />
          <OpdChart data={read.data} items={items} />
          <Formulas comparison={items[0]?.comparison} />
        </>
      )}
    </>
  );
}

function RatersTable({ items, unitCode, periodId }: { items: RaterRecord[]; unitCode: string; periodId: string }) {
  const { t, locale } = useI18n();
  const n = (x: number | null | undefined, suffix = '') => figure(x, locale, suffix);
  return (
    <ScrollRegion label={t('fairness.raters.tableLabel')}>
      <table className="dash-table" data-testid="rater-table">
        <caption>{t('fairness.raters.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fairness.raters.col.rater')}</th>
            <th scope="col">{t('fairness.raters.col.mark')}</th>
            <th scope="col">{t('fairness.raters.col.decided')}</th>
            <th scope="col">{t('fairness.raters.col.approval')}</th>
            <th scope="col">{t('fairness.raters.col.median')}</th>
            <th scope="col">{t('fairness.raters.col.bulk')}</th>
            <th scope="col">{t('fairness.raters.col.backlog')}</th>
            <th scope="col">{t('fairness.raters.col.leniency')}</th>
            <th scope="col">{t('fairness.raters.col.central')}</th>
            <th scope="col">{t('fairness.raters.col.results')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const p = r.pattern;
            const off = outOfLine(r);
            return (
              <tr key={r.nip} data-rater={r.nip}>
                <th scope="row">
                  <Link href={fairnessHref(unitCode, periodId, r.nip)} className="page-link">
                    {r.name}
                  </Link>
                </th>
                <td className={off ? 'fair-off' : undefined}>
                  {off ? t('fairness.raters.outOfLine') : t('fairness.raters.inLine')}
                </td>
                <td>{n(p.decided)}</td>
                <td>{t('fairness.raters.pair', { a: n(p.approvalPct), b: n(p.rejectionPct) })}</td>
                <td>
                  {p.medianDecisionHours === null ? '—' : t('fairness.raters.hours', { n: n(p.medianDecisionHours) })}
                </td>
                <td>
                  {n(p.bulkPct, ' %')} ({n(p.bulkApproved)})
                </td>
                <td>
                  {n(p.backlog)}
                  {p.oldestPendingDays === null ? '' : ` (${t('fairness.raters.days', { n: p.oldestPendingDays })})`}
                </td>
                <td>{n(r.comparison?.leniency?.value)}</td>
                <td>{n(r.comparison?.centralTendency?.value)}</td>
                <td>
                  {r.unitResults
                    ? t('fairness.raters.results', {
                        within: n(r.unitResults.withinStandardPct, ' %'),
                        ikm: n(r.unitResults.ikm),
                      })
                    : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function OpdChart({ data, items }: { data: RaterPatterns; items: RaterRecord[] }) {
  const { t } = useI18n();
  const opdLabel = t('fairness.raters.opd');
  const rows = useMemo(
    () => [
      ...items.filter((i) => i.pattern.ratings.rated > 0).map((i) => ({ who: i.name, ratings: i.pattern.ratings })),
      { who: opdLabel, ratings: data.opd.ratings },
    ],
    [items, data, opdLabel],
  );
  return <SharesChart rows={rows} caption={t('fairness.raters.chart')} note={t('fairness.raters.chartNote')} />;
}

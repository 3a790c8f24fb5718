/**
 * One supervisor's pattern in the period (GET /employees/{nip}/rater-pattern/{periodId}): the figures, the
 * ratings given, leniency and central tendency against the rest of the OPD, the runs of approvals in bulk (when,
 * how many, in how many seconds) and the ratings that differ from the recommendation, each person by name and NIP,
 * with their reasons. Opened from a row of Pola penilai, and shown to a supervisor on their own signals page.
 */
import { useMemo } from 'react';
import { Link } from 'wouter';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { formatMoment } from '../periods/format';
import { type RaterRecord, useRaterPattern, useRaterPatterns } from './data';
import { Failure } from './Failure';
import { Formulas } from './Formulas';
import { SharesChart } from './SharesChart';
import { figure, outOfLine, ratingOrder, restOfOpd } from './shape';

export function RaterDetail({
  nip,
  unitCode,
  periodId,
  backHref,
  isBkpsdm,
}: {
  nip: string;
  unitCode: string;
  periodId: string;
  backHref: string;
  isBkpsdm: boolean;
}) {
  const { t } = useI18n();
  const read = useRaterPattern(nip, periodId);
  return (
    <>
      <Link href={backHref} className="page-link">
        {t('fairness.detail.back')}
      </Link>
      {read.error ? (
        <Failure error={read.error} isBkpsdm={isBkpsdm} />
      ) : !read.data ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <RaterPatternView record={read.data} headingLevel={3} />
          <AgainstTheRest record={read.data} unitCode={unitCode} periodId={periodId} />
        </>
      )}
    </>
  );
}

/** The rater's rating shares beside the rest of the OPD's (the unit's list pools the OPD; read once, cached). */
function AgainstTheRest({ record, unitCode, periodId }: { record: RaterRecord; unitCode: string; periodId: string }) {
  const { t } = useI18n();
  const list = useRaterPatterns(unitCode, periodId);
  const mine = record.pattern.ratings;
  const rows = useMemo(
    () =>
      list.data
        ? [
            { who: record.name, ratings: mine },
            { who: t('fairness.detail.others'), ratings: restOfOpd(list.data.opd.ratings, mine) },
          ]
        : [],
    [list.data, record.name, mine, t],
  );
  if (list.error) return <FormError error={list.error} />;
  if (rows.length === 0 || mine.rated === 0) return null;
  return (
    <SharesChart
      rows={rows}
      caption={t('fairness.detail.chart', { name: record.name })}
      note={t('fairness.detail.chartNote')}
    />
  );
}

export function RaterPatternView({ record, headingLevel }: { record: RaterRecord; headingLevel: 3 | 4 }) {
  const { t, locale } = useI18n();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  const p = record.pattern;
  const c = record.comparison;
  const n = (x: number | null | undefined, suffix = '') => figure(x, locale, suffix);
  const off = outOfLine(record);
  return (
    <div className="fair-detail" data-testid="rater-detail">
      <H>{t('fairness.detail.title', { name: record.name })}</H>
      <p className="hint">{t('fairness.computedAt', { at: formatMoment(record.computedAt, locale) })}</p>
      <p className={off ? 'status-line fair-off' : 'status-line'}>
        {off ? t('fairness.raters.outOfLine') : t('fairness.raters.inLine')}
      </p>
      <dl className="dash-figures">
        <div>
          <dt>{t('fairness.raters.col.decided')}</dt>
          <dd>{n(p.decided)}</dd>
        </div>
        <div>
          <dt>{t('fairness.raters.col.approval')}</dt>
          <dd>{t('fairness.raters.pair', { a: n(p.approvalPct), b: n(p.rejectionPct) })}</dd>
        </div>
        <div>
          <dt>{t('fairness.raters.col.median')}</dt>
          <dd>{p.medianDecisionHours === null ? '—' : t('fairness.raters.hours', { n: n(p.medianDecisionHours) })}</dd>
        </div>
        <div>
          <dt>{t('fairness.raters.col.bulk')}</dt>
          <dd>
            {n(p.bulkPct, ' %')} ({n(p.bulkApproved)})
          </dd>
        </div>
        <div>
          <dt>{t('fairness.raters.col.backlog')}</dt>
          <dd>
            {n(p.backlog)}
            {p.oldestPendingDays === null ? '' : ` (${t('fairness.raters.days', { n: p.oldestPendingDays })})`}
          </dd>
        </div>
        {record.unitResults ? (
          <div>
            <dt>{t('fairness.raters.col.results')}</dt>
            <dd>
              {t('fairness.raters.results', {
                within: n(record.unitResults.withinStandardPct, ' %'),
                ikm: n(record.unitResults.ikm),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
      <Sub>{t('fairness.detail.ratings')}</Sub>
      <ul className="dash-list">
        {ratingOrder.map((r) => (
          <li key={r}>
            {t(`fairness.rating.${r}`)}: {n(p.ratings[r])}
          </li>
        ))}
        <li>{t('fairness.detail.leniency', { value: n(c?.leniency?.value), others: n(c?.leniency?.opdOthers) })}</li>
        <li>{t('fairness.detail.central', { value: n(c?.centralTendency?.value) })}</li>
      </ul>
      <Formulas comparison={c} />
      <Sub>{t('fairness.detail.bulkRuns')}</Sub>
      {p.bulkRuns.length === 0 ? (
        <p>{t('fairness.detail.bulkRunsNone')}</p>
      ) : (
        <ul className="dash-list" aria-label={t('fairness.detail.bulkRuns')}>
          {p.bulkRuns.map((run) => (
            <li key={`${run.at}-${run.entries}`}>
              {t('fairness.detail.bulkRun', {
                at: formatMoment(run.at, locale),
                entries: n(run.entries),
                seconds: n(run.seconds),
              })}
            </li>
          ))}
        </ul>
      )}
      <Sub>{t('fairness.detail.overrides')}</Sub>
      {p.overrides.length === 0 ? (
        <p>{t('fairness.detail.overridesNone')}</p>
      ) : (
        <ul className="dash-list" aria-label={t('fairness.detail.overrides')}>
          {p.overrides.map((o) => (
            <li key={o.nip}>
              {t('fairness.detail.override', {
                // The name beside the NIP; a record computed before overrides carried names has the NIP alone.
                who: o.name ? t('fairness.detail.person', { name: o.name, nip: o.nip }) : o.nip,
                from: t(`fairness.rating.${o.from}`),
                to: t(`fairness.rating.${o.to}`),
              })}
              <br />
              {o.reason ? t('fairness.detail.reason', { reason: o.reason }) : t('fairness.detail.noReason')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

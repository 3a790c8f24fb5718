/**
 * Service performance of one unit subtree in a period (GET /units/{code}/service-indicators/{periodId}, one
 * request): the headline figures, IKM per element (the nine unsur), each child unit (leading to its own dashboard)
 * and the slowest service types, with IKM, grade and whether the sample is sufficient.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Link } from 'wouter';
import { Chart } from '../../components/Chart';
import { FormError } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { type UnitServiceIndicators, useServiceIndicators } from './data';
import { ScrollRegion } from './ScrollRegion';
import { dashboardHref, elementRows, slowestTypes } from './shape';

type Figures = UnitServiceIndicators['unit'];

export function ServicePanel({ unitCode, periodId }: { unitCode: string; periodId: string }) {
  const { t } = useI18n();
  const read = useServiceIndicators(unitCode, periodId);
  if (read.error) return <FormError error={read.error} />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  const data = read.data;
  return (
    <>
      <Headline figures={data.unit} />
      <ElementsChart figures={data.unit} periodId={periodId} />
      {data.children.length > 0 && <ChildTable data={data} periodId={periodId} />}
      <SlowestTypes data={data} />
    </>
  );
}

function useFormat() {
  const { t, locale } = useI18n();
  return {
    n: (x: number | null) => (x === null ? '—' : x.toLocaleString(locale)),
    pct: (x: number | null) => (x === null ? '—' : `${x.toLocaleString(locale)} %`),
    minutes: (x: number | null) => (x === null ? '—' : t('dashboard.minutes', { n: x.toLocaleString(locale) })),
    ikm: (f: Figures) =>
      f.survey.ikm === null ? '—' : `${f.survey.ikm.toLocaleString(locale)} (${f.survey.grade ?? ''})`,
    sample: (f: Figures) =>
      t(f.survey.provisional ? 'dashboard.service.sampleShort' : 'dashboard.service.sampleEnough', {
        n: f.survey.respondents.toLocaleString(locale),
        target: f.survey.sampleTarget.toLocaleString(locale),
      }),
  };
}

function Headline({ figures: f }: { figures: Figures }) {
  const { t, lang } = useI18n();
  const fmt = useFormat();
  return (
    <dl className="dash-figures" data-testid="service-figures">
      <div>
        <dt>{t('dashboard.service.served')}</dt>
        <dd data-figure="served">{fmt.n(f.served)}</dd>
      </div>
      <div>
        <dt>{t('dashboard.service.within')}</dt>
        <dd data-figure="withinStandardPct">{fmt.pct(f.withinStandardPct)}</dd>
      </div>
      <div>
        <dt>{t('dashboard.service.late')}</dt>
        <dd data-figure="latePct">{fmt.pct(f.latePct)}</dd>
      </div>
      <div>
        <dt>{t('dashboard.service.median')}</dt>
        <dd data-figure="medianMinutes">{fmt.minutes(f.medianMinutes)}</dd>
      </div>
      <div>
        <dt>{t('dashboard.service.ikm')}</dt>
        <dd data-figure="ikm">
          {fmt.ikm(f)}
          {f.survey.performance ? ` ${f.survey.performance[lang === 'id' ? 'id' : 'en']}` : ''}
        </dd>
      </div>
      <div>
        <dt>{t('dashboard.service.sample')}</dt>
        <dd data-figure="respondents">{fmt.sample(f)}</dd>
      </div>
      <div>
        <dt>{t('dashboard.service.followUps')}</dt>
        <dd data-figure="followUps">{fmt.n(f.followUps)}</dd>
      </div>
    </dl>
  );
}

function ElementsChart({ figures, periodId }: { figures: Figures; periodId: string }) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => elementRows(figures.survey.nrr), [figures]);
  const labels = useMemo(() => rows.map((r) => t(`dashboard.unsur.${r.code}` as MessageKey)), [rows, t]);
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const data = rows.map((r, i) => ({ ...r, label: labels[i]! }));
      return {
        width,
        height: 40 + data.length * 32,
        marginLeft: Math.min(190, Math.round(width * 0.5)),
        marginRight: 40,
        x: { domain: [0, 4], label: t('dashboard.unsur.axis'), grid: true },
        y: { domain: labels, label: null },
        marks: [
          Plot.barX(data, { x: 'nrr', y: 'label', fill: '#0b4f8a' }),
          Plot.text(data, {
            x: 'nrr',
            y: 'label',
            text: (d: { nrr: number }) => d.nrr.toLocaleString(locale),
            dx: 4,
            textAnchor: 'start',
            fill: '#1b1f24',
          }),
          Plot.axisY({ lineWidth: 14, tickSize: 0 }),
          Plot.ruleX([0]),
        ],
      };
    },
    [rows, labels, t, locale],
  );
  const table = useMemo(
    () => ({
      columns: [t('dashboard.unsur.col'), t('dashboard.unsur.nrr')],
      rows: rows.map((r, i) => [labels[i], r.nrr.toLocaleString(locale)]),
    }),
    [rows, labels, t, locale],
  );
  if (rows.length === 0) return <p>{t('dashboard.unsur.none')}</p>;
  return (
    <Chart
      caption={t('dashboard.unsur.caption', { period: periodId })}
      note={t('dashboard.unsur.note')}
      plot={plot}
      table={table}
    />
  );
}

function ChildTable({ data, periodId }: { data: UnitServiceIndicators; periodId: string }) {
  const { t } = useI18n();
  const fmt = useFormat();
  return (
    <ScrollRegion label={t('dashboard.service.children')}>
      <table className="dash-table">
        <caption>{t('dashboard.service.children')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.col.unit')}</th>
            <th scope="col">{t('dashboard.service.served')}</th>
            <th scope="col">{t('dashboard.service.late')}</th>
            <th scope="col">{t('dashboard.service.median')}</th>
            <th scope="col">{t('dashboard.service.ikm')}</th>
            <th scope="col">{t('dashboard.service.sample')}</th>
            <th scope="col">{t('dashboard.service.followUps')}</th>
          </tr>
        </thead>
        <tbody>
          {data.children.map((c) => (
            <tr key={c.unitCode} data-unit={c.unitCode}>
              <th scope="row">
                <Link href={dashboardHref(c.unitCode, periodId)} className="page-link">
                  {c.name}
                </Link>
              </th>
              <td>{fmt.n(c.served)}</td>
              <td>{fmt.pct(c.latePct)}</td>
              <td>{fmt.minutes(c.medianMinutes)}</td>
              <td>{fmt.ikm(c)}</td>
              <td>{fmt.sample(c)}</td>
              <td>
                {c.followUps > 0 ? (
                  <Link
                    href={dashboardHref(c.unitCode, periodId, 'tindak-lanjut')}
                    className="page-link"
                    aria-label={t('dashboard.service.followUpsOf', { n: fmt.n(c.followUps), unit: c.name })}
                  >
                    {fmt.n(c.followUps)}
                  </Link>
                ) : (
                  fmt.n(c.followUps)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function SlowestTypes({ data }: { data: UnitServiceIndicators }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const slowest = useMemo(() => slowestTypes(data.serviceTypes, data.serviceTypes.length), [data]);
  return (
    <>
      <h3>{t('dashboard.types.title')}</h3>
      {slowest.length === 0 ? (
        <p>{t('dashboard.types.none')}</p>
      ) : (
        <ScrollRegion label={t('dashboard.types.title')}>
          <table className="dash-table">
            <caption>{t('dashboard.types.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.types.type')}</th>
                <th scope="col">{t('dashboard.service.median')}</th>
                <th scope="col">{t('dashboard.types.standard')}</th>
                <th scope="col">{t('dashboard.service.late')}</th>
                <th scope="col">{t('dashboard.service.ikm')}</th>
                <th scope="col">{t('dashboard.service.sample')}</th>
              </tr>
            </thead>
            <tbody>
              {slowest.map((s) => (
                <tr key={`${s.unitCode}/${s.serviceType}`}>
                  <th scope="row">
                    {s.name} <span className="hint">({s.unitCode})</span>
                  </th>
                  <td>{fmt.minutes(s.medianMinutes)}</td>
                  <td>{fmt.minutes(s.standardMinutes)}</td>
                  <td>{fmt.pct(s.latePct)}</td>
                  <td>{fmt.ikm(s)}</td>
                  <td>{fmt.sample(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

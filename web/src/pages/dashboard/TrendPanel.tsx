/**
 * The year's trend of completion time against the standard (GET /units/{code}/service-trend/{year}: every month
 * in one request): the median per month as a line, each standard of the unit's service types as a rule; the table
 * beside it carries the served count, late share and IKM of each month, each month leading to its dashboard.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Link } from 'wouter';
import { Chart } from '../../components/Chart';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useServiceTrend } from './data';
import { dashboardHref, trendPoints } from './shape';

export function TrendPanel({ unitCode, year }: { unitCode: string; year: number }) {
  const { t, locale } = useI18n();
  const read = useServiceTrend(unitCode, year);
  const points = useMemo(() => trendPoints(read.data?.periods ?? []), [read.data]);
  const standards = read.data?.standards ?? [];
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const drawn = points.filter((p) => p.medianMinutes !== null);
      const top = Math.max(10, ...standards, ...drawn.map((p) => p.medianMinutes ?? 0));
      return {
        width,
        height: 240,
        marginLeft: 48,
        marginBottom: 40,
        x: { domain: points.map((p) => p.periodId.slice(5)), label: t('dashboard.trend.axisX'), type: 'point' },
        y: { domain: [0, Math.ceil(top * 1.15)], label: t('dashboard.trend.axisY'), grid: true },
        marks: [
          // The standard: a dashed rule (the note and the table say which).
          Plot.ruleY(standards, { stroke: '#b3261e', strokeWidth: 2, strokeDasharray: '6,4' }),
          Plot.lineY(drawn, { x: (p) => p.periodId.slice(5), y: 'medianMinutes', stroke: '#0b4f8a', strokeWidth: 2 }),
          Plot.dot(drawn, { x: (p) => p.periodId.slice(5), y: 'medianMinutes', fill: '#0b4f8a', r: 4 }),
          Plot.ruleY([0]),
        ],
      };
    },
    [points, standards, t],
  );
  const table = useMemo(
    () => ({
      columns: [
        t('dashboard.trend.period'),
        t('dashboard.service.served'),
        t('dashboard.service.median'),
        t('dashboard.service.late'),
        t('dashboard.service.ikm'),
      ],
      rows: points.map((p) => [
        <Link key={p.periodId} href={dashboardHref(unitCode, p.periodId)} className="page-link">
          {p.periodId}
        </Link>,
        p.served.toLocaleString(locale),
        p.medianMinutes === null ? '—' : p.medianMinutes.toLocaleString(locale),
        p.latePct === null ? '—' : `${p.latePct.toLocaleString(locale)} %`,
        p.ikm === null ? '—' : p.ikm.toLocaleString(locale),
      ]),
    }),
    [points, t, locale, unitCode],
  );
  if (read.error) return <FormError error={read.error} />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  return (
    <Chart
      caption={t('dashboard.trend.caption', { year })}
      note={
        standards.length
          ? t('dashboard.trend.note', { standards: standards.map((s) => s.toLocaleString(locale)).join(', ') })
          : t('dashboard.trend.noStandard')
      }
      plot={plot}
      table={table}
    />
  );
}

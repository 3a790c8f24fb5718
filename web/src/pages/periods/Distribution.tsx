/**
 * The distribution check of the chosen period, OPD by OPD: for each unit of the OPD with a leadership predikat, the
 * actual share of each predikat against the curve that predikat expects (a chart with its table), the violations
 * in the API's words, and who is still unscored, unreviewed or without a predikat.
 */
import * as Plot from '@observablehq/plot';
import { type ReactNode, useCallback, useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { FormError } from '../../components/forms';
import { type MessageKey, type Translate, useI18n } from '../../i18n';
import { predikatName } from '../evaluation/names';
import { boundShare, type CurveBound, type CurveRow, curveRows } from './curve';
import { type Distribution, type UnitDistribution, useDistribution } from './data';
import { formatShare } from './format';
import { PeopleList } from './PeopleList';

const rowName = (row: CurveRow, t: Translate) => row.predikats.map((p) => predikatName(p, t)).join(' + ');

/** "Kurang/Misconduct" may break after its slash: a narrow table column then fits a phone. */
const breakAfterSlash = (name: string): ReactNode =>
  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed name, in order
  name.split('/').flatMap((part, i, all) => (i < all.length - 1 ? [`${part}/`, <wbr key={i} />] : [part]));

export const unitPredikatName = (p: string, t: Translate) => t(`periods.unitPredikat.${p}` as MessageKey);

/** The bound in words: "≤ 70%", "≥ 60%", "≥ 1 orang". */
function boundText(bound: CurveBound, t: Translate, locale: string): string {
  if (bound.minCount !== undefined) return t('periods.curve.atLeastPeople', { count: bound.minCount });
  if (bound.max === 0) return t('periods.curve.none');
  return bound.min !== undefined ? `≥ ${formatShare(bound.min, locale)}` : `≤ ${formatShare(bound.max ?? 0, locale)}`;
}

export function OpdDistribution({ year, periodId, opd }: { year: number; periodId: string; opd: string }) {
  const { t } = useI18n();
  const report = useDistribution(year, periodId, opd);
  if (report.isError) return <FormError error={report.error} />;
  if (!report.data) return <p role="status">{t('loading')}</p>;
  return <Report report={report.data} />;
}

function Report({ report }: { report: Distribution }) {
  const { t } = useI18n();
  return (
    <>
      {report.units.length === 0 ? (
        <p>{t('periods.curve.noUnitPredikat')}</p>
      ) : (
        report.units.map((u) => <UnitCurve key={u.unitCode} unit={u} />)
      )}
      {report.unscoredCount > 0 ? (
        <PeopleList
          title={t('periods.people.unscored', { count: report.unscoredCount })}
          people={report.unscored}
          folded
        />
      ) : null}
      {report.withoutPredikatCount > 0 ? (
        <PeopleList
          title={t('periods.people.withoutPredikat', { count: report.withoutPredikatCount })}
          people={report.withoutPredikat}
          folded
        />
      ) : null}
      {report.unreviewedCount > 0 ? (
        <PeopleList
          title={t('periods.people.unreviewed', { count: report.unreviewedCount })}
          people={report.unreviewed}
          folded
        />
      ) : null}
    </>
  );
}

function UnitCurve({ unit }: { unit: UnitDistribution }) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => curveRows(unit), [unit]);
  const labels = useMemo(() => rows.map((r) => rowName(r, t)), [rows, t]);
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const data = rows.map((r, i) => ({ ...r, label: labels[i]! }));
      const bounds = data.flatMap((d) => {
        const at = d.bound ? boundShare(d.bound) : undefined;
        return at === undefined ? [] : [{ label: d.label, at }];
      });
      return {
        width,
        height: 40 + data.length * 36,
        marginLeft: Math.min(150, Math.round(width * 0.4)),
        marginRight: 64,
        x: { domain: [0, 100], label: t('periods.curve.axis'), grid: true },
        y: { domain: labels, label: null },
        marks: [
          Plot.barX(
            data.filter((d) => !d.violated),
            { x: 'share', y: 'label', fill: '#0b4f8a' },
          ),
          // A broken line of the curve: its bar in the danger colour (the table and the list say it in words).
          Plot.barX(
            data.filter((d) => d.violated),
            { x: 'share', y: 'label', fill: '#b3261e' },
          ),
          Plot.tickX(bounds, { x: 'at', y: 'label', stroke: '#1b1f24', strokeWidth: 3 }),
          Plot.text(data, {
            x: 'share',
            y: 'label',
            text: (d: CurveRow) => `${formatShare(d.share, locale)} (${d.count})`,
            dx: 4,
            textAnchor: 'start',
            fill: '#1b1f24',
          }),
          Plot.axisY({ lineWidth: 10, tickSize: 0 }),
          Plot.ruleX([0]),
        ],
      };
    },
    [rows, labels, t, locale],
  );
  const table = useMemo(
    () => ({
      columns: [
        t('periods.curve.predikat'),
        t('periods.curve.count'),
        t('periods.curve.share'),
        t('periods.curve.expected'),
      ],
      // The bound and whether it holds in one cell: four columns fit a phone.
      rows: rows.map((r, i) => [
        breakAfterSlash(labels[i] ?? ''),
        r.count,
        formatShare(r.share, locale),
        r.bound
          ? `${boundText(r.bound, t, locale)}: ${r.violated ? t('periods.curve.broken') : t('periods.curve.held')}`
          : '—',
      ]),
    }),
    [rows, labels, t, locale],
  );
  return (
    <div className="unit-curve">
      <Chart
        caption={t('periods.curve.caption', {
          unit: unit.unitName,
          predikat: unitPredikatName(unit.unitPredikat, t),
          count: unit.employees,
        })}
        note={t('periods.curve.note', { predikat: unitPredikatName(unit.unitPredikat, t) })}
        plot={plot}
        table={table}
      />
      {unit.violations.length === 0 ? (
        <p>{t('periods.curve.noViolations')}</p>
      ) : (
        <>
          <h4>{t('periods.curve.violations', { count: unit.violations.length })}</h4>
          <ul className="violations">
            {unit.violations.map((v) => (
              <li key={v.rule}>
                {v.rule}
                {typeof v.found === 'string' ? `: ${v.found}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

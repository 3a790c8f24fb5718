/**
 * Rating shares (di atas / sesuai / di bawah, % of the people rated) as stacked bars, one per row — raters beside
 * the whole OPD, or one rater beside the rest of it — with the same figures as a table and a legend in words.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { useI18n } from '../../i18n';
import { figure, ratingOrder, ratingShares, shareBars } from './shape';

export interface ShareRow {
  who: string;
  ratings: { di_atas: number; sesuai: number; di_bawah: number };
}

const ratingColour = { di_atas: '#0b4f8a', sesuai: '#6b8fb3', di_bawah: '#b3541e' } as const;

export function SharesChart({ rows, caption, note }: { rows: ShareRow[]; caption: string; note: string }) {
  const { t, locale } = useI18n();
  const bars = useMemo(() => shareBars(rows), [rows]);
  const label = useCallback((r: (typeof ratingOrder)[number]) => t(`fairness.rating.${r}`), [t]);
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      width,
      height: 40 + rows.length * 36,
      marginLeft: Math.min(170, Math.round(width * 0.45)),
      x: { domain: [0, 100], label: t('fairness.raters.chartAxis'), grid: true },
      y: { domain: rows.map((r) => r.who), label: null },
      color: { domain: ratingOrder, range: ratingOrder.map((r) => ratingColour[r]) },
      marks: [
        Plot.barX(bars, Plot.stackX({ x: 'pct', y: 'who', fill: 'rating', order: ratingOrder })),
        Plot.axisY({ lineWidth: 12, tickSize: 0 }),
        Plot.ruleX([0]),
      ],
    }),
    [rows, bars, t],
  );
  const table = useMemo(() => {
    const pct = (x: number | null) => figure(x, locale, ' %');
    return {
      columns: [t('fairness.raters.col.who'), t('fairness.raters.col.rated'), ...ratingOrder.map((r) => label(r))],
      rows: rows.map((r) => {
        const shares = ratingShares(r.ratings);
        const rated = r.ratings.di_atas + r.ratings.sesuai + r.ratings.di_bawah;
        return [r.who, rated.toLocaleString(locale), ...ratingOrder.map((k) => pct(shares[k]))];
      }),
    };
  }, [rows, t, locale, label]);
  if (bars.length === 0) return null;
  return (
    <>
      <Chart caption={caption} note={note} plot={plot} table={table} />
      <ul className="fair-legend" aria-hidden="true">
        {ratingOrder.map((r) => (
          <li key={r}>
            <span className={`fair-swatch fair-swatch-${r}`} />
            {label(r)}
          </li>
        ))}
      </ul>
    </>
  );
}

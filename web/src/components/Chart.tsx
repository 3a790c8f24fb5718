/**
 * A chart drawn by Observable Plot (SVG: crisp on a phone and on paper), with the same figures as a table for
 * screen readers and for anyone who prefers numbers. Import it only from pages that draw: Plot then stays in
 * their chunks, out of the first load.
 */
import * as Plot from '@observablehq/plot';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

export interface ChartTable {
  /** Column headings; the first column names the row. */
  columns: string[];
  rows: Array<Array<ReactNode>>;
}

export interface ChartProps {
  /** What the chart shows, in one line: the figure's caption and the picture's accessible name. */
  caption: string;
  /** A sentence that says what to read from it (e.g. the standard the line is compared with). */
  note?: string;
  /** Plot's options without width: the chart takes its container's width. */
  plot: (width: number) => Plot.PlotOptions;
  table: ChartTable;
}

const minWidth = 280;

export function Chart({ caption, note, plot, table }: ChartProps) {
  const { t } = useI18n();
  const holder = useRef<HTMLDivElement>(null);
  const width = useWidthOf(holder);
  useEffect(() => {
    const el = holder.current;
    if (!el || width === 0) return;
    const svg = Plot.plot({ ...plot(Math.max(width, minWidth)), className: 'chart-plot' });
    // Plot adds a <style> element, which the strict CSP refuses (style-src 'self'): the same rules are in
    // styles.css under .chart-plot, so the element is dropped before it reaches the page.
    for (const style of svg.querySelectorAll('style')) style.remove();
    el.replaceChildren(svg);
    return () => el.replaceChildren();
  }, [plot, width]);
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      {/* The picture repeats the table below, which is what assistive technology reads. */}
      <div ref={holder} className="chart-drawing" aria-hidden="true" />
      {note ? <p className="chart-note">{note}</p> : null}
      <details className="chart-table">
        <summary>{t('chart.asTable')}</summary>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and redrawn whole
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={table.columns[j]} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={table.columns[j]}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The element's content width, followed as the window turns or resizes. */
function useWidthOf(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Adoption and verification of one unit subtree in a period: who logs and who does not, per child unit (a chart
 * and its table, each row leading to the same dashboard for that unit) and per person; the verification backlog
 * per verifier with its age. One request (GET /units/{code}/activity/{periodId}, 100 people a page).
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { Chart } from '../../components/Chart';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { todayWib } from '../activities/dates';
import { formatDate } from '../team/format';
import { useUnitActivity } from './data';
import { ScrollRegion } from './ScrollRegion';
import { adoptionRows, dashboardHref, daysBetween, sharePct } from './shape';

export function ActivityPanel({ unitCode, periodId }: { unitCode: string; periodId: string }) {
  const { t, locale } = useI18n();
  const [cursor, setCursor] = useState<string | undefined>();
  const read = useUnitActivity(unitCode, periodId, cursor);
  const today = todayWib();
  const rows = useMemo(() => adoptionRows(read.data?.children ?? [], today), [read.data, today]);
  const n = (x: number) => x.toLocaleString(locale);
  const pct = (x: number | null) => (x === null ? '—' : `${x.toLocaleString(locale)} %`);
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      width,
      height: 40 + rows.length * 36,
      marginLeft: Math.min(170, Math.round(width * 0.45)),
      marginRight: 56,
      x: { domain: [0, 100], label: t('dashboard.activity.axis'), grid: true },
      y: { domain: rows.map((r) => r.name), label: null },
      marks: [
        Plot.barX(rows, { x: (r) => r.adoptionPct ?? 0, y: 'name', fill: '#0b4f8a' }),
        Plot.text(rows, {
          x: (r) => r.adoptionPct ?? 0,
          y: 'name',
          text: (r) => `${r.logging}/${r.members}`,
          dx: 4,
          textAnchor: 'start',
          fill: '#1b1f24',
        }),
        Plot.axisY({ lineWidth: 12, tickSize: 0 }),
        Plot.ruleX([0]),
      ],
    }),
    [rows, t],
  );
  const table = useMemo(() => {
    const count = (x: number) => x.toLocaleString(locale);
    const share = (x: number | null) => (x === null ? '—' : `${x.toLocaleString(locale)} %`);
    return {
      columns: [
        t('dashboard.col.unit'),
        t('dashboard.activity.col.logging'),
        t('dashboard.activity.col.pending'),
        t('dashboard.activity.col.oldest'),
      ],
      rows: rows.map((r) => [
        <Link key={r.unitCode} href={dashboardHref(r.unitCode, periodId)} className="page-link">
          {r.name}
        </Link>,
        `${count(r.logging)}/${count(r.members)} (${share(r.adoptionPct)})`,
        count(r.pending),
        r.oldestPendingDays === null ? '—' : t('dashboard.days', { n: r.oldestPendingDays }),
      ]),
    };
  }, [rows, t, locale, periodId]);
  if (read.error) return <FormError error={read.error} />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  const { totals, backlog, members } = read.data;
  const idle = new Set(read.data.loggedNothingThisWeek);
  return (
    <>
      <dl className="dash-figures" data-testid="activity-figures">
        <div>
          <dt>{t('dashboard.activity.people')}</dt>
          <dd>{n(totals.members)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.activity.logging')}</dt>
          <dd>
            {n(totals.logging)} ({pct(sharePct(totals.logging, totals.members))})
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.activity.pending')}</dt>
          <dd>{n(totals.pending)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.activity.oldest')}</dt>
          <dd>
            {totals.oldestPending
              ? t('dashboard.activity.since', {
                  date: formatDate(totals.oldestPending, locale),
                  n: daysBetween(totals.oldestPending, today),
                })
              : '—'}
          </dd>
        </div>
      </dl>
      {rows.length > 0 && (
        <Chart
          caption={t('dashboard.activity.caption', { period: periodId })}
          note={t('dashboard.activity.note')}
          plot={plot}
          table={table}
        />
      )}
      <h3>{t('dashboard.backlog.title')}</h3>
      {backlog.length === 0 ? (
        <p>{t('dashboard.backlog.none')}</p>
      ) : (
        <ul className="dash-list">
          {backlog.map((b) => (
            <li key={b.nip}>
              {t('dashboard.backlog.item', {
                name: b.name,
                n: n(b.waiting),
                date: formatDate(b.oldestDate, locale),
                days: daysBetween(b.oldestDate, today),
              })}{' '}
              <Link href={dashboardHref(b.unitCode, periodId)} className="page-link">
                {t('dashboard.backlog.unit', { unit: b.unitCode })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('dashboard.people.title')}</h3>
      <ScrollRegion label={t('dashboard.people.title')}>
        <table className="dash-table">
          <caption>{t('dashboard.people.caption', { period: periodId })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.people.name')}</th>
              <th scope="col">{t('dashboard.people.week')}</th>
              <th scope="col">{t('dashboard.activity.col.pending')}</th>
              <th scope="col">{t('dashboard.people.approved')}</th>
              <th scope="col">{t('dashboard.people.minutes')}</th>
              <th scope="col">{t('dashboard.people.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.nip}>
                <th scope="row">
                  <Link href={dashboardHref(m.unitCode, periodId)} className="page-link">
                    {m.name}
                  </Link>
                </th>
                <td>{idle.has(m.nip) ? t('dashboard.people.notLogged') : t('dashboard.people.logged')}</td>
                <td>{n(m.pending)}</td>
                <td>{n(m.approved)}</td>
                <td>{n(m.countedMinutes)}</td>
                <td data-progress={m.nip}>
                  {m.progress.iki === 0
                    ? '—'
                    : t('dashboard.people.progressOf', {
                        met: n(m.progress.above + m.progress.meets),
                        iki: n(m.progress.iki),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="hint">{t('dashboard.people.hint')}</p>
      {(cursor || read.data.nextCursor) && (
        <div className="actions">
          {cursor && (
            <button type="button" onClick={() => setCursor(undefined)}>
              {t('dashboard.people.first')}
            </button>
          )}
          {read.data.nextCursor && (
            <button type="button" onClick={() => setCursor(read.data.nextCursor)}>
              {t('dashboard.people.more')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

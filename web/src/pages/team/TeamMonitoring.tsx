/**
 * Pemantauan tim in the current period: who logged nothing this week, and per person the counts, counted minutes
 * per working day so far and realisasi per IKI (approved output), each IKI by its name in the plan.
 */
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { components } from '../../api/schema';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { todayWib, yearOf } from '../activities/dates';
import { formatDate } from './format';

type Member = components['schemas']['MemberActivity'];

/** The month or quarter of the current year that holds today. */
function useCurrentPeriod() {
  const api = useApi();
  const { lang } = useI18n();
  const today = todayWib();
  const year = yearOf(today);
  return useQuery({
    // The activities page asks for the same year under this key: one answer serves both.
    queryKey: ['year', year, lang],
    queryFn: () => unwrap(api.GET('/years/{year}', { params: { path: { year } } })),
    select: (year) => year.periods.find((p) => p.kind !== 'year' && p.start <= today && today <= p.end),
  });
}

export function TeamMonitoring() {
  const { t, lang } = useI18n();
  const api = useApi();
  const period = useCurrentPeriod();
  const periodId = period.data?.id;
  const team = useQuery({
    queryKey: ['team-activity', periodId, lang],
    queryFn: () =>
      unwrap(
        api.GET('/employees/{nip}/team-activity/{periodId}', { params: { path: { nip: 'me', periodId: periodId! } } }),
      ),
    enabled: !!periodId,
  });
  const error = period.error ?? team.error;
  if (error) return <FormError error={error} />;
  if (period.isSuccess && !periodId) return <p>{t('team.monitor.noPeriod')}</p>;
  if (!team.data) return <p role="status">{t('loading')}</p>;
  const names = new Map(team.data.members.map((m) => [m.nip, m.name]));
  const idle = team.data.loggedNothingThisWeek.map((nip) => names.get(nip) ?? nip);
  return (
    <>
      <p>{t('team.monitor.period', { period: team.data.periodId })}</p>
      <div className="note">
        {idle.length ? (
          <>
            <p>{t('team.monitor.idle')}</p>
            <ul>
              {idle.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('team.monitor.allLogged')}</p>
        )}
      </div>
      {team.data.members.map((m) => (
        <MemberRow key={m.nip} member={m} />
      ))}
    </>
  );
}

function MemberRow({ member: m }: { member: Member }) {
  const { t, locale } = useI18n();
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <section aria-labelledby={`member-${m.nip}`} className="member">
      <h3 id={`member-${m.nip}`}>{m.name}</h3>
      <p className="person-role">{m.position}</p>
      <p>
        {t('team.monitor.counts', {
          pending: n(m.pending),
          approved: n(m.approved),
          rejected: n(m.rejected),
          minutes: n(m.countedMinutes),
        })}
      </p>
      {m.workingDays.length > 0 && (
        <table>
          <caption>{t('team.monitor.days', { name: m.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.monitor.date')}</th>
              <th scope="col">{t('team.monitor.counted')}</th>
              <th scope="col">{t('team.monitor.logged')}</th>
            </tr>
          </thead>
          <tbody>
            {m.workingDays.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDate(d.date, locale)}</th>
                <td>{n(d.countedMinutes)}</td>
                <td>{n(d.loggedMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.realisasi.length > 0 && (
        <>
          <h4>{t('team.monitor.realisasi')}</h4>
          <ul>
            {m.realisasi.map((r) => (
              <li key={r.ikiId}>
                {t('team.monitor.iki', { iki: r.ikiName ?? r.ikiId, quantity: n(r.quantity), count: n(r.count) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * Sinyal saya (issue 18), in every employee's menu: the person's signals of a period, each with its plain
 * explanation, the evidence one click away, and their answer — a form for the person themself (the API's message
 * under the field). `?pegawai=<nip>` opens another person's signals for their superiors, BKPSDM and the auditor
 * (the API refuses anyone else and records each view in the audit trail); `?periode=<id>` names the period. A
 * supervisor also sees their own rater pattern here. Signals change no score, and the page says so.
 */
import { useLocation, useSearch } from 'wouter';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { addWords, useI18n } from '../i18n';
import { leadsATeam, viewerOf } from '../viewer';
import * as words from '../words/fairness';
import { todayWib, yearOf } from './activities/dates';
import { useYear } from './dashboard/data';
import { PeriodPicker } from './dashboard/PeriodPicker';
import { pickPeriod } from './dashboard/shape';
import { usePersonSignals, useRaterPattern } from './fairness/data';
import { Failure } from './fairness/Failure';
import { RaterPatternView } from './fairness/RaterDetail';
import { SignalItem } from './fairness/SignalItem';
import { notComputed, signalsHref } from './fairness/shape';
import { formatMoment } from './periods/format';

addWords(words);

export function MySignals() {
  const { t } = useI18n();
  const me = useMe();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const today = todayWib();
  const asked = search.get('pegawai') ?? undefined;
  const askedPeriod = search.get('periode');
  const year = askedPeriod && /^\d{4}/.test(askedPeriod) ? Number(askedPeriod.slice(0, 4)) : yearOf(today);
  const yearRead = useYear(year);
  const myNip = me.data?.employee?.nip;
  const own = !asked || asked === myNip;
  const nip = asked ?? myNip;
  const period = yearRead.data ? pickPeriod(yearRead.data.periods, today, askedPeriod) : undefined;
  const viewer = viewerOf(me.data);
  const years = [yearOf(today), yearOf(today) - 1];
  const go = (periodId: string) => navigate(signalsHref(own ? undefined : nip, periodId));
  return (
    <>
      <PageTitle>{own ? t('nav.signals') : t('signals.titleOther')}</PageTitle>
      <p className="status-line" data-testid="no-score">
        {t('signals.noScore')}
      </p>
      <PeriodPicker
        labels={{
          year: t('fairness.pick.year'),
          period: t('signals.period'),
          wholeYear: (y) => t('fairness.pick.wholeYear', { year: y }),
        }}
        year={year}
        years={years}
        periods={yearRead.data?.periods ?? []}
        periodId={period?.id}
        onPeriod={go}
      />
      {yearRead.error && <FormError error={yearRead.error} />}
      {nip && period ? (
        <>
          <Signals key={`${nip}-${period.id}`} nip={nip} periodId={period.id} own={own} />
          {own && leadsATeam(viewer) ? <MyPattern nip={nip} periodId={period.id} /> : null}
        </>
      ) : (
        !yearRead.error && <p role="status">{t('loading')}</p>
      )}
    </>
  );
}

function Signals({ nip, periodId, own }: { nip: string; periodId: string; own: boolean }) {
  const { t, locale } = useI18n();
  const read = usePersonSignals(nip, periodId);
  if (read.error) return <Failure error={read.error} own />;
  if (!read.data) return <p role="status">{t('loading')}</p>;
  const { signals, name, computedAt } = read.data;
  return (
    <section aria-labelledby="signals-list">
      <h2 id="signals-list">{own ? t('signals.listLabel') : name}</h2>
      <p>{own ? t('signals.intro') : t('signals.introOther', { name, nip })}</p>
      <p className="hint">{t('signals.computedAt', { at: formatMoment(computedAt, locale) })}</p>
      {signals.length === 0 ? (
        <p data-state="none">{t('signals.none')}</p>
      ) : (
        <ul className="entries" aria-label={t('signals.listLabel')}>
          {signals.map((s) => (
            <SignalItem key={s.id} signal={s} periodId={periodId} own={own} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A supervisor's own rater pattern; nothing when the run found nothing they decided or rated. */
function MyPattern({ nip, periodId }: { nip: string; periodId: string }) {
  const { t } = useI18n();
  const read = useRaterPattern(nip, periodId);
  if (read.error && notComputed(read.error)) return null;
  return (
    <section aria-labelledby="signals-pattern">
      <h2 id="signals-pattern">{t('signals.myPattern')}</h2>
      <p className="hint">{t('signals.myPatternHint')}</p>
      {read.error ? (
        <FormError error={read.error} />
      ) : !read.data ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <RaterPatternView record={read.data} headingLevel={3} />
      )}
    </section>
  );
}

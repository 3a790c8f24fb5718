/**
 * Keadilan (issue 18): for one unit (an OPD or a unit under it) and one period, the rater patterns of its
 * supervisors against the rest of the OPD, the people with signals worth a second look, and adoption (idle
 * people, overdue queues, child units below the threshold). `?unit=<code>&periode=<id>` name what is shown;
 * `&penilai=<nip>` opens one supervisor's detail. BKPSDM can compute the period now ("Hitung sekarang"). Every
 * figure was computed by the period's run; a period not computed yet says so and what to do. Nothing here changes
 * a score. A unit the viewer may not read shows the API's own refusal in each section.
 */
import { useLocation, useSearch } from 'wouter';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { addWords, useI18n } from '../i18n';
import { runsFairness } from '../viewer';
import * as words from '../words/fairness';
import { todayWib, yearOf } from './activities/dates';
import { useUnitTree, useYear } from './dashboard/data';
import { PeriodPicker } from './dashboard/PeriodPicker';
import { pickPeriod } from './dashboard/shape';
import { AdoptionPanel } from './fairness/AdoptionPanel';
import { useUnitAdoption } from './fairness/data';
import { Failure } from './fairness/Failure';
import { RaterDetail } from './fairness/RaterDetail';
import { RatersPanel } from './fairness/RatersPanel';
import { RunNow } from './fairness/RunNow';
import { SignalsPanel } from './fairness/SignalsPanel';
import { fairnessHref, notComputed } from './fairness/shape';

addWords(words);

export function Fairness() {
  const { t } = useI18n();
  const me = useMe();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const today = todayWib();
  const askedPeriod = search.get('periode');
  const year = askedPeriod && /^\d{4}/.test(askedPeriod) ? Number(askedPeriod.slice(0, 4)) : yearOf(today);
  const yearRead = useYear(year);
  const tree = useUnitTree();
  const unitCode = search.get('unit') ?? me.data?.employee?.unitCode;
  const rater = search.get('penilai') ?? undefined;
  const period = yearRead.data ? pickPeriod(yearRead.data.periods, today, askedPeriod) : undefined;
  const unit = tree.data?.units.find((u) => u.code === unitCode);
  const isBkpsdm = runsFairness({ groups: me.data?.groups ?? [] });
  const go = (code: string, periodId: string | undefined) => navigate(fairnessHref(code, periodId));
  const years = [yearOf(today), yearOf(today) - 1];
  return (
    <>
      <PageTitle>{t('nav.fairness')}</PageTitle>
      <p>{t('fairness.intro')}</p>
      <p className="status-line">{t('fairness.noScore')}</p>
      {me.error && <FormError error={me.error} />}
      <PeriodPicker
        labels={{
          unit: t('fairness.pick.unit'),
          year: t('fairness.pick.year'),
          period: t('fairness.pick.period'),
          wholeYear: (y) => t('fairness.pick.wholeYear', { year: y }),
        }}
        units={tree.data?.units}
        unitCode={unitCode}
        onUnit={(code) => go(code, period?.id)}
        year={year}
        years={years}
        periods={yearRead.data?.periods ?? []}
        periodId={period?.id}
        onPeriod={(id) => unitCode && go(unitCode, id)}
      />
      {yearRead.error && <FormError error={yearRead.error} />}
      {tree.error && <FormError error={tree.error} />}
      {unitCode && (
        <p className="dash-unit" data-testid="fairness-unit">
          {t('fairness.showing', { unit: unit?.name ?? unitCode, period: period?.id ?? '…' })}
        </p>
      )}
      {unitCode && period ? (
        <div className="dash">
          {isBkpsdm ? <RunNow key={`run-${period.id}`} periodId={period.id} /> : null}
          <Sections unitCode={unitCode} periodId={period.id} rater={rater} isBkpsdm={isBkpsdm} />
        </div>
      ) : (
        !me.error &&
        !yearRead.error &&
        (me.data && !unitCode ? <p>{t('fairness.pick.none')}</p> : <p role="status">{t('loading')}</p>)
      )}
    </>
  );
}

/**
 * The three sections, once the period is known to be computed. Each of the unit's reads answers 404
 * `fairness_not_computed` for a period no run has computed; the adoption's is asked first so the page says it once,
 * not once per section (a section's own Failure still says it should a read answer it alone).
 */
function Sections({
  unitCode,
  periodId,
  rater,
  isBkpsdm,
}: {
  unitCode: string;
  periodId: string;
  rater?: string;
  isBkpsdm: boolean;
}) {
  const { t } = useI18n();
  const adoption = useUnitAdoption(unitCode, periodId);
  if (adoption.error && notComputed(adoption.error)) return <Failure error={adoption.error} isBkpsdm={isBkpsdm} />;
  if (adoption.isPending) return <p role="status">{t('loading')}</p>;
  const period = { id: periodId };
  return (
    <>
      <section aria-labelledby="fair-raters">
        <h2 id="fair-raters">{t('fairness.raters.title')}</h2>
        {rater ? (
          <RaterDetail
            key={`rater-${rater}-${period.id}`}
            nip={rater}
            unitCode={unitCode}
            periodId={period.id}
            backHref={fairnessHref(unitCode, period.id)}
            isBkpsdm={isBkpsdm}
          />
        ) : (
          <RatersPanel
            key={`raters-${unitCode}-${period.id}`}
            unitCode={unitCode}
            periodId={period.id}
            isBkpsdm={isBkpsdm}
          />
        )}
      </section>
      <section aria-labelledby="fair-signals">
        <h2 id="fair-signals">{t('fairness.signals.title')}</h2>
        <SignalsPanel
          key={`signals-${unitCode}-${period.id}`}
          unitCode={unitCode}
          periodId={period.id}
          isBkpsdm={isBkpsdm}
        />
      </section>
      <section aria-labelledby="fair-adoption">
        <h2 id="fair-adoption">{t('fairness.adoption.title')}</h2>
        <AdoptionPanel
          key={`adoption-${unitCode}-${period.id}`}
          unitCode={unitCode}
          periodId={period.id}
          isBkpsdm={isBkpsdm}
        />
      </section>
    </>
  );
}

/**
 * Dasbor: a head of unit's view of a period — the Kepala Dinas her whole Dinas, a Kepala Bidang his bidang (their
 * own unit by default); BKPSDM, an Admin OPD or an auditor pick any unit they may monitor. `?unit=<code>` and
 * `?periode=<id>` name what is shown, so every row of a child unit links to the same dashboard for that unit. One
 * request per panel: activity, service indicators, the year's trend, follow-ups. A unit the viewer may not read
 * shows the API's own refusal in each panel.
 */
import { Link, useLocation, useSearch } from 'wouter';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { addWords, useI18n } from '../i18n';
import { seesFairness } from '../viewer';
import * as words from '../words/dashboard';
import { todayWib, yearOf } from './activities/dates';
import { ActivityPanel } from './dashboard/ActivityPanel';
import { useUnitTree, useYear } from './dashboard/data';
import { FollowUpsPanel } from './dashboard/FollowUpsPanel';
import { PeriodPicker } from './dashboard/PeriodPicker';
import { ServicePanel } from './dashboard/ServicePanel';
import { dashboardHref, pickPeriod } from './dashboard/shape';
import { TrendPanel } from './dashboard/TrendPanel';
import { fairnessHref } from './fairness/shape';

addWords(words);

export function Dashboard() {
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
  const period = yearRead.data ? pickPeriod(yearRead.data.periods, today, askedPeriod) : undefined;
  const unit = tree.data?.units.find((u) => u.code === unitCode);
  const go = (code: string, periodId: string | undefined) => navigate(dashboardHref(code, periodId));
  const years = [yearOf(today), yearOf(today) - 1];
  return (
    <>
      <PageTitle>{t('nav.dashboard')}</PageTitle>
      {me.error && <FormError error={me.error} />}
      <PeriodPicker
        labels={{
          unit: t('dashboard.pick.unit'),
          year: t('dashboard.pick.year'),
          period: t('dashboard.pick.period'),
          wholeYear: (y) => t('dashboard.pick.wholeYear', { year: y }),
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
        <p className="dash-unit" data-testid="dashboard-unit">
          {t('dashboard.showing', { unit: unit?.name ?? unitCode, period: period?.id ?? '…' })}
        </p>
      )}
      {unitCode && period ? (
        <div className="dash">
          <section aria-labelledby="dash-service">
            <h2 id="dash-service">{t('dashboard.service.title')}</h2>
            <TrendPanel key={`trend-${unitCode}-${year}`} unitCode={unitCode} year={year} />
            <ServicePanel key={`svc-${unitCode}-${period.id}`} unitCode={unitCode} periodId={period.id} />
          </section>
          <section aria-labelledby="tindak-lanjut">
            <h2 id="tindak-lanjut">{t('dashboard.followUps.title')}</h2>
            <FollowUpsPanel key={`fu-${unitCode}`} unitCode={unitCode} />
          </section>
          <section aria-labelledby="dash-activity">
            <h2 id="dash-activity">{t('dashboard.activity.title')}</h2>
            <ActivityPanel key={`act-${unitCode}-${period.id}`} unitCode={unitCode} periodId={period.id} />
          </section>
          {me.data && seesFairness(me.data) && period.kind !== 'year' ? (
            // A pointer, not a panel: reading the unit's signals is an audited view, so it happens only on request.
            <section aria-labelledby="dash-fairness">
              <h2 id="dash-fairness">{t('dashboard.fairness.title')}</h2>
              <p>{t('dashboard.fairness.text')}</p>
              <Link href={fairnessHref(unitCode, period.id)} className="page-link">
                {t('dashboard.fairness.open', { unit: unit?.name ?? unitCode })}
              </Link>
            </section>
          ) : null}
        </div>
      ) : (
        !me.error &&
        !yearRead.error &&
        (me.data && !unitCode ? <p>{t('dashboard.pick.none')}</p> : <p role="status">{t('loading')}</p>)
      )}
    </>
  );
}

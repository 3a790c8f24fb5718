/**
 * Periode & penilaian (BKPSDM; auditors read): a performance year and its periods, the rules and their versions,
 * and for a chosen period the scoring run with its live progress, the distribution check OPD by OPD with its
 * chart, finalisation per OPD and the reward list with its CSV. Everything through the public API; anyone else
 * who types the address gets the API's own refusal.
 */
import { useState } from 'react';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { addWords, useI18n } from '../i18n';
import { runsPeriods } from '../viewer';
import * as words from '../words/periods';
import { todayWib, yearOf } from './activities/dates';
import { SelectField } from './activities/fields';
import { periodName } from './evaluation/names';
import { OpdDistribution } from './periods/Distribution';
import { type Period, type Unit, useDistribution, useUnits, useYear } from './periods/data';
import { FinaliseOpds } from './periods/Finalise';
import { Rewards } from './periods/Rewards';
import { Rules } from './periods/Rules';
import { Scoring } from './periods/Scoring';
import { UnitPredikatForm } from './periods/UnitPredikat';
import { OpenYear, PeriodList, stateName } from './periods/YearPeriods';

addWords(words);

export function Periods() {
  const { t } = useI18n();
  const me = useMe();
  const thisYear = yearOf(todayWib());
  const [year, setYear] = useState(thisYear);
  const groups = me.data?.groups ?? [];
  if (!me.data) return <PageTitle>{t('nav.periods')}</PageTitle>;
  if (!runsPeriods({ groups })) return <NotAllowed />;
  const canAct = groups.includes('admin_bkpsdm');
  return (
    <>
      <PageTitle>{t('nav.periods')}</PageTitle>
      {canAct ? null : <p className="note">{t('periods.readOnly')}</p>}
      <SelectField label={t('periods.year')} name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
        {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <YearWork year={year} canAct={canAct} />
    </>
  );
}

/** Someone who neither runs nor audits periods typed the address: the API's answer, nothing else. */
function NotAllowed() {
  const { t } = useI18n();
  const today = todayWib();
  const probe = useDistribution(yearOf(today), today.slice(0, 7));
  return (
    <>
      <PageTitle>{t('nav.periods')}</PageTitle>
      {probe.isPending ? <p role="status">{t('loading')}</p> : <FormError error={probe.error} />}
    </>
  );
}

function YearWork({ year, canAct }: { year: number; canAct: boolean }) {
  const { t } = useI18n();
  const read = useYear(year);
  if (read.isError)
    return (
      <>
        <FormError error={read.error} />
        <button type="button" onClick={() => void read.refetch()}>
          {t('error.retry')}
        </button>
      </>
    );
  if (read.isPending || read.data === undefined) return <p role="status">{t('loading')}</p>;
  if (read.data === null || read.data.year !== year) return <OpenYear key={year} year={year} canAct={canAct} />;
  const periods = read.data.periods;
  return (
    <>
      <PeriodList year={year} periods={periods} canAct={canAct} />
      <Rules key={`rules-${year}`} year={year} canAct={canAct} />
      <PeriodWork key={`work-${year}`} year={year} periods={periods} canAct={canAct} />
    </>
  );
}

/** Unless chosen: the latest begun month or quarter not final yet, else the latest begun, else the first. */
function defaultPeriod(periods: Period[], today: string): Period | undefined {
  const begun = periods
    .filter((p) => p.kind !== 'year' && p.start <= today)
    .sort((a, b) => b.start.localeCompare(a.start));
  return begun.find((p) => p.state !== 'finalised') ?? begun[0] ?? periods[0];
}

function PeriodWork({ year, periods, canAct }: { year: number; periods: Period[]; canAct: boolean }) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<string>();
  const period = periods.find((p) => p.id === chosen) ?? defaultPeriod(periods, todayWib());
  const units = useUnits();
  if (!period) return null;
  const opds = (units.data?.units ?? []).filter((u) => u.kind === 'opd');
  return (
    <section aria-labelledby="periods-work">
      <h2 id="periods-work">{t('periods.workTitle')}</h2>
      <SelectField
        label={t('periods.period')}
        name="period"
        value={period.id}
        hint={t('periods.periodHint')}
        onChange={(e) => setChosen(e.target.value)}
      >
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {periodName(p, t, locale)} — {stateName(p.state, t)}
          </option>
        ))}
      </SelectField>
      {units.isError ? <FormError error={units.error} /> : null}
      <Scoring key={`scoring-${period.id}`} year={year} period={period} opds={opds} canAct={canAct} />
      <Check key={`check-${period.id}`} year={year} period={period} units={units.data?.units ?? []} canAct={canAct} />
      {units.data ? <Rewards key={`rewards-${period.id}`} periodId={period.id} units={units.data.units} /> : null}
    </section>
  );
}

/** The distribution check and finalisation: the organisation's report gives the OPDs and where each stands. */
function Check({ year, period, units, canAct }: { year: number; period: Period; units: Unit[]; canAct: boolean }) {
  const { t } = useI18n();
  const report = useDistribution(year, period.id);
  const [opd, setOpd] = useState<string>();
  const opds = report.data?.opds ?? [];
  const opdOf = (code: string) => units.find((u) => u.code === code)?.path.split('/')[1] ?? code;
  // Unless chosen: the first OPD with a unit that carries a leadership predikat (its curve can be drawn).
  const withCurve = opds.find((o) => report.data?.units.some((u) => opdOf(u.unitCode) === o.opdCode));
  const shown = opd ?? withCurve?.opdCode ?? opds[0]?.opdCode;
  const opdUnits = units.filter((u) => u.path.startsWith(`/${shown}/`));
  return (
    <>
      <section aria-labelledby="periods-curve">
        <h2 id="periods-curve">{t('periods.curve.title')}</h2>
        {report.isError ? (
          <FormError error={report.error} />
        ) : !report.data ? (
          <p role="status">{t('loading')}</p>
        ) : (
          <>
            <SelectField
              label={t('periods.curve.opd')}
              name="opd"
              value={shown}
              onChange={(e) => setOpd(e.target.value)}
            >
              {opds.map((o) => (
                <option key={o.opdCode} value={o.opdCode}>
                  {o.opdName}
                </option>
              ))}
            </SelectField>
            {shown ? <OpdDistribution year={year} periodId={period.id} opd={shown} /> : null}
            {canAct && shown && opds.find((o) => o.opdCode === shown)?.state === 'pending' && opdUnits.length > 0 ? (
              <UnitPredikatForm
                key={shown}
                year={year}
                periodId={period.id}
                opd={shown}
                units={opdUnits}
                current={Object.fromEntries((report.data?.units ?? []).map((u) => [u.unitCode, u.unitPredikat]))}
              />
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="periods-finalise">
        <h2 id="periods-finalise">{t('periods.finalise.title')}</h2>
        {report.data ? <FinaliseOpds year={year} period={period} opds={opds} canAct={canAct} /> : null}
      </section>
    </>
  );
}

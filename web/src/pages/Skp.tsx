/**
 * SKP: the employee's plan for the current year (WIB), end to end. No plan yet: write one (or copy last year's).
 * A draft or a returned plan (with the supervisor's note): edit, save, submit. Submitted: read it while it waits.
 * Approved: read it, or start a revision with a reason. The version in force and the list of versions below.
 */
import { useEffect, useRef, useState } from 'react';
import { DownloadPdf, usePlanPdf } from '../components/DownloadPdf';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { todayWib, yearOf } from './activities/dates';
import { CopyLastYear } from './skp/CopyLastYear';
import { type Plan, usePlan, useSupervisorPlan } from './skp/data';
import { PlanEditor } from './skp/PlanEditor';
import { PlanVersionView } from './skp/PlanVersionView';
import { RevisePlan } from './skp/RevisePlan';
import { VersionHistory } from './skp/VersionHistory';

export function Skp() {
  const { t } = useI18n();
  const year = yearOf(todayWib());
  const plan = usePlan(year);
  const [outcome, setOutcome] = useState({ message: '' });
  const statusLine = useRef<HTMLParagraphElement>(null);
  // After a step the page may change under the person's focus: the outcome is where they continue from.
  useEffect(() => {
    if (outcome.message) statusLine.current?.focus();
  }, [outcome]);
  const onOutcome = (message: string) => setOutcome({ message });

  return (
    <>
      <PageTitle>{t('nav.skp')}</PageTitle>
      <p ref={statusLine} role="status" className="status-line" tabIndex={-1}>
        {outcome.message}
      </p>
      {plan.isError ? (
        <FormError error={plan.error} />
      ) : plan.data === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <section aria-labelledby="skp-plan">
          <h2 id="skp-plan">{t('skp.planTitle', { year })}</h2>
          {plan.data === null ? (
            <>
              <p>{t('skp.none', { year })}</p>
              <CopyLastYear year={year} onOutcome={onOutcome} />
              <PlanEditor key="plan-1" year={year} latest={undefined} onOutcome={onOutcome} />
            </>
          ) : (
            <PlanOf plan={plan.data} year={year} onOutcome={onOutcome} />
          )}
        </section>
      )}
      {plan.data && (
        <section aria-labelledby="skp-history">
          <h2 id="skp-history">{t('skp.versions.title')}</h2>
          <VersionHistory versions={plan.data.versions} />
        </section>
      )}
    </>
  );
}

function PlanOf({ plan, year, onOutcome }: { plan: Plan; year: number; onOutcome: (message: string) => void }) {
  const { t } = useI18n();
  const supervisor = useSupervisorPlan(year);
  const parentTitles = new Map(supervisor.data?.rhk.map((r) => [r.id, r.title]));
  const { latest, inForce } = plan;
  const editable = latest.state === 'draft' || latest.state === 'returned';
  const showInForce = inForce && inForce.planVersion !== latest.planVersion;
  return (
    <>
      {editable ? (
        // A new plan is saved as version 1: the same key, so the editor stays (and its messages with it).
        <PlanEditor key={`plan-${latest.planVersion}`} year={year} latest={latest} onOutcome={onOutcome} />
      ) : (
        <>
          <PlanVersionView
            plan={latest}
            inForce={inForce?.planVersion === latest.planVersion}
            parentTitles={parentTitles}
          />
          {latest.state === 'submitted' && <p className="note">{t('skp.submittedNote')}</p>}
          {latest.state === 'approved' && <RevisePlan year={year} onOutcome={onOutcome} />}
        </>
      )}
      <PlanPdf year={year} version={latest.planVersion} />
      {showInForce && (
        <section aria-labelledby="skp-in-force">
          <h3 id="skp-in-force">{t('skp.inForceTitle')}</h3>
          <PlanVersionView plan={inForce} inForce parentTitles={parentTitles} />
          <PlanPdf year={year} version={inForce.planVersion} />
        </section>
      )}
    </>
  );
}

/** The Dokumen SKP of one version as a PDF (a version not approved prints as a DRAFT). */
function PlanPdf({ year, version }: { year: number; version: number }) {
  const { t } = useI18n();
  return <DownloadPdf download={usePlanPdf('me', year, version)} label={t('skp.pdfLabel', { version })} />;
}

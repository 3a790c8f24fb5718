/**
 * SKP: the employee's plan for the current year (WIB), read-only: the version in force (else the latest) with its
 * state, dates, RHK and IKI, and the list of versions.
 */
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { todayWib, yearOf } from './activities/dates';
import { usePlan } from './skp/data';
import { PlanVersionView } from './skp/PlanVersionView';
import { VersionHistory } from './skp/VersionHistory';

export function Skp() {
  const { t } = useI18n();
  const year = yearOf(todayWib());
  const plan = usePlan(year);
  return (
    <>
      <PageTitle>{t('nav.skp')}</PageTitle>
      {plan.isError ? (
        <FormError error={plan.error} />
      ) : plan.data === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : plan.data === null ? (
        <p>{t('skp.none', { year })}</p>
      ) : (
        <>
          <section aria-labelledby="skp-plan">
            <h2 id="skp-plan">{t('skp.planTitle', { year })}</h2>
            <PlanVersionView plan={plan.data.inForce ?? plan.data.latest} inForce={plan.data.inForce !== undefined} />
          </section>
          <section aria-labelledby="skp-history">
            <h2 id="skp-history">{t('skp.versions.title')}</h2>
            <VersionHistory versions={plan.data.versions} />
          </section>
        </>
      )}
    </>
  );
}

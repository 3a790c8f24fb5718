/**
 * Penilaian: one's own evaluation of a chosen period (figures, how each was computed, the appeal), and for those who
 * lead a team today (direct subordinates, or Plt/Plh on their dates) the team's evaluations to rate and confirm.
 */
import { useState } from 'react';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { leadsATeam } from '../viewer';
import { SelectField } from './activities/fields';
import { isScored, usePeriods } from './evaluation/data';
import { MyEvaluation } from './evaluation/MyEvaluation';
import { periodName } from './evaluation/names';
import { TeamEvaluations } from './evaluation/TeamEvaluations';

export function Evaluation() {
  const { t, locale } = useI18n();
  const me = useMe();
  const periods = usePeriods();
  const [chosen, setChosen] = useState<string>();
  const list = periods.data ?? [];
  // Unless chosen: the latest period with figures, else the latest begun.
  const period = list.find((p) => p.id === chosen) ?? list.find((p) => isScored(p.state)) ?? list[0];
  const leads = me.data ? leadsATeam(me.data) : false;
  return (
    <>
      <PageTitle>{t('nav.evaluation')}</PageTitle>
      {periods.isError ? (
        <>
          <FormError error={periods.error} />
          <button type="button" onClick={() => void periods.refetch()}>
            {t('error.retry')}
          </button>
        </>
      ) : periods.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : !period ? (
        <p>{t('evaluation.noPeriods')}</p>
      ) : (
        <>
          <SelectField
            label={t('evaluation.period')}
            name="period"
            value={period.id}
            onChange={(e) => setChosen(e.target.value)}
          >
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {periodName(p, t, locale)}
              </option>
            ))}
          </SelectField>
          <section aria-labelledby="evaluation-mine">
            <h2 id="evaluation-mine">{t('evaluation.mineTitle')}</h2>
            <MyEvaluation period={period} />
          </section>
          {leads && (
            <section aria-labelledby="evaluation-team">
              <h2 id="evaluation-team">{t('evaluation.teamTitle')}</h2>
              {/* Keyed by period: another period starts with no panel open on someone else's figures. */}
              <TeamEvaluations key={period.id} period={period} />
            </section>
          )}
        </>
      )}
    </>
  );
}

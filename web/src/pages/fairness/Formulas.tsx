/** How leniency and central tendency are computed, in words, with the run's own formula text when it gives one. */
import { useI18n } from '../../i18n';
import type { RaterComparison } from './data';

export function Formulas({ comparison }: { comparison?: RaterComparison }) {
  const { t } = useI18n();
  const leniency = comparison?.leniency.formula;
  const central = comparison?.centralTendency.formula;
  return (
    <details className="fair-formula">
      <summary>{t('fairness.formula.title')}</summary>
      <p>{t('fairness.formula.leniency')}</p>
      {leniency ? <p className="explain">{t('fairness.formula.fromApi', { formula: leniency })}</p> : null}
      <p>{t('fairness.formula.central')}</p>
      {central ? <p className="explain">{t('fairness.formula.fromApi', { formula: central })}</p> : null}
    </details>
  );
}

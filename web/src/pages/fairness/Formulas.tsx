/** How leniency and central tendency are computed, in words, with the run's own formula text when it gives one. */
import { useI18n } from '../../i18n';
import type { RaterComparison } from './data';
import { formulaText } from './shape';

export function Formulas({ comparison }: { comparison?: RaterComparison }) {
  const { t, lang } = useI18n();
  const leniency = formulaText(comparison?.leniency?.formula, lang);
  const central = formulaText(comparison?.centralTendency?.formula, lang);
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

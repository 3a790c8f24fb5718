/**
 * What a fairness read that failed says: "not computed yet" (404) as a state with what to do — wait for the daily
 * run, or, for BKPSDM, compute it now — and any other failure (a refusal, the network) as the API's own message.
 */
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { notComputed } from './shape';

export function Failure({ error, isBkpsdm, own }: { error: unknown; isBkpsdm?: boolean; own?: boolean }) {
  const { t } = useI18n();
  if (notComputed(error))
    return (
      <p className="status-line" data-state="not-computed">
        {own ? t('signals.notComputed') : isBkpsdm ? t('fairness.notComputedBkpsdm') : t('fairness.notComputed')}
      </p>
    );
  return <FormError error={error} />;
}

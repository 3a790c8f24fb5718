/** For a year with no plan yet: copy last year's (offered only when there is one), links to the supervisor cleared. */
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useCreatePlan, usePlan } from './data';

export function CopyLastYear({ year, onOutcome }: { year: number; onOutcome: (message: string) => void }) {
  const { t } = useI18n();
  const last = usePlan(year - 1);
  const create = useCreatePlan(year);
  if (!last.data) return null;
  return (
    <div className="note">
      <p>{t('skp.edit.copyHint')}</p>
      <FormError error={create.error ?? undefined} />
      <button
        type="button"
        disabled={create.isPending}
        // The promise, not mutate's callbacks: once the copy exists this offer is gone, and those would not run.
        onClick={() =>
          create.mutateAsync({ copyFrom: year - 1 }).then(
            () => onOutcome(t('skp.edit.saved')),
            () => undefined, // shown from create.error
          )
        }
      >
        {t('skp.edit.copy', { year: year - 1 })}
      </button>
    </div>
  );
}

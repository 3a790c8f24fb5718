/**
 * One version of the plan: its state in words (with the supervisor's note when returned), dates, RHK (with the
 * supervisor's RHK each serves, by title when `parentTitles` knows it) and IKI.
 */
import { useI18n } from '../../i18n';
import type { Iki, PlanVersion, Rhk } from './data';
import { dateText, stateText, targetText } from './words';

export function PlanVersionView({
  plan,
  inForce,
  parentTitles,
}: {
  plan: PlanVersion;
  inForce: boolean;
  parentTitles?: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <p className="skp-head">
        <span>{t(inForce ? 'skp.inForce' : 'skp.latest', { version: plan.planVersion })}</span>
        <span className={`skp-state skp-state-${plan.state}`}>{stateText(plan.state, t)}</span>
      </p>
      {plan.state === 'returned' && plan.returnNote && (
        <p className="note">{t('skp.returnNote', { note: plan.returnNote })}</p>
      )}
      {plan.effectiveFrom && (
        <p>
          {plan.effectiveTo
            ? t('skp.effectiveRange', {
                from: dateText(plan.effectiveFrom, locale),
                to: dateText(plan.effectiveTo, locale),
              })
            : t('skp.effectiveFrom', { from: dateText(plan.effectiveFrom, locale) })}
        </p>
      )}
      {plan.rhk.length === 0 ? (
        <p>{t('skp.noRhk')}</p>
      ) : (
        <ul className="skp-rhk-list">
          {plan.rhk.map((r) => (
            <li key={r.id}>
              <RhkView rhk={r} parentTitle={r.parentRhkId ? parentTitles?.get(r.parentRhkId) : undefined} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RhkView({ rhk, parentTitle }: { rhk: Rhk; parentTitle: string | undefined }) {
  const { t } = useI18n();
  return (
    <article className="skp-rhk" aria-label={rhk.title}>
      <h3>{rhk.title}</h3>
      <p className="skp-hint">
        {t(rhk.kind === 'utama' ? 'skp.kind.utama' : 'skp.kind.tambahan')}
        {rhk.parentRhkId && (
          <> · {parentTitle ? t('skp.parentTitle', { title: parentTitle }) : t('skp.parentLinked')}</>
        )}
      </p>
      {rhk.unitGoal && <p className="skp-hint">{t('skp.unitGoal', { goal: rhk.unitGoal })}</p>}
      <ul className="skp-iki-list">
        {rhk.iki.map((k) => (
          <li key={k.id}>
            <IkiView iki={k} />
          </li>
        ))}
      </ul>
    </article>
  );
}

function IkiView({ iki }: { iki: Iki }) {
  const { t, locale } = useI18n();
  return (
    <>
      <p className="skp-iki">{iki.name}</p>
      <p>
        {t('skp.target', { target: targetText(iki.target, locale), unit: iki.unit })} ·{' '}
        {t('skp.weight', { weight: iki.weight.toLocaleString(locale) })}
      </p>
      <p className="skp-hint">
        {t(`skp.aspect.${iki.aspect}`)} · {t(`skp.direction.${iki.direction}`)}
      </p>
    </>
  );
}

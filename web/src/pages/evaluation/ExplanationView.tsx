/**
 * How every number was computed: achievement per IKI under its RHK, then nilai kinerja, hasil kerja, perilaku and
 * predikat, each with the API's explanation text exactly as given; then what the supervisor did with the
 * recommendation (confirmed, or changed with the reason, naming both ratings).
 */
import { type MessageKey, type Translate, useI18n } from '../../i18n';
import { usePlan } from '../skp/data';
import type { EvaluationInForce, Explanation, Rating } from './data';
import { ratingName } from './names';

interface Indicator {
  rhkId?: string;
  ikiId: string;
  name: string;
  text: string;
  /** null when there is nothing to measure (no realisasi recorded). */
  capaian?: number | null;
  level?: 'above' | 'meets' | 'below';
}

/** The indicators in plan order, grouped under their RHK (its title from the plan, when the plan still has it). */
function byRhk(indicators: Indicator[], titles: Map<string, string>) {
  const groups = new Map<string, { title?: string; indicators: Indicator[] }>();
  for (const i of indicators) {
    const key = i.rhkId ?? '';
    const group = groups.get(key) ?? { title: titles.get(key), indicators: [] };
    group.indicators.push(i);
    groups.set(key, group);
  }
  return [...groups.entries()];
}

export function ExplanationView({
  evaluation,
  explanation,
  year,
}: {
  evaluation: EvaluationInForce;
  explanation: Explanation;
  year: number;
}) {
  const { t, locale } = useI18n();
  const plan = usePlan(year);
  const version = plan.data?.inForce ?? plan.data?.latest;
  const titles = new Map((version?.rhk ?? []).map((r) => [r.id, r.title]));
  const indicators = explanation.indicators as Indicator[];
  const values = (explanation.perilaku.values ?? null) as Record<string, string> | null;
  return (
    <>
      <h3>{t('evaluation.indicatorsTitle')}</h3>
      {indicators.length === 0 ? (
        <p>{t('evaluation.noIndicators')}</p>
      ) : (
        byRhk(indicators, titles).map(([rhkId, group]) => (
          <div key={rhkId} className="evaluation-rhk">
            {group.title && <h4>{group.title}</h4>}
            <ul className="entries">
              {group.indicators.map((i) => (
                <li key={i.ikiId} className="entry">
                  <p className="entry-what">
                    <strong>{i.name}</strong>
                  </p>
                  {typeof i.capaian === 'number' && i.level && (
                    <p>
                      {t('evaluation.capaian', {
                        capaian: i.capaian.toLocaleString(locale, { maximumFractionDigits: 2 }),
                        level: t(`evaluation.level.${i.level}` as MessageKey),
                      })}
                    </p>
                  )}
                  <p className="explain">{i.text}</p>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      <h3>{t('evaluation.howTitle')}</h3>
      <dl className="explain-list">
        <dt>{t('evaluation.nilaiKinerja')}</dt>
        <dd className="explain">{explanation.nilaiKinerja.text}</dd>
        <dt>{t('evaluation.hasilKerja')}</dt>
        <dd className="explain">{explanation.hasilKerja.text}</dd>
        <dt>{t('evaluation.perilaku')}</dt>
        <dd className="explain">
          {explanation.perilaku.text}
          {values && (
            <ul aria-label={t('evaluation.behaviourValues')}>
              {Object.entries(values).map(([value, rating]) => (
                <li key={value}>
                  {value}: {rating}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('evaluation.predikat')}</dt>
        <dd className="explain">{explanation.predikat.text}</dd>
      </dl>
      <Review evaluation={evaluation} explanation={explanation} />
    </>
  );
}

/** The supervisor's decision on the recommendation, while it is the one in force. */
function Review({ evaluation, explanation }: { evaluation: EvaluationInForce; explanation: Explanation }) {
  const { t } = useI18n();
  const review = evaluation.review;
  if (!review || !evaluation.outcome.reviewCurrent) return null;
  const recommended = {
    hasilKerja: explanation.hasilKerja.recommended as Rating | undefined,
    perilaku: explanation.perilaku.recommended as Rating | undefined,
  };
  const overrides = (['hasilKerja', 'perilaku'] as const).filter(
    (what) => recommended[what] && review[what] !== recommended[what],
  );
  if (overrides.length === 0) return <p>{t('evaluation.confirmed')}</p>;
  return (
    <>
      {overrides.map((what) => (
        <p key={what} className="override">
          {overrideText(t, what, recommended[what]!, review[what], review.reasons[what] ?? '')}
        </p>
      ))}
    </>
  );
}

const overrideText = (t: Translate, what: 'hasilKerja' | 'perilaku', from: Rating, to: Rating, reason: string) =>
  t('evaluation.override', {
    what: t(`evaluation.${what}`).toLowerCase(),
    recommended: ratingName(from, t),
    rating: ratingName(to, t),
    reason,
  });

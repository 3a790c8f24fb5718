/**
 * The year's scoring rules: the version in force in words, any two stored versions side by side with what differs
 * marked (in words, not colour alone), and for BKPSDM a new version — each API message under its field, a stale
 * `expectedRulesVersion` (409) answered with a reload of the versions while the typing stays.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { Field, FormError } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { SelectField, TextAreaField } from '../activities/fields';
import { fieldErrorsOf, type RulesInput, type RulesVersion, useRules, useUpdateRules } from './data';
import { formatMoment } from './format';

const scoringFields = [
  'capaianCap',
  'aboveThreshold',
  'meetsThreshold',
  'dailyMinuteCap',
  'appealWindowDays',
  'inputDeadlineDay',
  'scoringDelayDays',
  'reminderAfterDays',
] as const satisfies ReadonlyArray<keyof RulesInput>;

/** Thresholds of the fairness signals, rater patterns and adoption: versioned with the rest, shown as their own group. */
const fairnessFields = [
  'duplicateSimilarityPct',
  'duplicateMinDays',
  'capStreakDays',
  'lateWindowDays',
  'lateSharePct',
  'lateMinEntries',
  'overclaimRatioPct',
  'overclaimMinGap',
  'sharedOutputMinPeople',
  'bulkSeconds',
  'bulkMinEntries',
  'raterMinRated',
  'leniencyThresholdPct',
  'centralTendencyPct',
  'idleWorkingDays',
  'queueDeadlineDays',
  'adoptionMinPct',
] as const satisfies ReadonlyArray<keyof RulesInput>;

const ruleFields = [...scoringFields, ...fairnessFields] as const;

const label = (field: string) => `periods.rules.${field}` as MessageKey;

export function Rules({ year, canAct }: { year: number; canAct: boolean }) {
  const { t } = useI18n();
  const rules = useRules(year);
  return (
    <section aria-labelledby="periods-rules">
      <h2 id="periods-rules">{t('periods.rules.title', { year })}</h2>
      {rules.isError ? (
        <FormError error={rules.error} />
      ) : rules.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : !rules.data ? null : (
        <>
          <RulesInForce rules={rules.data.current} />
          <CompareVersions versions={rules.data.history} />
          {canAct ? <NewRulesVersion year={year} current={rules.data.current} /> : null}
        </>
      )}
    </section>
  );
}

function RulesInForce({ rules }: { rules: RulesVersion }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h3>{t('periods.rules.inForce', { version: rules.rulesVersion })}</h3>
      <dl className="facts">
        {ruleFields.map((f) => (
          <Fact key={f} term={t(label(f))} value={String(rules[f])} />
        ))}
        <Fact term={t('periods.rules.reason')} value={rules.reason} />
        <Fact
          term={t('periods.rules.setBy')}
          value={`${rules.updatedBy.replace(/^nip:/, 'NIP ')}, ${formatMoment(rules.updatedAt, locale)}`}
        />
      </dl>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Two versions side by side: by default the one before the version in force, and the version in force. */
function CompareVersions({ versions }: { versions: RulesVersion[] }) {
  const { t, locale } = useI18n();
  // Unless chosen: the version before the one in force, and the one in force (also after a new one is set).
  const [left, setLeft] = useState<number>();
  const [right, setRight] = useState<number>();
  if (versions.length < 2) return <p>{t('periods.rules.oneVersion')}</p>;
  const a = versions.find((v) => v.rulesVersion === left) ?? versions[1]!;
  const b = versions.find((v) => v.rulesVersion === right) ?? versions[0]!;
  const rows: Array<{ key: string; name: string; a: string; b: string }> = [
    ...ruleFields.map((f) => ({ key: f, name: t(label(f)), a: String(a[f]), b: String(b[f]) })),
    { key: 'reason', name: t('periods.rules.reason'), a: a.reason, b: b.reason },
    {
      key: 'at',
      name: t('periods.rules.setAt'),
      a: formatMoment(a.updatedAt, locale),
      b: formatMoment(b.updatedAt, locale),
    },
  ];
  const differing = rows.filter((r) => r.key !== 'at' && r.key !== 'reason' && r.a !== r.b).length;
  const versionOption = (v: RulesVersion) => (
    <option key={v.rulesVersion} value={v.rulesVersion}>
      {t('periods.rules.version', { version: v.rulesVersion })}
    </option>
  );
  return (
    <>
      <h3 id="periods-rules-compare">{t('periods.rules.compare')}</h3>
      <div className="pair">
        <SelectField
          label={t('periods.rules.left')}
          name="left"
          value={a.rulesVersion}
          onChange={(e) => setLeft(Number(e.target.value))}
        >
          {versions.map(versionOption)}
        </SelectField>
        <SelectField
          label={t('periods.rules.right')}
          name="right"
          value={b.rulesVersion}
          onChange={(e) => setRight(Number(e.target.value))}
        >
          {versions.map(versionOption)}
        </SelectField>
      </div>
      <p aria-live="polite">{t('periods.rules.differences', { count: differing })}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must take the keyboard to scroll */}
      <section className="table-scroll" tabIndex={0} aria-labelledby="periods-rules-compare">
        <table className="data-table">
          <caption>{t('periods.rules.compareCaption', { a: a.rulesVersion, b: b.rulesVersion })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('periods.rules.rule')}</th>
              <th scope="col">{t('periods.rules.version', { version: a.rulesVersion })}</th>
              <th scope="col">{t('periods.rules.version', { version: b.rulesVersion })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const differs = r.key !== 'at' && r.a !== r.b;
              return (
                <tr key={r.key} className={differs ? 'differs' : undefined}>
                  <th scope="row">
                    {r.name}
                    {differs ? <span className="diff-flag">{t('periods.rules.differs')}</span> : null}
                  </th>
                  <td>{r.a}</td>
                  <td>{r.b}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}

type Draft = Record<(typeof ruleFields)[number], string> & { reason: string };

const draftOf = (rules: RulesVersion): Draft => ({
  ...(Object.fromEntries(ruleFields.map((f) => [f, String(rules[f])])) as Record<(typeof ruleFields)[number], string>),
  reason: '',
});

function NewRulesVersion({ year, current }: { year: number; current: RulesVersion }) {
  const { t } = useI18n();
  const update = useUpdateRules(year);
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [saved, setSaved] = useState<number>();
  const errors = fieldErrorsOf(update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(undefined);
    const numbers = Object.fromEntries(
      ruleFields.map((f) => [f, draft[f].trim() === '' ? undefined : Number(draft[f])]),
    ) as RulesInput;
    // Against the version in force as read now: after a 409 the versions are read again, the typing stays.
    update.mutate(
      { ...numbers, reason: draft.reason, expectedRulesVersion: current.rulesVersion },
      { onSuccess: (v) => setSaved(v.rulesVersion) },
    );
  };
  const stale = update.error instanceof ApiError && update.error.status === 409;
  return (
    <form onSubmit={submit} aria-labelledby="periods-rules-new" noValidate>
      <h3 id="periods-rules-new">{t('periods.rules.newTitle')}</h3>
      <p className="hint">{t('periods.rules.newHint', { version: current.rulesVersion })}</p>
      <FormError error={update.error} />
      {stale ? <p className="note">{t('periods.rules.staleKept')}</p> : null}
      {scoringFields.map((f) => (
        <Field
          key={f}
          label={t(label(f))}
          name={f}
          type="number"
          inputMode="numeric"
          value={draft[f]}
          error={errors[f]}
          onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
        />
      ))}
      <fieldset>
        <legend>{t('periods.rules.fairnessGroup')}</legend>
        {fairnessFields.map((f) => (
          <Field
            key={f}
            label={t(label(f))}
            name={f}
            type="number"
            inputMode="numeric"
            value={draft[f]}
            error={errors[f]}
            onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
          />
        ))}
      </fieldset>
      <TextAreaField
        label={t('periods.rules.reason')}
        name="reason"
        value={draft.reason}
        error={errors.reason}
        onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
      />
      <button type="submit" className="primary" disabled={update.isPending}>
        {t('periods.rules.save')}
      </button>
      <p role="status" className="status-line">
        {saved ? t('periods.rules.saved', { version: saved }) : ''}
      </p>
    </form>
  );
}

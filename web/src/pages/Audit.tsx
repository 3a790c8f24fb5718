/**
 * Jejak audit (auditors): the organisation's changes of a month (WIB) or one day of it, a person's (NIP), or one
 * record's history — each from the API's keys, a page at a time, newest first — and, among the entries loaded,
 * those of one actor or record kind. Each entry says who, when, what changed (before → after), why when the
 * change carries a reason, and the correlation id.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Field, FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { addWords, useI18n } from '../i18n';
import * as words from '../words/audit';
import { todayWib } from './activities/dates';
import { SelectField } from './activities/fields';
import { type AuditFilter, locallyFiltered, sourceOf, useAuditEntries } from './audit/data';
import { EntryItem, entityName } from './audit/EntryItem';

addWords(words);

const ENTITIES = [
  'Evaluation',
  'EvaluationScore',
  'BehaviourInput',
  'UnitPredikat',
  'Plan',
  'Activity',
  'Employee',
  'ActingAssignment',
  'Unit',
  'PerformanceYear',
  'Period',
  'Rules',
  'Feedback',
  'Dialog',
  'ServiceTransaction',
  'SurveyResponse',
  'SurveyFollowUp',
  'Print',
  'Download',
  'PersonSignals',
  'SignalsView',
];

const blank = (): AuditFilter => ({
  month: todayWib().slice(0, 7),
  date: '',
  nip: '',
  entity: '',
  entityId: '',
  actor: '',
});

export function Audit() {
  const { t } = useI18n();
  const [applied, setApplied] = useState<AuditFilter>(blank);
  return (
    <>
      <PageTitle>{t('nav.audit')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <Filters applied={applied} onApply={setApplied} />
      <Entries filter={applied} onHistory={(entity, entityId) => setApplied({ ...blank(), entity, entityId })} />
    </>
  );
}

function Filters({ applied, onApply }: { applied: AuditFilter; onApply: (f: AuditFilter) => void }) {
  const { t } = useI18n();
  const [f, setF] = useState(applied);
  // A filter applied from elsewhere (an entry's record history) shows in the fields; the focus stays where it is.
  useEffect(() => setF(applied), [applied]);
  const [missing, setMissing] = useState(false);
  const set = (k: keyof AuditFilter) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { ...f, nip: f.nip.trim(), entityId: f.entityId.trim() };
    // The organisation's trail is read by month: without a month, a NIP or a record id there is nothing to ask.
    if (!next.month && !next.date && !next.nip && !(next.entity && next.entityId)) return setMissing(true);
    setMissing(false);
    onApply(next);
  };
  return (
    <section aria-labelledby="audit-filters">
      <h2 id="audit-filters">{t('audit.filtersTitle')}</h2>
      <form onSubmit={submit} noValidate aria-labelledby="audit-filters" className="audit-filters">
        <Field
          label={t('audit.month')}
          name="month"
          type="month"
          value={f.month}
          onChange={set('month')}
          error={missing ? t('audit.monthRequired') : undefined}
        />
        <Field
          label={t('audit.date')}
          name="date"
          type="date"
          hint={t('audit.dateHint')}
          value={f.date}
          onChange={set('date')}
        />
        <Field
          label={t('audit.nip')}
          name="nip"
          inputMode="numeric"
          autoComplete="off"
          hint={t('audit.nipHint')}
          value={f.nip}
          onChange={set('nip')}
        />
        <SelectField label={t('audit.entity')} name="entity" value={f.entity} onChange={set('entity')}>
          <option value="">{t('audit.entityAny')}</option>
          {ENTITIES.map((e) => (
            <option key={e} value={e}>
              {`${entityName(e, t)} (${e})`}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('audit.entityId')}
          name="entityId"
          autoComplete="off"
          hint={t('audit.entityIdHint')}
          value={f.entityId}
          onChange={set('entityId')}
        />
        <Field
          label={t('audit.actor')}
          name="actor"
          autoComplete="off"
          hint={t('audit.actorHint')}
          value={f.actor}
          onChange={set('actor')}
        />
        <button type="submit" className="primary">
          {t('audit.apply')}
        </button>
      </form>
    </section>
  );
}

function Entries({
  filter,
  onHistory,
}: {
  filter: AuditFilter;
  onHistory: (entity: string, entityId: string) => void;
}) {
  const { t, locale } = useI18n();
  const entries = useAuditEntries(filter);
  const source = sourceOf(filter);
  const when = filter.date
    ? new Date(`${filter.date}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' })
    : filter.month
      ? new Date(`${filter.month}-01T00:00:00Z`).toLocaleDateString(locale, {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        })
      : '';
  const loaded = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = locallyFiltered(loaded, filter);
  return (
    <section aria-labelledby="audit-entries">
      <h2 id="audit-entries">{t('audit.entriesTitle')}</h2>
      <p role="status">
        {source === 'record'
          ? t('audit.showing.record', { entity: filter.entity, id: filter.entityId })
          : source === 'person'
            ? when
              ? t('audit.showing.person', { nip: filter.nip, when })
              : t('audit.showing.personAll', { nip: filter.nip })
            : t('audit.showing.org', { when })}
        {source !== 'record' && filter.entity ? ` ${t('audit.showing.entity', { entity: filter.entity })}` : ''}
        {filter.actor.trim()
          ? ` ${t('audit.showing.actor', { actor: filter.actor.trim(), count: loaded.length })}`
          : ''}
      </p>
      {entries.isError && <FormError error={entries.error} source="query" />}
      {entries.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : shown.length === 0 ? (
        entries.isError ? null : (
          <p>{t('audit.none')}</p>
        )
      ) : (
        <ul className="entries" aria-label={t('audit.entriesTitle')}>
          {shown.map((e) => (
            <EntryItem key={e.id} entry={e} onHistory={() => onHistory(e.entity, e.entityId)} />
          ))}
        </ul>
      )}
      {entries.hasNextPage && (
        <button type="button" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
          {entries.isFetchingNextPage ? t('audit.loadingMore') : t('audit.more')}
        </button>
      )}
    </section>
  );
}

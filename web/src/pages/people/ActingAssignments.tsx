/**
 * The Plt/Plh assignments a person holds (newest first, with the position holder's name), and the form to appoint
 * them Plt/Plh for someone's position on given dates. The API's messages go under the field they name.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { Field, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { SelectField } from '../activities/fields';
import { formatDate } from '../team/format';
import { type ActingInput, type Employee, useActingAssignments, useAppointActing } from './data';

export function ActingAssignments({ person }: { person: Employee }) {
  const { t, locale } = useI18n();
  const held = useActingAssignments(person.nip);
  return (
    <>
      {held.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : !held.data ? (
        <FormError error={held.error} />
      ) : held.data.items.length === 0 ? (
        <p>{t('people.acting.none', { name: person.name })}</p>
      ) : (
        <ul className="acting-list">
          {held.data.items.map((a) => (
            <li key={a.id}>
              {t('people.acting.item', {
                kind: a.kind === 'PLT' ? 'Plt' : 'Plh',
                holder: a.forName ?? a.forNip,
                from: formatDate(a.startDate, locale),
                to: formatDate(a.endDate, locale),
              })}
              {a.decreeNumber ? ` — ${t('people.acting.decree')} ${a.decreeNumber}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('people.acting.appointTitle', { name: person.name })}</h3>
      <AppointForm nip={person.nip} />
    </>
  );
}

function AppointForm({ nip }: { nip: string }) {
  const { t } = useI18n();
  const appoint = useAppointActing(nip);
  const [draft, setDraft] = useState<ActingInput>({ forNip: '', kind: 'PLT', startDate: '', endDate: '' });
  const [decree, setDecree] = useState('');
  const [sent, setSent] = useState('');
  const errors = appoint.error instanceof ApiError ? appoint.error.fieldErrors() : {};
  // An overlap is about the dates; a refusal (403: a position outside the admin's OPD) about the holder.
  const code = appoint.error instanceof ApiError ? appoint.error.code : undefined;
  const message = appoint.error instanceof ApiError ? appoint.error.message : undefined;
  const startError = errors.startDate ?? (code === 'acting_overlap' ? message : undefined);
  const forNipError = errors.forNip ?? (code === 'forbidden' ? message : undefined);
  const set = (patch: Partial<ActingInput>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    appoint.mutate(
      { ...draft, forNip: draft.forNip.trim(), ...(decree.trim() ? { decreeNumber: decree.trim() } : {}) },
      {
        onSuccess: (a) => {
          setDraft({ forNip: '', kind: 'PLT', startDate: '', endDate: '' });
          setDecree('');
          setSent(t('people.acting.appointed', { kind: a.kind === 'PLT' ? 'Plt' : 'Plh' }));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormError error={appoint.error} />
      <Field
        label={t('people.acting.forNip')}
        name="forNip"
        inputMode="numeric"
        autoComplete="off"
        hint={t('people.acting.forNipHint')}
        error={forNipError}
        value={draft.forNip}
        onChange={(e) => set({ forNip: e.target.value })}
      />
      <SelectField
        label={t('people.acting.kind')}
        name="kind"
        error={errors.kind}
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as ActingInput['kind'] })}
      >
        <option value="PLT">{t('people.acting.plt')}</option>
        <option value="PLH">{t('people.acting.plh')}</option>
      </SelectField>
      <Field
        label={t('people.acting.start')}
        name="startDate"
        type="date"
        error={startError}
        value={draft.startDate}
        onChange={(e) => set({ startDate: e.target.value })}
      />
      <Field
        label={t('people.acting.end')}
        name="endDate"
        type="date"
        error={errors.endDate}
        value={draft.endDate}
        onChange={(e) => set({ endDate: e.target.value })}
      />
      <Field
        label={t('people.acting.decreeField')}
        name="decreeNumber"
        error={errors.decreeNumber}
        value={decree}
        onChange={(e) => setDecree(e.target.value)}
      />
      <p role="status" className="sent">
        {sent}
      </p>
      <button type="submit" className="primary" disabled={appoint.isPending}>
        {t('people.acting.appoint')}
      </button>
    </form>
  );
}

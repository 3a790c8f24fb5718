/**
 * One person's record as a form: registering someone new (POST /employees) or changing a record (PATCH with the
 * version read: optimistic locking). A 409 says the record changed meanwhile, with its current version; "Muat
 * ulang" reads it again and starts the form from it. Each API message goes under the field it names.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { Field, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { SelectField } from '../activities/fields';
import { type Employee, type Unit, useCreateEmployee, useUpdateEmployee } from './data';

interface Draft {
  nip: string;
  name: string;
  position: string;
  employmentType: 'PNS' | 'PPPK';
  unitCode: string;
  supervisorNip: string;
  email: string;
  status: 'active' | 'inactive';
}

const draftOf = (e: Employee): Draft => ({
  nip: e.nip,
  name: e.name,
  position: e.position,
  employmentType: e.employmentType,
  unitCode: e.unitCode,
  supervisorNip: e.supervisorNip ?? '',
  email: e.email ?? '',
  status: e.status,
});

const blank = (unitCode: string): Draft => ({
  nip: '',
  name: '',
  position: '',
  employmentType: 'PNS',
  unitCode,
  supervisorNip: '',
  email: '',
  status: 'active',
});

const fieldsOf = (d: Draft) => ({
  name: d.name,
  position: d.position,
  employmentType: d.employmentType,
  unitCode: d.unitCode,
  supervisorNip: d.supervisorNip.trim() || null,
  ...(d.email.trim() ? { email: d.email.trim() } : {}),
});

/** Registers a new person; `onCreated` opens their record. */
export function NewEmployeeForm({
  units,
  unitCode,
  onCreated,
}: {
  units: Unit[];
  unitCode: string;
  onCreated: (nip: string) => void;
}) {
  const { t } = useI18n();
  const create = useCreateEmployee();
  const [draft, setDraft] = useState(() => blank(unitCode));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ nip: draft.nip.trim(), ...fieldsOf(draft) }, { onSuccess: (saved) => onCreated(saved.nip) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormError error={create.error} />
      <Fields draft={draft} setDraft={setDraft} units={units} error={create.error} isNew />
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('people.person.register')}
      </button>
    </form>
  );
}

/** Changes a stored record; `refetch` reads it again after a conflict. */
export function EditEmployeeForm({
  employee,
  units,
  refetch,
}: {
  employee: Employee;
  units: Unit[];
  refetch: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const update = useUpdateEmployee(employee.nip);
  const [draft, setDraft] = useState(() => draftOf(employee));
  const [base, setBase] = useState(employee.version);
  const [sent, setSent] = useState('');
  const conflict = update.error instanceof ApiError && update.error.status === 409;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    update.mutate(
      { version: base, status: draft.status, ...fieldsOf(draft) },
      {
        onSuccess: (saved) => {
          setBase(saved.version);
          setDraft(draftOf(saved));
          setSent(t('people.person.saved', { version: saved.version }));
        },
      },
    );
  };
  const reload = async () => {
    const fresh = (await refetch()) as { data?: Employee };
    if (fresh.data) {
      setDraft(draftOf(fresh.data));
      setBase(fresh.data.version);
    }
    update.reset();
    setSent(t('people.person.reloaded', { version: fresh.data?.version ?? base }));
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError error={update.error} />
      {conflict && (
        <button type="button" onClick={() => void reload()}>
          {t('people.person.reload')}
        </button>
      )}
      <p className="hint">{t('people.person.version', { version: base })}</p>
      <Fields draft={draft} setDraft={setDraft} units={units} error={update.error} />
      <SelectField
        label={t('people.person.status')}
        name="status"
        value={draft.status}
        onChange={(e) => setDraft({ ...draft, status: e.target.value as Draft['status'] })}
      >
        <option value="active">{t('people.status.active')}</option>
        <option value="inactive">{t('people.status.inactive')}</option>
      </SelectField>
      <p role="status" className="sent">
        {sent}
      </p>
      <button type="submit" className="primary" disabled={update.isPending}>
        {t('people.person.save')}
      </button>
    </form>
  );
}

function Fields({
  draft,
  setDraft,
  units,
  error,
  isNew = false,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  units: Unit[];
  error: unknown;
  isNew?: boolean;
}) {
  const { t } = useI18n();
  const errors = error instanceof ApiError ? error.fieldErrors() : {};
  // A refusal about the place (403: outside the admin's OPD) belongs to the unit field.
  const unitError = errors.unitCode ?? (error instanceof ApiError && error.status === 403 ? error.message : undefined);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  // A record outside the offered units keeps its own unit as an option.
  const options = units.some((u) => u.code === draft.unitCode)
    ? units
    : [{ code: draft.unitCode, name: draft.unitCode } as Unit, ...units];
  return (
    <>
      {isNew && (
        <Field
          label={t('people.person.nip')}
          name="nip"
          inputMode="numeric"
          autoComplete="off"
          hint={t('people.person.nipHint')}
          error={errors.nip}
          value={draft.nip}
          onChange={(e) => set({ nip: e.target.value })}
        />
      )}
      <Field
        label={t('people.person.name')}
        name="name"
        error={errors.name}
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <Field
        label={t('people.person.position')}
        name="position"
        error={errors.position}
        value={draft.position}
        onChange={(e) => set({ position: e.target.value })}
      />
      <SelectField
        label={t('people.person.type')}
        name="employmentType"
        error={errors.employmentType}
        value={draft.employmentType}
        onChange={(e) => set({ employmentType: e.target.value as Draft['employmentType'] })}
      >
        <option value="PNS">PNS</option>
        <option value="PPPK">PPPK</option>
      </SelectField>
      <SelectField
        label={t('people.person.unit')}
        name="unitCode"
        error={unitError}
        value={draft.unitCode}
        onChange={(e) => set({ unitCode: e.target.value })}
      >
        {options.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name} ({u.code})
          </option>
        ))}
      </SelectField>
      <Field
        label={t('people.person.supervisor')}
        name="supervisorNip"
        inputMode="numeric"
        autoComplete="off"
        hint={t('people.person.supervisorHint')}
        error={errors.supervisorNip}
        value={draft.supervisorNip}
        onChange={(e) => set({ supervisorNip: e.target.value })}
      />
      <Field
        label={t('people.person.email')}
        name="email"
        type="email"
        autoComplete="off"
        error={errors.email}
        value={draft.email}
        onChange={(e) => set({ email: e.target.value })}
      />
    </>
  );
}

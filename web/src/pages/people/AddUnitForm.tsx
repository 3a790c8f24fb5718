/**
 * Adds a unit under a chosen parent (BKPSDM may also add an OPD, with no parent). The kind follows from the parent:
 * a bidang under an OPD, a seksi under a bidang. The API's messages go under the field they name.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { Field, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { SelectField } from '../activities/fields';
import { type Unit, useCreateUnit } from './data';
import { childKind } from './scope';

const NO_PARENT = '';

export function AddUnitForm({ units, parent, wholeOrg }: { units: Unit[]; parent?: string; wholeOrg: boolean }) {
  const { t } = useI18n();
  const create = useCreateUnit();
  const parents = units.filter((u) => childKind(u) !== undefined);
  const initial = parents.some((u) => u.code === parent) ? parent! : wholeOrg ? NO_PARENT : (parents[0]?.code ?? '');
  const [parentCode, setParentCode] = useState(initial);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [sent, setSent] = useState('');
  const chosen = units.find((u) => u.code === parentCode);
  const kind = childKind(chosen) ?? 'seksi';
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    create.mutate(
      { code: code.trim().toUpperCase(), name, kind, ...(parentCode ? { parentCode } : {}) },
      {
        onSuccess: (unit) => {
          setCode('');
          setName('');
          setSent(t('people.unit.added', { name: unit.name, code: unit.code }));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError error={create.error} />
      <SelectField
        label={t('people.unit.parent')}
        name="parentCode"
        hint={t('people.unit.kindHint', { kind: t(`people.kind.${kind}`) })}
        error={errors.parentCode ?? errors.kind}
        value={parentCode}
        onChange={(e) => setParentCode(e.target.value)}
      >
        {wholeOrg && <option value={NO_PARENT}>{t('people.unit.noParent')}</option>}
        {parents.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name} ({u.code})
          </option>
        ))}
      </SelectField>
      <Field
        label={t('people.unit.code')}
        name="code"
        hint={t('people.unit.codeHint')}
        autoCapitalize="characters"
        error={errors.code}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <Field
        label={t('people.unit.name')}
        name="name"
        error={errors.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <p role="status" className="sent">
        {sent}
      </p>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('people.unit.add')}
      </button>
    </form>
  );
}

/**
 * The plan's editor, for a new plan, a draft or a returned one: RHK with their IKI (target, unit, aspect, weight,
 * where realisasi comes from), each RHK linked to the supervisor's RHK chosen by its title. Saving keeps a draft;
 * submitting saves what changed, then submits. The API's messages go next to the field they name; after a 409,
 * reloading fetches the latest version while what was typed stays, to be saved again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { Field, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { SelectField, TextAreaField } from '../activities/fields';
import {
  type PlanVersion,
  type SupervisorPlan,
  useCreatePlan,
  useSubmitPlan,
  useSupervisorPlan,
  useUpdatePlan,
} from './data';
import { blankIki, blankRhk, draftOf, type IkiDraft, placedErrors, type RhkDraft, rhkOf, weightTotal } from './draft';
import { stateText } from './words';

const aspects = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;
const sources = ['manual', 'activities', 'service'] as const;
const metrics = ['served', 'within_standard_pct', 'median_minutes', 'ikm'] as const;

interface Props {
  year: number;
  /** The version being edited; undefined for a plan not yet created (the first save creates it). */
  latest: PlanVersion | undefined;
  /** What happened, for the page's status line. */
  onOutcome: (message: string) => void;
}

export function PlanEditor({ year, latest, onOutcome }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const hasSupervisor = Boolean(me.data?.employee?.supervisorNip);
  const supervisor = useSupervisorPlan(year);
  const queries = useQueryClient();
  const create = useCreatePlan(year);
  const update = useUpdatePlan(year);
  const submit = useSubmitPlan(year);
  const [draft, setDraft] = useState<RhkDraft[]>(() => (latest ? draftOf(latest.rhk) : [blankRhk()]));
  const [savedAs, setSavedAs] = useState(() => (latest ? JSON.stringify(draft) : ''));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // A removed RHK takes its button with it: the focus goes to adding one, not to the page's start.
  const addRhkButton = useRef<HTMLButtonElement>(null);

  const { byField, others } = placedErrors(error, draft);
  const conflict = error instanceof ApiError && error.status === 409;
  // After a refusal, the first field it concerns takes the focus, so its message is read out with it.
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const edit = (change: (d: RhkDraft[]) => RhkDraft[], structural = false) => {
    setDraft(change);
    // Removing shifts the positions the API's messages name: they would land on the wrong fields.
    if (structural) setError(undefined);
  };
  const setRhk = (i: number, patch: Partial<RhkDraft>) =>
    edit((d) => d.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const setIki = (i: number, j: number, patch: Partial<IkiDraft>) =>
    edit((d) =>
      d.map((r, k) => (k === i ? { ...r, iki: r.iki.map((x, m) => (m === j ? { ...x, ...patch } : x)) } : r)),
    );

  /** Writes the draft (creating the plan the first time); the saved version, for a submission right after. */
  const save = async (): Promise<PlanVersion> => {
    const rhk = rhkOf(draft);
    const saved = latest
      ? await update.mutateAsync({ version: latest.version, rhk })
      : await create.mutateAsync({ rhk });
    setSavedAs(JSON.stringify(draft));
    return saved;
  };
  const run = async (step: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    onOutcome('');
    try {
      onOutcome(await step());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const onSave = () =>
    run(async () => {
      await save();
      return t('skp.edit.saved');
    });
  const onSubmit = () =>
    run(async () => {
      const version = !latest || JSON.stringify(draft) !== savedAs ? (await save()).version : latest.version;
      await submit.mutateAsync(version);
      return t('skp.edit.submitted');
    });
  const reload = async () => {
    setBusy(true);
    await queries.refetchQueries({ queryKey: ['skp', 'me', year] });
    setError(undefined);
    setBusy(false);
    onOutcome(t('skp.edit.reloaded'));
  };

  const rhkError = byField.get('rhk');
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      {latest && (
        <p className="skp-head">
          <span>{t('skp.edit.head', { version: latest.planVersion })}</span>
          <span className={`skp-state skp-state-${latest.state}`}>{stateText(latest.state, t)}</span>
        </p>
      )}
      {latest?.state === 'returned' && latest.returnNote && (
        <p className="log-reason">{t('skp.returnNote', { note: latest.returnNote })}</p>
      )}
      <p className="skp-hint">{t('skp.edit.intro')}</p>
      {(others.length > 0 || (error !== undefined && byField.size === 0)) && <FormError error={error} />}
      {conflict && (
        <div className="note">
          <p>{t('skp.edit.conflict')}</p>
          <button type="button" disabled={busy} onClick={() => void reload()}>
            {t('skp.edit.reload')}
          </button>
        </div>
      )}
      {hasSupervisor && supervisor.data === null && <p className="note">{t('skp.edit.parentNone', { year })}</p>}
      <ol className="skp-edit-list">
        {draft.map((r, i) => (
          <li key={r.id}>
            <RhkFields
              rhk={r}
              n={i + 1}
              errors={(field) => byField.get(`rhk.${i}.${field}`)}
              hasSupervisor={hasSupervisor}
              supervisor={supervisor.data}
              onChange={(patch) => setRhk(i, patch)}
              onIkiChange={(j, patch) => setIki(i, j, patch)}
              onAddIki={() => setRhk(i, { iki: [...r.iki, blankIki()] })}
              onRemoveIki={(j) =>
                edit((d) => d.map((x, k) => (k === i ? { ...x, iki: x.iki.filter((_, m) => m !== j) } : x)), true)
              }
              onRemove={() => {
                edit((d) => d.filter((_, k) => k !== i), true);
                addRhkButton.current?.focus();
              }}
            />
          </li>
        ))}
      </ol>
      <div className="log-actions">
        <button
          type="button"
          ref={addRhkButton}
          onClick={() => edit((d) => [...d, blankRhk(d.length === 0 ? 'utama' : 'tambahan')])}
        >
          {t('skp.edit.addRhk')}
        </button>
      </div>
      <p className="skp-total">{t('skp.edit.total', { total: weightTotal(draft) })}</p>
      {rhkError && <p className="field-error">{rhkError}</p>}
      <div className="log-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('skp.edit.working') : t('skp.edit.save')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void onSubmit()}>
          {t('skp.edit.submit')}
        </button>
      </div>
    </form>
  );
}

interface RhkProps {
  rhk: RhkDraft;
  n: number;
  errors: (field: string) => string | undefined;
  hasSupervisor: boolean;
  /** Undefined while loading; null when the supervisor has no plan in force (or there is no supervisor). */
  supervisor: SupervisorPlan | null | undefined;
  onChange: (patch: Partial<RhkDraft>) => void;
  onIkiChange: (j: number, patch: Partial<IkiDraft>) => void;
  onAddIki: () => void;
  onRemoveIki: (j: number) => void;
  onRemove: () => void;
}

function RhkFields({
  rhk,
  n,
  errors,
  hasSupervisor,
  supervisor,
  onChange,
  onIkiChange,
  onAddIki,
  onRemoveIki,
  onRemove,
}: RhkProps) {
  const { t } = useI18n();
  // A removed IKI takes its button with it: the focus goes to adding one to the same RHK.
  const addIkiButton = useRef<HTMLButtonElement>(null);
  const known = !rhk.parentRhkId || supervisor?.rhk.some((p) => p.id === rhk.parentRhkId);
  return (
    <fieldset className="skp-edit-rhk">
      <legend>{t('skp.edit.rhk', { n })}</legend>
      <SelectField
        label={t('skp.edit.kind')}
        name={`rhk-${n}-kind`}
        error={errors('kind')}
        value={rhk.kind}
        onChange={(e) => onChange({ kind: e.target.value as RhkDraft['kind'] })}
      >
        <option value="utama">{t('skp.kind.utama')}</option>
        <option value="tambahan">{t('skp.kind.tambahan')}</option>
      </SelectField>
      <TextAreaField
        label={t('skp.edit.title')}
        name={`rhk-${n}-title`}
        rows={2}
        error={errors('title')}
        value={rhk.title}
        onChange={(e) => onChange({ title: e.target.value })}
      />
      {hasSupervisor ? (
        <SelectField
          label={t('skp.edit.parent')}
          name={`rhk-${n}-parent`}
          hint={supervisor ? t('skp.edit.parentHint', { name: supervisor.supervisorName ?? '' }) : undefined}
          error={errors('parentRhkId')}
          value={rhk.parentRhkId}
          onChange={(e) => onChange({ parentRhkId: e.target.value })}
        >
          <option value="">{t('skp.edit.choose')}</option>
          {supervisor?.rhk.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
          {!known && (
            <option value={rhk.parentRhkId}>
              {supervisor === undefined ? t('loading') : t('skp.edit.parentUnknown')}
            </option>
          )}
        </SelectField>
      ) : (
        <TextAreaField
          label={t('skp.edit.unitGoal')}
          name={`rhk-${n}-unitGoal`}
          hint={t('skp.edit.unitGoalHint')}
          rows={2}
          error={errors('unitGoal')}
          value={rhk.unitGoal}
          onChange={(e) => onChange({ unitGoal: e.target.value })}
        />
      )}
      <ol className="skp-edit-list">
        {rhk.iki.map((k, j) => (
          <li key={k.id}>
            <IkiFields
              iki={k}
              n={`${n}.${j + 1}`}
              errors={(field) => errors(`iki.${j}.${field}`)}
              onChange={(patch) => onIkiChange(j, patch)}
              onRemove={() => {
                onRemoveIki(j);
                addIkiButton.current?.focus();
              }}
            />
          </li>
        ))}
      </ol>
      {errors('iki') && <p className="field-error">{errors('iki')}</p>}
      <div className="log-actions">
        <button type="button" ref={addIkiButton} onClick={onAddIki}>
          {t('skp.edit.addIki', { n })}
        </button>
        <button type="button" onClick={onRemove}>
          {t('skp.edit.removeRhk', { n })}
        </button>
      </div>
    </fieldset>
  );
}

function IkiFields({
  iki,
  n,
  errors,
  onChange,
  onRemove,
}: {
  iki: IkiDraft;
  n: string;
  errors: (field: string) => string | undefined;
  onChange: (patch: Partial<IkiDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  // The browser reads numbers in the page's language and hands over a plain decimal (never "2.400" for 2400).
  const number = { type: 'number', inputMode: 'decimal', min: 0, step: 'any' } as const;
  return (
    <fieldset className="skp-edit-iki">
      <legend>{t('skp.edit.iki', { n })}</legend>
      <TextAreaField
        label={t('skp.edit.ikiName')}
        name={`iki-${n}-name`}
        rows={2}
        error={errors('name')}
        value={iki.name}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <SelectField
        label={t('skp.edit.aspect')}
        name={`iki-${n}-aspect`}
        error={errors('aspect')}
        value={iki.aspect}
        onChange={(e) => onChange({ aspect: e.target.value as IkiDraft['aspect'] })}
      >
        {aspects.map((a) => (
          <option key={a} value={a}>
            {t(`skp.aspect.${a}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('skp.edit.targetKind')}
        name={`iki-${n}-targetKind`}
        value={iki.targetKind}
        onChange={(e) => onChange({ targetKind: e.target.value as IkiDraft['targetKind'] })}
      >
        <option value="single">{t('skp.edit.targetSingle')}</option>
        <option value="range">{t('skp.edit.targetRange')}</option>
      </SelectField>
      <div className="log-row">
        {iki.targetKind === 'single' ? (
          <Field
            label={t('skp.edit.value')}
            name={`iki-${n}-value`}
            {...number}
            error={errors('target.value')}
            value={iki.value}
            onChange={(e) => onChange({ value: e.target.value })}
          />
        ) : (
          <>
            <Field
              label={t('skp.edit.lo')}
              name={`iki-${n}-lo`}
              {...number}
              error={errors('target.lo')}
              value={iki.lo}
              onChange={(e) => onChange({ lo: e.target.value })}
            />
            <Field
              label={t('skp.edit.hi')}
              name={`iki-${n}-hi`}
              {...number}
              error={errors('target.hi')}
              value={iki.hi}
              onChange={(e) => onChange({ hi: e.target.value })}
            />
          </>
        )}
        <Field
          label={t('skp.edit.unit')}
          name={`iki-${n}-unit`}
          error={errors('unit')}
          value={iki.unit}
          onChange={(e) => onChange({ unit: e.target.value })}
        />
      </div>
      <SelectField
        label={t('skp.edit.direction')}
        name={`iki-${n}-direction`}
        error={errors('direction')}
        value={iki.direction}
        onChange={(e) => onChange({ direction: e.target.value as IkiDraft['direction'] })}
      >
        <option value="higher">{t('skp.direction.higher')}</option>
        <option value="lower">{t('skp.direction.lower')}</option>
      </SelectField>
      <Field
        label={t('skp.edit.weight')}
        name={`iki-${n}-weight`}
        {...number}
        error={errors('weight')}
        value={iki.weight}
        onChange={(e) => onChange({ weight: e.target.value })}
      />
      <SelectField
        label={t('skp.edit.source')}
        name={`iki-${n}-source`}
        error={errors('source')}
        value={iki.source}
        onChange={(e) => onChange({ source: e.target.value as IkiDraft['source'] })}
      >
        {sources.map((s) => (
          <option key={s} value={s}>
            {t(`skp.edit.source.${s}`)}
          </option>
        ))}
      </SelectField>
      {iki.source === 'service' && (
        <SelectField
          label={t('skp.edit.metric')}
          name={`iki-${n}-metric`}
          error={errors('serviceMetric')}
          value={iki.serviceMetric}
          onChange={(e) => onChange({ serviceMetric: e.target.value })}
        >
          <option value="">{t('skp.edit.choose')}</option>
          {metrics.map((m) => (
            <option key={m} value={m}>
              {t(`skp.edit.metric.${m}`)}
            </option>
          ))}
        </SelectField>
      )}
      <button type="button" onClick={onRemove}>
        {t('skp.edit.removeIki', { n })}
      </button>
    </fieldset>
  );
}

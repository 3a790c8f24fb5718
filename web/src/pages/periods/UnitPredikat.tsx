/**
 * The leadership's predikat of a unit of the OPD (what its curve is checked against), recorded by BKPSDM with its
 * reason; once the period is scored the API scores the unit again so its head takes it — that run's progress shows
 * here to its end.
 */
import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { SelectField, TextAreaField } from '../activities/fields';
import { unitPredikatName } from './Distribution';
import { fieldErrorsOf, type Unit, type UnitPredikat, unitPredikats, useSetUnitPredikat } from './data';
import { RunProgress } from './Scoring';

export function UnitPredikatForm({
  year,
  periodId,
  opd,
  units,
  current,
}: {
  year: number;
  periodId: string;
  opd: string;
  /** The OPD's units, in tree order (the OPD first). */
  units: Unit[];
  /** The predikat already recorded, by unit code: the starting choice. */
  current: Record<string, string>;
}) {
  const { t } = useI18n();
  const set = useSetUnitPredikat(periodId);
  const [code, setCode] = useState(opd);
  const [chosen, setPredikat] = useState<UnitPredikat>();
  const predikat = chosen ?? (current[code] as UnitPredikat | undefined) ?? 'baik';
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(set.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set.mutate({ code, predikat, reason });
  };
  const saved = set.data;
  return (
    <form onSubmit={submit} aria-labelledby="periods-unit-predikat" noValidate>
      <h3 id="periods-unit-predikat">{t('periods.unitPredikat.title')}</h3>
      <p className="hint">{t('periods.unitPredikat.hint')}</p>
      <FormError error={set.error} />
      <SelectField
        label={t('periods.rewards.unit')}
        name="unit"
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          setPredikat(undefined);
        }}
      >
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {'— '.repeat(u.path.split('/').filter(Boolean).length - 1)}
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('periods.unitPredikat.predikat')}
        name="predikat"
        value={predikat}
        error={errors.predikat}
        onChange={(e) => setPredikat(e.target.value as UnitPredikat)}
      >
        {unitPredikats.map((p) => (
          <option key={p} value={p}>
            {unitPredikatName(p, t)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('periods.unitPredikat.reason')}
        name="reason"
        value={reason}
        error={errors.reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="primary" disabled={set.isPending}>
        {t('periods.unitPredikat.save')}
      </button>
      <p role="status" className="status-line">
        {saved
          ? t('periods.unitPredikat.saved', {
              unit: units.find((u) => u.code === saved.unitCode)?.name ?? saved.unitCode,
              predikat: unitPredikatName(saved.predikat, t),
            })
          : ''}
      </p>
      {saved?.rescoringRunId ? (
        <RunProgress
          key={saved.rescoringRunId}
          year={year}
          periodId={periodId}
          runId={saved.rescoringRunId}
          opd={opd}
          title="periods.unitPredikat.rescoring"
        />
      ) : null}
    </form>
  );
}

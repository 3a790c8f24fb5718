/**
 * The unit, year and period pickers of the pages that show one unit's period (Dasbor, Keadilan) or one person's
 * (Sinyal saya, without the unit). What is shown lives in the address, so a choice hands the new value to `onUnit` /
 * `onPeriod` to navigate; a year picked stands for itself until its periods are read.
 */
import { SelectField } from '../activities/fields';

interface Unit {
  code: string;
  name: string;
  path: string;
}

export interface PeriodPickerProps {
  labels: { unit?: string; year: string; period: string; wholeYear: (year: string) => string };
  /** The unit tree; without it (and `onUnit`) no unit is picked. */
  units?: Unit[];
  unitCode?: string;
  onUnit?: (code: string) => void;
  year: number;
  years: number[];
  periods: { id: string; kind: string }[];
  periodId: string | undefined;
  onPeriod: (periodOrYear: string) => void;
}

export function PeriodPicker(p: PeriodPickerProps) {
  const known = p.units?.some((u) => u.code === p.unitCode);
  return (
    <form className="dash-pick" onSubmit={(e) => e.preventDefault()}>
      {p.onUnit && p.labels.unit ? (
        <SelectField
          label={p.labels.unit}
          name="unit"
          value={p.unitCode ?? ''}
          onChange={(e) => p.onUnit?.(e.target.value)}
        >
          {!known && p.unitCode && <option value={p.unitCode}>{p.unitCode}</option>}
          {(p.units ?? []).map((u) => (
            <option key={u.code} value={u.code}>
              {'\u00a0'.repeat(2 * Math.max(0, u.path.split('/').length - 3))}
              {u.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        label={p.labels.year}
        name="year"
        value={String(p.year)}
        onChange={(e) => p.onPeriod(e.target.value)}
      >
        {p.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={p.labels.period}
        name="period"
        value={p.periodId ?? ''}
        onChange={(e) => p.onPeriod(e.target.value)}
      >
        {p.periods.map((x) => (
          <option key={x.id} value={x.id}>
            {x.kind === 'year' ? p.labels.wholeYear(x.id) : x.id}
          </option>
        ))}
      </SelectField>
    </form>
  );
}

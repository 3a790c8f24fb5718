/**
 * Form pieces that show the API's errors where they belong: each field's message under the field (linked with
 * aria-describedby, aria-invalid set), the rest in an alert above the form. Pages build their forms from these.
 */
import { type InputHTMLAttributes, useId } from 'react';
import { ApiError } from '../api/client';
import { type Translate, useI18n } from '../i18n';

/** An error's text for people: the API's own message (already in their language), or ours when it had none. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.code === 'network' ? t('error.network') : error.message;
  return t('error.title');
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  hint?: string;
  /** This field's message from ApiError.fieldErrors(). */
  error?: string;
}

export function Field({ label, name, hint, error, ...input }: FieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The message of a failed submit, with the problems no field of the form shows. */
export function FormError({ error, source = 'body' }: { error: unknown; source?: 'body' | 'query' | 'path' }) {
  const { t } = useI18n();
  if (!error) return null;
  const others = error instanceof ApiError ? error.otherErrors(source) : [];
  return (
    <div role="alert" className="form-error">
      <p>{errorText(error, t)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((d) => (
            <li key={`${d.field}-${d.code}`}>{d.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

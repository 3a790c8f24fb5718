/**
 * A select and a multi-line field built like components/forms.tsx's Field: the label, an optional hint, and the
 * API's message for the field under it (aria-describedby, aria-invalid).
 */
import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

interface Described {
  label: string;
  name: string;
  hint?: string;
  error?: string;
}

function FieldFrame({ id, label, hint, error, control }: Described & { id: string; control: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {control}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export function SelectField({
  label,
  name,
  hint,
  error,
  children,
  ...select
}: Described & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame
      id={id}
      label={label}
      name={name}
      hint={hint}
      error={error}
      control={
        <select
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          {...select}
        >
          {children}
        </select>
      }
    />
  );
}

export function TextAreaField({
  label,
  name,
  hint,
  error,
  ...area
}: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame
      id={id}
      label={label}
      name={name}
      hint={hint}
      error={error}
      control={
        <textarea
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          {...area}
        />
      }
    />
  );
}

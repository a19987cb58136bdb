import type { ReactNode } from 'react';

type Props = Readonly<{
  id: string;
  label: string;
  /** Said below the label and read with the control: what to enter, or that it may be left empty. */
  hint?: string | undefined;
  /** What is wrong with the value, once the server has said so. */
  error?: string | undefined;
  /** The control, given what it must carry to be described and marked invalid. */
  children: (
    control: Readonly<{ 'aria-describedby': string | undefined; 'aria-invalid': true | undefined }>,
  ) => ReactNode;
}>;

/** A labelled form control with its hint and its error, both read with it by screen readers. */
export function FormField({ id, label, hint, error, children }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({ 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Readonly<{
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  name: string;
  type: 'text' | 'email' | 'number';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'numeric';
  min?: number;
  step?: number;
  spellCheck?: boolean;
}>;

/** A labelled input with its hint and error: the form field most forms are made of. */
export function InputField({ label, hint, error, onChange, ...input }: InputProps) {
  return (
    <FormField id={input.id} label={label} hint={hint} error={error}>
      {(control) => <input {...input} onChange={(event) => onChange(event.target.value)} {...control} />}
    </FormField>
  );
}

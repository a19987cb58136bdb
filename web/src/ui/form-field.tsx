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

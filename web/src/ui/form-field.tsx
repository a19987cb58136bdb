import type { ReactNode } from 'react';

/** What every labelled field says about its control: its name, what to enter, and what is wrong. */
export type FieldProps = Readonly<{
  id: string;
  label: string;
  /** Said below the label and read with the control: what to enter, or that it may be left empty. */
  hint?: string | undefined;
  /** What is wrong with the value, said below the control and read with it. */
  error?: string | undefined;
  /** Marks the control invalid when what is wrong is said elsewhere (the form's alert). */
  invalid?: boolean | undefined;
  /** The ids of messages elsewhere on the page that describe the control (the form's alert). */
  describedBy?: string | undefined;
}>;

/** What a control carries to be described and marked invalid. */
export type ControlAria = Readonly<{ 'aria-describedby': string | undefined; 'aria-invalid': true | undefined }>;

/**
 * A labelled form control with its hint and its error, both read with it by screen readers: the
 * error first, since it is what the reader must act on. Text, select and other fields are made of it.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  invalid,
  describedBy,
  children,
}: FieldProps & Readonly<{ children: (aria: ControlAria) => ReactNode }>) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [error ? errorId : null, describedBy, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({ 'aria-describedby': described || undefined, 'aria-invalid': error || invalid ? true : undefined })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A field's props parted: what FormField says of it, and what goes on its control (the id goes on both). */
export function splitField<P extends FieldProps>({
  label,
  hint,
  error,
  invalid,
  describedBy,
  ...control
}: P): readonly [FieldProps, Omit<P, Exclude<keyof FieldProps, 'id'>>] {
  return [{ id: control.id, label, hint, error, invalid, describedBy }, control];
}

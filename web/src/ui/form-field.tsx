import type { ChangeEvent, ReactNode } from 'react';

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
  /** The control's new text. */
  onChange: (value: string) => void;
}>;

type TextElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * What the control is given: its own props and id, a change handler that hands on its text, and
 * what describes it and marks it invalid.
 */
export type ControlProps<P extends FieldProps> = Omit<P, Exclude<keyof FieldProps, 'id'> | 'children'> &
  Readonly<{
    onChange: (event: ChangeEvent<TextElement>) => void;
    'aria-describedby': string | undefined;
    'aria-invalid': true | undefined;
  }>;

/**
 * A labelled form control with its hint and its error, both read with it by screen readers: the
 * error first, since it is what the reader must act on. The text, select and textarea fields are
 * made of it; `children` draws the control from what it is given.
 */
export function FormField<P extends FieldProps>({
  children,
  ...props
}: P & Readonly<{ children: (control: ControlProps<P>) => ReactNode }>) {
  const { id, label, hint, error, invalid, describedBy, onChange, ...own } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [error ? errorId : null, describedBy, hint ? hintId : null].filter(Boolean).join(' ');
  const control = {
    ...own,
    id,
    onChange: (event: ChangeEvent<TextElement>) => onChange(event.target.value),
    'aria-describedby': described || undefined,
    'aria-invalid': error || invalid ? true : undefined,
  } as unknown as ControlProps<P>;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children(control)}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

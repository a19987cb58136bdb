type Props = Readonly<{
  id: string;
  label: string;
  type: 'email' | 'password' | 'text';
  name: string;
  autoComplete: string;
  value: string;
  invalid: boolean;
  /** The id of the message that explains what is wrong with it, if any. */
  describedBy?: string | undefined;
  onChange: (value: string) => void;
}>;

/** A labelled, required text input that says when it is invalid. */
export function TextField({ id, label, invalid, describedBy, onChange, ...input }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
    </div>
  );
}

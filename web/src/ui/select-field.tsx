import { type FieldProps, FormField } from './form-field';

type Props = FieldProps &
  Readonly<{
    name: string;
    autoComplete?: string;
    value: string;
    options: readonly Readonly<{ value: string; label: string }>[];
    onChange: (value: string) => void;
  }>;

/** A labelled choice among a few options, with its hint and error, as a text field has them. */
export function SelectField({ label, hint, error, invalid, describedBy, options, onChange, ...select }: Props) {
  return (
    <FormField id={select.id} label={label} hint={hint} error={error} invalid={invalid} describedBy={describedBy}>
      {(aria) => (
        <select {...select} onChange={(event) => onChange(event.target.value)} {...aria}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

import { type FieldProps, FormField, splitField } from './form-field';

type Props = FieldProps &
  Readonly<{
    name: string;
    autoComplete?: string;
    value: string;
    options: readonly Readonly<{ value: string; label: string }>[];
    onChange: (value: string) => void;
  }>;

/** A labelled choice among a few options, with its hint and error, as a text field has them. */
export function SelectField({ options, onChange, ...props }: Props) {
  const [field, select] = splitField(props);
  return (
    <FormField {...field}>
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

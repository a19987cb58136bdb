import { type FieldProps, FormField } from './form-field';

type Props = FieldProps &
  Readonly<{
    name: string;
    autoComplete?: string;
    value: string;
    options: readonly Readonly<{ value: string; label: string }>[];
  }>;

/** A labelled choice among a few options, with its hint and error, as a text field has them. */
export function SelectField({ options, ...props }: Props) {
  return (
    <FormField {...props}>
      {(control) => (
        <select {...control}>
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

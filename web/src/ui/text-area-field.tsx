import { type FieldProps, FormField, splitField } from './form-field';

type Props = FieldProps &
  Readonly<{
    name: string;
    rows: number;
    maxLength?: number;
    value: string;
    onChange: (value: string) => void;
  }>;

/** A labelled text of several lines (a message, a comment), with its hint and error, as a text field has them. */
export function TextAreaField({ onChange, ...props }: Props) {
  const [field, textarea] = splitField(props);
  return (
    <FormField {...field}>
      {(aria) => <textarea {...textarea} onChange={(event) => onChange(event.target.value)} {...aria} />}
    </FormField>
  );
}

import { type FieldProps, FormField } from './form-field';

type Props = FieldProps & Readonly<{ name: string; rows: number; maxLength?: number; value: string }>;

/** A labelled text of several lines (a message, a comment), with its hint and error, as a text field has them. */
export function TextAreaField(props: Props) {
  return <FormField {...props}>{(control) => <textarea {...control} />}</FormField>;
}

import type { InputHTMLAttributes, Ref } from 'react';
import { type FieldProps, FormField } from './form-field';

type InputAttributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'inputMode' | 'min' | 'max' | 'step' | 'maxLength' | 'placeholder' | 'required' | 'spellCheck'
>;

type Props = FieldProps &
  InputAttributes &
  Readonly<{
    name: string;
    type: 'text' | 'email' | 'number' | 'password';
    /** Always said, so that browsers and assistive tools can fill it in (WCAG 1.3.5); "off" where nothing fits. */
    autoComplete: string;
    value: string;
    /** For the form that puts the focus on the first field at fault. */
    ref?: Ref<HTMLInputElement>;
  }>;

/** A labelled input with its hint and error: the field every form of the portal is made of. */
export function TextField(props: Props) {
  return <FormField {...props}>{(control) => <input {...control} />}</FormField>;
}

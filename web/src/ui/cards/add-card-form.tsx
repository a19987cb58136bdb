import type { PaymentMethodView } from '@planshift/shared/api';
import { type CardProblem, checkCard } from '@planshift/shared/payment-card';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiFailure } from '../../api/api-failure';
import { useClock } from '../../api/clock';
import { useAddPaymentMethod } from '../../api/payment-methods';
import { ErrorNotice } from '../error-notice';
import { TextField } from '../text-field';
import { parseExpiry } from './card-expiry';
import './cards.css';

type Field = 'number' | 'expiry' | 'cvc';
type Problems = Partial<Record<Field, CardProblem['reason']>>;

type Props = Readonly<{
  /** The card becomes the default whatever (paying with another card): no choice is offered. */
  alwaysDefault?: boolean;
  /** Where the form sits in the page's outline. */
  headingLevel?: 2 | 3;
  onAdded: (card: PaymentMethodView) => void;
  onCancel?: () => void;
}>;

const FIELD_OF: Readonly<Record<CardProblem['field'], Field>> = {
  number: 'number',
  expMonth: 'expiry',
  expYear: 'expiry',
  cvc: 'cvc',
};

function problemText(t: TFunction, reason: CardProblem['reason']): string {
  switch (reason) {
    case 'card_number_invalid':
      return t('errors.codes.card_number_invalid');
    case 'card_expiry_invalid':
      return t('errors.codes.card_expiry_invalid');
    case 'card_expired':
      return t('errors.codes.card_expired');
    case 'card_cvc_invalid':
      return t('errors.codes.card_cvc_invalid');
  }
}

/** The first problem of each field, from the engine's check or the API's answer (details.issues). */
function problemsOf(list: readonly Readonly<{ reason: CardProblem['reason']; field: CardProblem['field'] }>[]) {
  const problems: Problems = {};
  for (const problem of list) problems[FIELD_OF[problem.field]] ??= problem.reason;
  return problems;
}

function issuesOf(error: unknown): Problems | null {
  if (!isApiFailure(error) || error.status !== 422) return null;
  const issues = (error.details as { issues?: { code: CardProblem['reason']; field: CardProblem['field'] }[] })?.issues;
  return issues ? problemsOf(issues.map((issue) => ({ reason: issue.code, field: issue.field }))) : null;
}

/**
 * Adds a card: its number, expiry (MM/YY) and security code, checked in the browser by the same
 * rules as the processor's (at the system clock's instant), each problem said beside its field.
 * The number and code go to the processor through the API and are not kept by the portal.
 */
export function AddCardForm({ alwaysDefault = false, headingLevel = 3, onAdded, onCancel }: Props) {
  const { t } = useTranslation();
  const clock = useClock();
  const add = useAddPaymentMethod();
  const id = useId();
  const [number, setNumber] = useState('');
  const [expiry, setExpiry] = useState('');
  const [cvc, setCvc] = useState('');
  const [makeDefault, setMakeDefault] = useState(alwaysDefault);
  const [problems, setProblems] = useState<Problems>({});
  const inputs = {
    number: useRef<HTMLInputElement>(null),
    expiry: useRef<HTMLInputElement>(null),
    cvc: useRef<HTMLInputElement>(null),
  };

  const show = (found: Problems) => {
    setProblems(found);
    const first = (['number', 'expiry', 'cvc'] as const).find((field) => found[field]);
    if (first) inputs[first].current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const parsed = parseExpiry(expiry);
    const now = clock.data?.now ?? Math.floor(Date.now() / 1000);
    const checked = checkCard({ number, cvc, expMonth: parsed?.expMonth ?? 0, expYear: parsed?.expYear ?? 0 }, now);
    const found = checked.ok ? {} : problemsOf(checked.problems);
    if (!parsed) found.expiry = 'card_expiry_invalid';
    if (Object.keys(found).length > 0 || !parsed) {
      show(found);
      return;
    }
    setProblems({});
    add.mutate(
      { number, cvc, ...parsed, makeDefault: alwaysDefault || makeDefault },
      {
        onSuccess: onAdded,
        onError: (error) => {
          const fields = issuesOf(error);
          if (fields) show(fields);
        },
      },
    );
  };

  const values = { number, expiry, cvc };
  const setters = { number: setNumber, expiry: setExpiry, cvc: setCvc };
  /** What the three fields share: typed as digits, required, their problem said beside them. */
  const cardField = (name: Field) => {
    const reason = problems[name];
    return {
      id: `${id}-${name}`,
      ref: inputs[name],
      name,
      type: 'text',
      required: true,
      inputMode: 'numeric',
      error: reason && problemText(t, reason),
      value: values[name],
      onChange: setters[name],
    } as const;
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const serverFailure = add.isError && !issuesOf(add.error) ? add.error : null;
  return (
    <form className="form card-form" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t('paymentMethods.form.heading')}</Heading>
      <TextField {...cardField('number')} label={t('paymentMethods.form.number')} autoComplete="cc-number" />
      <div className="card-form-row">
        <TextField
          {...cardField('expiry')}
          label={t('paymentMethods.form.expiry')}
          autoComplete="cc-exp"
          placeholder={t('paymentMethods.form.expiryPlaceholder')}
        />
        <TextField
          {...cardField('cvc')}
          label={t('paymentMethods.form.cvc')}
          hint={t('paymentMethods.form.cvcHint')}
          autoComplete="cc-csc"
          maxLength={4}
        />
      </div>
      {!alwaysDefault && (
        <div className="checkbox-field">
          <input
            id={`${id}-default`}
            type="checkbox"
            checked={makeDefault}
            onChange={(event) => setMakeDefault(event.target.checked)}
          />
          <label htmlFor={`${id}-default`}>{t('paymentMethods.form.makeDefault')}</label>
        </div>
      )}
      {serverFailure !== null && <ErrorNotice error={serverFailure} />}
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={add.isPending || undefined}>
          {add.isPending ? t('paymentMethods.form.submitting') : t('paymentMethods.form.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('paymentMethods.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

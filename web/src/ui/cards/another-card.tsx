import type { PaymentMethodView } from '@planshift/shared/api';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMakeDefaultPaymentMethod, usePaymentMethods } from '../../api/payment-methods';
import { ErrorNotice } from '../error-notice';
import { Loading } from '../loading';
import { cardName } from './card-name';
import './cards.css';

// Loaded when the customer asks for a new card: the account page's cold load does not carry the form.
const AddCardForm = lazy(async () => ({ default: (await import('./add-card-form')).AddCardForm }));

type Props = Readonly<{
  /** The card chosen is the default now: the payment can be tried again with it. */
  onChosen: (card: PaymentMethodView) => void;
  onCancel: () => void;
}>;

const NEW_CARD = 'new';

/**
 * After a decline, the way forward: another card on file, or a new one, becomes the default
 * (the card every charge goes to), and the customer tries the same payment again with it.
 */
export function AnotherCard({ onChosen, onCancel }: Props) {
  const { t } = useTranslation();
  const methods = usePaymentMethods();
  const makeDefault = useMakeDefaultPaymentMethod();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const others = (methods.data?.paymentMethods ?? []).filter((card) => !card.isDefault);
  const [choice, setChoice] = useState<string | null>(null);
  const chosen = choice ?? others[0]?.id ?? NEW_CARD;

  // Opened by a button that is still there: the panel's heading takes the focus, so a screen
  // reader user hears where they are and the keyboard goes on from here.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const use = () => {
    const card = others.find((other) => other.id === chosen);
    if (!card || makeDefault.isPending) return;
    makeDefault.mutate(card.id, { onSuccess: () => onChosen({ ...card, isDefault: true }) });
  };

  return (
    <section className="another-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('paymentMethods.another.heading')}
      </h3>
      <p>{t('paymentMethods.another.intro')}</p>
      {methods.isPending ? (
        <Loading />
      ) : (
        <fieldset className="card-choices">
          <legend>{t('paymentMethods.another.choose')}</legend>
          {others.map((card) => (
            <div className="radio-field" key={card.id}>
              <input
                type="radio"
                id={`${id}-${card.id}`}
                name={`${id}-card`}
                checked={chosen === card.id}
                onChange={() => setChoice(card.id)}
              />
              <label htmlFor={`${id}-${card.id}`}>{cardName(t, card)}</label>
            </div>
          ))}
          <div className="radio-field">
            <input
              type="radio"
              id={`${id}-${NEW_CARD}`}
              name={`${id}-card`}
              checked={chosen === NEW_CARD}
              onChange={() => setChoice(NEW_CARD)}
            />
            <label htmlFor={`${id}-${NEW_CARD}`}>{t('paymentMethods.another.new')}</label>
          </div>
        </fieldset>
      )}
      {chosen === NEW_CARD ? (
        <Suspense fallback={<Loading />}>
          <AddCardForm alwaysDefault onAdded={onChosen} onCancel={onCancel} />
        </Suspense>
      ) : (
        <>
          {makeDefault.isError && <ErrorNotice error={makeDefault.error} />}
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={makeDefault.isPending || undefined}
              onClick={use}
            >
              {makeDefault.isPending ? t('paymentMethods.another.using') : t('paymentMethods.another.use')}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('paymentMethods.another.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

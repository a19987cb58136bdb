import type { PaymentMethodView } from '@planshift/shared/api';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMakeDefaultPaymentMethod, usePaymentMethods, useRemovePaymentMethod } from '../../api/payment-methods';
import { paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { AddCardForm } from '../../ui/cards/add-card-form';
import { cardName } from '../../ui/cards/card-name';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ErrorNotice } from '../../ui/error-notice';
import { useDocumentTitle } from '../../ui/use-document-title';
import './payment-methods.css';
import { QueryStatus } from '../../ui/query-status';

/**
 * The cards on file: each with its expiry, the default marked; billing managers add a card, make
 * another the default, or remove one that is not the default (once they confirm it).
 */
export function PaymentMethodsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('paymentMethods.title'));
  const format = useFormat();
  const methods = usePaymentMethods();
  const makeDefault = useMakeDefaultPaymentMethod();
  const remove = useRemovePaymentMethod();
  // An object, so that the same sentence said twice is a new notice that takes the focus again.
  const [notice, setNotice] = useState<Readonly<{ text: string }> | null>(null);
  const [removing, setRemoving] = useState<PaymentMethodView | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const listId = useId();

  // The control used may be gone (a removed card's buttons): the heading takes the focus, the notice
  // says what happened. In an effect, so that it comes after the confirmation dialog has closed (a
  // child's effects run first) and the page behind it is no longer inert.
  useEffect(() => {
    if (notice) heading.current?.focus();
  }, [notice]);
  const done = (text: string) => setNotice({ text });
  const failedFor = (mutation: { isError: boolean; variables: string | undefined; error: unknown }, card: string) =>
    mutation.isError && mutation.variables === card ? mutation.error : null;

  if (!methods.isSuccess) return <QueryStatus query={methods} />;
  const { paymentMethods, canManage } = methods.data;
  const busy = makeDefault.isPending || remove.isPending;

  const actions = (card: PaymentMethodView) => {
    const name = cardName(t, card);
    return (
      <div className="card-actions">
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={busy || undefined}
          onClick={() =>
            !busy &&
            makeDefault.mutate(card.id, { onSuccess: () => done(t('paymentMethods.madeDefault', { card: name })) })
          }
        >
          {t('paymentMethods.makeDefault')}
          <span className="visually-hidden"> {name}</span>
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={busy || undefined}
          onClick={() => !busy && setRemoving(card)}
        >
          {t('paymentMethods.remove')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </div>
    );
  };

  return (
    <div className="payment-methods">
      <h1 ref={heading} tabIndex={-1}>
        {t('paymentMethods.title')}
      </h1>
      <p>{t('paymentMethods.intro')}</p>
      <div className="live-notice" role="status">
        {notice && <p className="notice notice-success">{notice.text}</p>}
      </div>
      <section className="card" aria-labelledby={listId}>
        <h2 id={listId}>{t('paymentMethods.listHeading')}</h2>
        {paymentMethods.length === 0 ? (
          <p>{t('paymentMethods.none')}</p>
        ) : (
          <ul className="card-list">
            {paymentMethods.map((card) => {
              const failure = failedFor(makeDefault, card.id) ?? failedFor(remove, card.id);
              return (
                <li key={card.id}>
                  <div>
                    <span className="fact-main">{cardName(t, card)}</span>
                    <span className="fact-detail">
                      {t('paymentMethods.expires', { date: format.monthYear(card.expYear, card.expMonth) })}
                    </span>
                  </div>
                  {card.isDefault && <span className="badge badge-current">{t('paymentMethods.default')}</span>}
                  {canManage && !card.isDefault && actions(card)}
                  {failure !== null && <ErrorNotice error={failure} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {canManage ? (
        <div className="card">
          <AddCardForm
            headingLevel={2}
            onAdded={(card) =>
              done(
                t(card.isDefault ? 'paymentMethods.addedDefault' : 'paymentMethods.added', { card: cardName(t, card) }),
              )
            }
          />
        </div>
      ) : (
        <p className="notice notice-warning">{t('paymentMethods.readOnly')}</p>
      )}
      <p>
        <Link to={paths.account}>{t('paymentMethods.back')}</Link>
      </p>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('removeCard.title', { card: cardName(t, removing) }) : ''}
        body={t('removeCard.body')}
        keep={t('removeCard.keep')}
        onClose={() => setRemoving(null)}
      >
        <button
          type="button"
          className="button button-danger"
          aria-disabled={remove.isPending || undefined}
          onClick={() => {
            if (!removing || remove.isPending) return;
            const name = cardName(t, removing);
            remove.mutate(removing.id, {
              onSuccess: () => done(t('paymentMethods.removed', { card: name })),
              // A refusal is said beside the card, whose Remove button takes the focus back.
              onSettled: () => setRemoving(null),
            });
          }}
        >
          {remove.isPending ? t('removeCard.removing') : t('removeCard.confirm')}
        </button>
      </ConfirmDialog>
    </div>
  );
}

import type { PaymentChallengeView, PaymentMethodView, QuoteView } from '@planshift/shared/api';
import type { Money } from '@planshift/shared/money';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { isApiFailure } from '../../api/api-failure';
import { usePaymentMethods } from '../../api/payment-methods';
import { clockKey } from '../../api/query-keys';
import { AUTHENTICATED_PARAM, bankPagePath, paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { failureMessage } from '../../i18n/reasons';
import { AnotherCard } from '../../ui/cards/another-card';
import { cardName } from '../../ui/cards/card-name';
import { changePlanKeys, useConfirmChange } from './api/change-plan';
import { useChangeFlow } from './change-flow-context';
import { donePath } from './change-steps';
import {
  forgetAuthentication,
  forgetIdempotencyKey,
  idempotencyKeyFor,
  keepAuthentication,
  keepConfirmation,
  keptAuthentication,
} from './kept-answers';

type Outcome =
  | Readonly<{ kind: 'declined'; error: unknown }>
  | Readonly<{ kind: 'stale' }>
  | Readonly<{ kind: 'expired' }>
  /** The subscription moved while the order was being paid: nothing changed, and what was charged went back. */
  | Readonly<{ kind: 'notApplied'; refunded: Money | null }>
  | Readonly<{ kind: 'failed'; error: unknown }>
  /** The customer's bank still waits for their answer (they came back without giving it). */
  | Readonly<{ kind: 'waiting'; challenge: PaymentChallengeView }>
  /** After a decline, another card is now the default: the same order can be placed again with it. */
  | Readonly<{ kind: 'cardChosen'; card: PaymentMethodView }>;

const freshQuoteOf = (details: unknown): QuoteView | null =>
  (details as { quote?: QuoteView | null } | undefined)?.quote ?? null;
const refundOf = (details: unknown): Money | null =>
  (details as { refunded?: Money | null } | undefined)?.refunded ?? null;

/**
 * The server's price for the choice, the card it is charged to, and the Confirm (or Place order)
 * button. Confirming sends the server's quote id with one Idempotency-Key per quote, and the
 * button stays disabled while the request runs, so a double click or a retry charges once. A card
 * whose bank asks for authentication sends the customer to the bank's page and, on their return,
 * the same request gives the outcome. A decline, a stale or an expired quote is explained, with
 * the way forward (after a decline: another card, then the same order again).
 */
export function ConfirmPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const queryClient = useQueryClient();
  const { live, server, agreement, request } = useChangeFlow();
  const confirm = useConfirmChange();
  const methods = usePaymentMethods();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [choosingCard, setChoosingCard] = useState(false);
  const running = useRef(false);
  const placeOrder = useRef<HTMLButtonElement>(null);
  const hintId = useId();

  const view = agreement.state === 'agrees' || agreement.state === 'differs' ? agreement.view : undefined;
  const localNoChange = live.ok && live.quote.noChange !== null;
  const dueNow = view?.quote.dueNow ?? (live.ok ? live.quote.dueNow : null);
  const placesOrder = (dueNow?.amount ?? 0) > 0;
  const card = methods.data?.paymentMethods.find((method) => method.isDefault) ?? null;
  // While another card is being chosen, the order waits for it: placed now, it would go to the
  // card that was just declined (and, on several instances, could overtake the new default).
  const blockedBy = localNoChange
    ? t('changePlan.review.nothingChanges')
    : choosingCard
      ? t('paymentMethods.another.first')
      : agreement.state === 'differs'
        ? t('changePlan.review.disagree')
        : agreement.state !== 'agrees'
          ? t('changePlan.review.waiting')
          : null;
  /** This page's address without the bank's answer: where the bank's page sends the customer back. */
  const here = () => {
    const params = new URLSearchParams(location.search);
    params.delete(AUTHENTICATED_PARAM);
    return `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
  };

  const send = (quoteId: string, idempotencyKey: string, returning: boolean) => {
    running.current = true;
    setOutcome(null);
    confirm.mutate(
      { quoteId, idempotencyKey },
      {
        onSuccess: (answer) => {
          if ('challenge' in answer) {
            // The bank asks the customer first: the order waits, its key kept for their return.
            keepAuthentication(answer.challenge.id, { quoteId, idempotencyKey });
            if (returning) setOutcome({ kind: 'waiting', challenge: answer.challenge });
            else navigate(bankPagePath(answer.challenge.url, here()));
            return;
          }
          forgetIdempotencyKey(quoteId);
          keepConfirmation(answer);
          navigate(donePath(answer.changeId));
        },
        onError: (error) => {
          if (isApiFailure(error, 'payment_declined')) {
            // The attempt is over: trying again is a new intent, with a new key.
            forgetIdempotencyKey(quoteId);
            setOutcome({ kind: 'declined', error });
          } else if (isApiFailure(error, 'quote_stale')) {
            forgetIdempotencyKey(quoteId);
            // The browser prices the server's instant: read it again along with the subscription.
            void queryClient.invalidateQueries({ queryKey: clockKey });
            const fresh = freshQuoteOf(error.details);
            if (fresh) queryClient.setQueryData(changePlanKeys.quote(request), fresh);
            else void queryClient.invalidateQueries({ queryKey: changePlanKeys.quote(request) });
            setOutcome({ kind: 'stale' });
          } else if (isApiFailure(error, 'quote_expired')) {
            forgetIdempotencyKey(quoteId);
            void queryClient.invalidateQueries({ queryKey: clockKey });
            void queryClient.invalidateQueries({ queryKey: changePlanKeys.quote(request) });
            setOutcome({ kind: 'expired' });
          } else if (isApiFailure(error, 'change_not_applied')) {
            // The order ended (refunded if it was charged): a new attempt is a new intent.
            forgetIdempotencyKey(quoteId);
            void queryClient.invalidateQueries({ queryKey: changePlanKeys.quote(request) });
            setOutcome({ kind: 'notApplied', refunded: refundOf(error.details) });
          } else {
            // Unknown outcome (network, 503, still running): the retry keeps the key.
            setOutcome({ kind: 'failed', error });
          }
        },
        onSettled: () => {
          running.current = false;
        },
      },
    );
  };

  const run = () => {
    if (!view || running.current || blockedBy) return;
    setChoosingCard(false);
    send(view.id, idempotencyKeyFor(view.id), false);
  };

  // Back from the bank's page (?authenticated=<challenge>): the same request, with the same key,
  // answers how the payment ended. Sent once; the parameter leaves the address.
  const returned = search.get(AUTHENTICATED_PARAM);
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!returned || handled.current === returned) return;
    handled.current = returned;
    setSearch(
      (params) => {
        params.delete(AUTHENTICATED_PARAM);
        return params;
      },
      { replace: true },
    );
    const pending = keptAuthentication(returned);
    if (!pending) return;
    forgetAuthentication(returned);
    send(pending.quoteId, pending.idempotencyKey, true);
  });

  const chosen = (method: PaymentMethodView) => {
    setChoosingCard(false);
    setOutcome({ kind: 'cardChosen', card: method });
  };
  // Once the card is chosen, Place order is enabled again and the keyboard goes on from it.
  const cardChosen = outcome?.kind === 'cardChosen';
  useEffect(() => {
    if (cardChosen) placeOrder.current?.focus();
  }, [cardChosen]);
  const problem = outcome && outcome.kind !== 'cardChosen' && outcome.kind !== 'waiting';
  const offerAnotherCard =
    !choosingCard && (outcome?.kind === 'declined' || (placesOrder && methods.isSuccess && !card));

  return (
    <div className="confirm-panel">
      {view && (
        <p className="review-total">
          {t(placesOrder ? 'changePlan.review.payNow' : 'changePlan.review.payNothing', {
            amount: format.money(view.quote.dueNow),
          })}{' '}
          {t('changePlan.review.nextBill', {
            amount: format.money(view.quote.nextBill.amountDue),
            date: format.date(view.quote.nextBill.date),
          })}
        </p>
      )}
      {placesOrder && methods.isSuccess && (
        <p className="charged-card">
          {card ? t('paymentMethods.review.charged', { card: cardName(t, card) }) : t('paymentMethods.review.noCard')}
        </p>
      )}
      {problem && (
        <div
          className={
            outcome.kind === 'failed' || outcome.kind === 'declined' ? 'notice notice-error' : 'notice notice-warning'
          }
          role="alert"
        >
          {outcome.kind === 'declined' && (
            <>
              <p>
                {failureMessage(t, outcome.error)} {t('changePlan.review.declined')}
              </p>
              <p>
                <Link to={paths.account}>{t('changePlan.review.declinedAccount')}</Link>
              </p>
            </>
          )}
          {outcome.kind === 'stale' && <p>{t('changePlan.review.stale')}</p>}
          {outcome.kind === 'expired' && <p>{t('changePlan.review.expired')}</p>}
          {outcome.kind === 'notApplied' && (
            <p>
              {outcome.refunded
                ? t('changePlan.review.notAppliedRefunded', { amount: format.money(outcome.refunded) })
                : t('changePlan.review.notApplied')}
            </p>
          )}
          {outcome.kind === 'failed' && <p>{failureMessage(t, outcome.error)}</p>}
        </div>
      )}
      <div className="live-notice" role="status">
        {outcome?.kind === 'cardChosen' && (
          <p className="notice notice-success">
            {t('paymentMethods.review.retry', { card: cardName(t, outcome.card) })}
          </p>
        )}
        {outcome?.kind === 'waiting' && (
          <p className="notice notice-warning">
            {t('paymentMethods.review.waiting')}{' '}
            <Link to={bankPagePath(outcome.challenge.url, here())}>{t('paymentMethods.pay.continue')}</Link>
          </p>
        )}
      </div>
      {offerAnotherCard && (
        <button type="button" className="button button-secondary" onClick={() => setChoosingCard(true)}>
          {t('paymentMethods.another.button')}
        </button>
      )}
      {choosingCard && <AnotherCard onChosen={chosen} onCancel={() => setChoosingCard(false)} />}
      {blockedBy && (
        <p id={hintId} className={localNoChange ? 'notice notice-info' : 'muted'}>
          {blockedBy}
        </p>
      )}
      <div className="step-actions">
        <button
          type="button"
          ref={placeOrder}
          className="button button-primary"
          disabled={blockedBy !== null || server.pending}
          // While the request runs the button keeps the focus but does nothing (the ref guards too).
          aria-disabled={confirm.isPending || undefined}
          aria-describedby={blockedBy ? hintId : undefined}
          onClick={run}
        >
          {confirm.isPending
            ? t(placesOrder ? 'changePlan.review.placingOrder' : 'changePlan.review.confirming')
            : t(placesOrder ? 'changePlan.review.placeOrder' : 'changePlan.review.confirm')}
        </button>
      </div>
    </div>
  );
}

import type { QuoteView } from '@planshift/shared/api';
import type { Money } from '@planshift/shared/money';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiFailure } from '../../api/api-failure';
import { clockKey } from '../../api/query-keys';
import { paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { failureMessage } from '../../i18n/reasons';
import { changePlanKeys, useConfirmChange } from './api/change-plan';
import { useChangeFlow } from './change-flow-context';
import { donePath } from './change-steps';
import { forgetIdempotencyKey, idempotencyKeyFor, keepConfirmation } from './kept-answers';

type Outcome =
  | Readonly<{ kind: 'declined'; error: unknown }>
  | Readonly<{ kind: 'stale' }>
  | Readonly<{ kind: 'expired' }>
  /** The subscription moved while the order was being paid: nothing changed, and what was charged went back. */
  | Readonly<{ kind: 'notApplied'; refunded: Money | null }>
  | Readonly<{ kind: 'failed'; error: unknown }>;

const freshQuoteOf = (details: unknown): QuoteView | null =>
  (details as { quote?: QuoteView | null } | undefined)?.quote ?? null;
const refundOf = (details: unknown): Money | null =>
  (details as { refunded?: Money | null } | undefined)?.refunded ?? null;

/**
 * The server's price for the choice and the Confirm (or Place order) button. Confirming sends
 * the server's quote id with one Idempotency-Key per quote, and the button stays disabled while
 * the request runs, so a double click or a retry charges once. A decline, a stale or an expired
 * quote is explained, with the way forward.
 */
export function ConfirmPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { live, server, agreement, request } = useChangeFlow();
  const confirm = useConfirmChange();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef(false);
  const hintId = useId();

  const view = agreement.state === 'agrees' || agreement.state === 'differs' ? agreement.view : undefined;
  const localNoChange = live.ok && live.quote.noChange !== null;
  const dueNow = view?.quote.dueNow ?? (live.ok ? live.quote.dueNow : null);
  const placesOrder = (dueNow?.amount ?? 0) > 0;
  const blockedBy = localNoChange
    ? t('changePlan.review.nothingChanges')
    : agreement.state === 'differs'
      ? t('changePlan.review.disagree')
      : agreement.state !== 'agrees'
        ? t('changePlan.review.waiting')
        : null;

  const run = () => {
    if (!view || running.current || blockedBy) return;
    running.current = true;
    setOutcome(null);
    const quoteId = view.id;
    confirm.mutate(
      { quoteId, idempotencyKey: idempotencyKeyFor(quoteId) },
      {
        onSuccess: (confirmation) => {
          forgetIdempotencyKey(quoteId);
          keepConfirmation(confirmation);
          navigate(donePath(confirmation.changeId));
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
      {outcome && (
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
      {blockedBy && (
        <p id={hintId} className={localNoChange ? 'notice notice-info' : 'muted'}>
          {blockedBy}
        </p>
      )}
      <div className="step-actions">
        <button
          type="button"
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

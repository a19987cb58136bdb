import type { PaymentMethodView } from '@planshift/shared/api';
import type { AddPaymentMethodRequest } from '@planshift/shared/payment-card';
import type { AppDeps } from '../deps';
import { PaymentUnavailableError } from '../payments/payment-provider';
import { notFound, type Refusal, refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import { MAX_CARDS_PER_ACCOUNT } from '../store/payment-method-repository';
import type { UserRecord } from '../store/records';
import { paymentMethodView } from './payment-methods-view';

type NotAllowed = Refusal<'no_billing_permission'>;

const notAllowed = (): NotAllowed =>
  refusal('no_billing_permission', 'Only owners and billing admins can change the cards on file.');

export type AddOutcome =
  | Readonly<{ ok: true; paymentMethod: PaymentMethodView }>
  | NotAllowed
  | Refusal<
      | 'card_number_invalid'
      | 'card_expiry_invalid'
      | 'card_expired'
      | 'card_cvc_invalid'
      | 'too_many_payment_methods'
      | 'payment_unavailable'
    >;

/**
 * Adds a card: the processor checks it (number, expiry by the system clock, security code) and
 * keeps it, and the portal keeps only its token, brand, last four and expiry. Every problem with
 * the card is answered at once, each with its field (the first one leads).
 */
export async function addPaymentMethod(
  deps: Pick<AppDeps, 'store' | 'clock' | 'payments'>,
  user: UserRecord,
  card: AddPaymentMethodRequest,
): Promise<AddOutcome> {
  if (!canManageBilling(user)) return notAllowed();
  const at = deps.clock.now();
  const held = await deps.store.paymentMethods.list(user.accountId);
  if (held.length >= MAX_CARDS_PER_ACCOUNT) return tooMany();
  let tokenized: Awaited<ReturnType<typeof deps.payments.tokenize>>;
  try {
    tokenized = await deps.payments.tokenize({ ...card, validAt: at });
  } catch (error) {
    if (error instanceof PaymentUnavailableError) {
      return refusal('payment_unavailable', 'The payment provider did not answer; try again.');
    }
    throw error;
  }
  if (!tokenized.ok) {
    const [first, ...rest] = tokenized.problems.map((problem) => ({
      code: problem.reason,
      field: problem.field,
      message: CARD_MESSAGES[problem.reason],
    }));
    if (!first) throw new Error('a refused card names its problem');
    return refusal(first.code, first.message, first.field, { issues: [first, ...rest] });
  }
  const added = await deps.store.paymentMethods.add({
    accountId: user.accountId,
    userId: user.id,
    at,
    card: tokenized.card,
    makeDefault: card.makeDefault,
  });
  if (added.kind === 'limit') return tooMany();
  return { ok: true, paymentMethod: paymentMethodView(added.paymentMethod) };
}

/** Makes a card of the account the one every charge goes to. */
export async function makeDefaultPaymentMethod(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  user: UserRecord,
  id: string,
): Promise<Readonly<{ ok: true }> | NotAllowed | Refusal<'not_found'>> {
  if (!canManageBilling(user)) return notAllowed();
  const done = await deps.store.paymentMethods.makeDefault({
    accountId: user.accountId,
    userId: user.id,
    at: deps.clock.now(),
    id,
  });
  return done === 'done' ? { ok: true } : notFound('payment method');
}

/** Removes a card that is not the default (make another the default first). */
export async function removePaymentMethod(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  user: UserRecord,
  id: string,
): Promise<
  Readonly<{ ok: true }> | NotAllowed | Refusal<'not_found' | 'payment_method_is_default' | 'payment_method_in_use'>
> {
  if (!canManageBilling(user)) return notAllowed();
  const removed = await deps.store.paymentMethods.remove({
    accountId: user.accountId,
    userId: user.id,
    at: deps.clock.now(),
    id,
  });
  switch (removed) {
    case 'removed':
      return { ok: true };
    case 'not_found':
      return notFound('payment method');
    case 'is_default':
      return refusal(
        'payment_method_is_default',
        'This card is the default: make another card the default before removing it.',
        'id',
      );
    case 'in_use':
      return refusal(
        'payment_method_in_use',
        'A payment waiting for your bank’s authentication uses this card: try again once it has ended.',
        'id',
      );
  }
}

const tooMany = () =>
  refusal(
    'too_many_payment_methods',
    `An account keeps at most ${MAX_CARDS_PER_ACCOUNT} cards: remove one before adding another.`,
  );

const CARD_MESSAGES = {
  card_number_invalid: 'This is not a valid card number.',
  card_expiry_invalid: 'This is not a valid expiry date.',
  card_expired: 'This card has expired.',
  card_cvc_invalid: 'The security code has 3 digits (4 on the front of an American Express card).',
} as const;

import type { PaymentMethodsView, PaymentMethodView } from '@planshift/shared/api';
import { canManageBilling } from '../session/sessions';
import type { PaymentMethodRecord, UserRecord } from '../store/records';

/** A card as the API shows it: what identifies it, never its token. */
export function paymentMethodView(card: PaymentMethodRecord): PaymentMethodView {
  const { id, brand, last4, expMonth, expYear, isDefault } = card;
  return { id, brand, last4, expMonth, expYear, isDefault };
}

export function paymentMethodsView(cards: readonly PaymentMethodRecord[], user: UserRecord): PaymentMethodsView {
  return { paymentMethods: cards.map(paymentMethodView), canManage: canManageBilling(user) };
}

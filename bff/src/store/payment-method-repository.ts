import type { Instant } from '@planshift/shared/periods';
import type { TokenizedCard } from '../payments/payment-provider';
import type { PaymentMethodRecord } from './records';

/** Enough for a company's cards; a bound, so that nobody fills the table through the API. */
export const MAX_CARDS_PER_ACCOUNT = 10;

/** Who changes a card, and when (the system clock): each change is audited. */
export type CardChange = Readonly<{ accountId: string; userId: string; at: Instant }>;

export type AddCardResult =
  | Readonly<{ kind: 'added'; paymentMethod: PaymentMethodRecord }>
  /** The account already keeps as many cards as it may. */
  | Readonly<{ kind: 'limit' }>;

export type RemoveCardResult = 'removed' | 'not_found' | 'is_default' | 'in_use';

/** The cards on file: the default first; one default per account while it has any card. */
export interface PaymentMethodRepository {
  list(accountId: string): Promise<PaymentMethodRecord[]>;
  /** Keeps a tokenized card; it becomes the default when asked, or when it is the account's first. */
  add(change: CardChange & Readonly<{ card: TokenizedCard; makeDefault: boolean }>): Promise<AddCardResult>;
  makeDefault(change: CardChange & Readonly<{ id: string }>): Promise<'done' | 'not_found'>;
  /** Removes a card that is not the default and that no payment waiting for the customer's bank charges. */
  remove(change: CardChange & Readonly<{ id: string }>): Promise<RemoveCardResult>;
}

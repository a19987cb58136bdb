import type { CardDecline } from './payment-provider';

/** What a test card does when charged: succeed, be refused for a reason, or ask for authentication on session. */
export type CardBehaviour = 'success' | 'authentication_required' | Exclude<CardDecline, `authentication_${string}`>;

/** The card processor test numbers everyone knows (Stripe's), and what each one does. */
export const TEST_CARDS: Readonly<Record<string, CardBehaviour>> = {
  '4242424242424242': 'success',
  '5555555555554444': 'success',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000119': 'processing_error',
  // Asks the customer's bank for authentication on every payment made while they are present.
  '4000002500003155': 'authentication_required',
};

/**
 * The processor's ready-made tokens for its test cards (as Stripe's `pm_card_visa`): seeded
 * scenarios put these on file, so no number is ever stored and nothing needs tokenizing first.
 */
export const TEST_TOKENS: Readonly<Record<string, string>> = {
  pm_card_visa: '4242424242424242',
  pm_card_mastercard: '5555555555554444',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_authenticationRequired: '4000002500003155',
};

/** The ready-made token of a test card; any other number is a card the processor declines. */
export function testTokenFor(number: string): string {
  const found = Object.entries(TEST_TOKENS).find(([, card]) => card === number);
  return found ? found[0] : 'pm_card_chargeDeclined';
}

/** How a card number behaves: the test cards as listed, any other card declined. */
export const behaviourOf = (number: string): CardBehaviour => TEST_CARDS[number] ?? 'card_declined';

export const DECLINE_MESSAGES: Readonly<Record<CardDecline, string>> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  processing_error: 'An error occurred while processing your card.',
  authentication_failed: 'Your bank did not authenticate the payment.',
  authentication_expired: 'The payment was not authenticated in time.',
};

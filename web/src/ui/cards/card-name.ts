import type { TFunction } from 'i18next';
import { cardBrandLabel } from '../../i18n/labels';

/** A card as people name it: its network and last four digits ("Visa •••• 4242"). */
export const cardName = (t: TFunction, card: Readonly<{ brand: string; last4: string }>): string =>
  t('paymentMethods.card', { brand: cardBrandLabel(t, card.brand), last4: card.last4 });

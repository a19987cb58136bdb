/** The card networks the portal names; any other number that passes the checks is a plain "card". */
export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'card'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

/** The network a card number belongs to, by its issuer prefix (Visa 4, Mastercard 51–55 and 2221–2720, Amex 34 and 37). */
export function cardBrand(digits: string): CardBrand {
  if (digits.startsWith('4')) return 'visa';
  if (/^3[47]/.test(digits)) return 'amex';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  return 'card';
}

/** How many digits a card's security code has: four on the front of an Amex, three on the back of the others. */
export const cvcLength = (brand: CardBrand): number => (brand === 'amex' ? 4 : 3);

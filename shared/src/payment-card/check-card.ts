import type { Instant } from '../periods/instant';
import { type CardBrand, cardBrand, cvcLength } from './card-brand';
import { passesLuhn } from './luhn';

/** A card as the customer typed it: the number with or without spaces, the expiry, the security code. */
export type CardInput = Readonly<{ number: string; expMonth: number; expYear: number; cvc: string }>;

/** Why a card cannot be added, with the field the customer must fix. */
export type CardProblem =
  | Readonly<{ reason: 'card_number_invalid'; field: 'number' }>
  | Readonly<{ reason: 'card_expiry_invalid'; field: 'expMonth' | 'expYear' }>
  | Readonly<{ reason: 'card_expired'; field: 'expMonth' | 'expYear' }>
  | Readonly<{ reason: 'card_cvc_invalid'; field: 'cvc' }>;

/** A card that passed every check: its digits, network, last four and expiry with a four-digit year. */
export type CheckedCard = Readonly<{
  number: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}>;

export type CardCheck = Readonly<{ ok: true; card: CheckedCard }> | Readonly<{ ok: false; problems: CardProblem[] }>;

/** Card numbers are 12 to 19 digits (ISO/IEC 7812); people type them in groups. */
const SEPARATORS = /[\s-]/g;
const MIN_DIGITS = 12;
const MAX_DIGITS = 19;
/** No card is issued for longer than this: a year further out is a typing mistake. */
const MAX_YEARS_AHEAD = 20;

/**
 * Whether a card can be kept on file at `now`: a number that passes the Luhn check, a month
 * from 1 to 12 whose last day is not past (a card is valid through its expiry month, UTC), and a
 * security code of three digits (four for Amex). A two-digit year is this century's.
 */
export function checkCard(input: CardInput, now: Instant): CardCheck {
  const problems: CardProblem[] = [];
  const number = input.number.replace(SEPARATORS, '');
  const numberOk = /^\d+$/.test(number) && number.length >= MIN_DIGITS && number.length <= MAX_DIGITS;
  if (!numberOk || !passesLuhn(number)) problems.push({ reason: 'card_number_invalid', field: 'number' });

  const today = new Date(now * 1000);
  const thisYear = today.getUTCFullYear();
  const thisMonth = today.getUTCMonth() + 1;
  const expYear = input.expYear < 100 ? 2000 + input.expYear : input.expYear;
  if (!Number.isInteger(input.expMonth) || input.expMonth < 1 || input.expMonth > 12) {
    problems.push({ reason: 'card_expiry_invalid', field: 'expMonth' });
  } else if (!Number.isInteger(expYear) || expYear < 2000 || expYear > thisYear + MAX_YEARS_AHEAD) {
    problems.push({ reason: expYear < thisYear ? 'card_expired' : 'card_expiry_invalid', field: 'expYear' });
  } else if (expYear < thisYear) {
    problems.push({ reason: 'card_expired', field: 'expYear' });
  } else if (expYear === thisYear && input.expMonth < thisMonth) {
    problems.push({ reason: 'card_expired', field: 'expMonth' });
  }

  const brand = cardBrand(number);
  if (!new RegExp(`^\\d{${cvcLength(brand)}}$`).test(input.cvc))
    problems.push({ reason: 'card_cvc_invalid', field: 'cvc' });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, card: { number, brand, last4: number.slice(-4), expMonth: input.expMonth, expYear } };
}

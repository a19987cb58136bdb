import { type Money, money } from '../money/money';
import type { DocumentKind } from './document';

// One sign convention on every surface (docs/decisions/014): an amount is shown with the sign
// of its effect on what the customer pays. Charges are positive; credits, and credit applied,
// added or forfeited, are negative. The stored and wire values keep their own signs (a credit
// note's lines and total are the positive amount credited); only what is shown follows this.

/** A credit as shown beside charges: negative, whatever sign it is kept with. */
export function asCredit(value: Money): Money {
  return money(-Math.abs(value.amount), value.currency);
}

/** An amount of an invoice (a charge) or of a credit note (a credit), as shown. */
export function shownAmount(kind: DocumentKind, value: Money): Money {
  return kind === 'credit_note' ? asCredit(value) : value;
}

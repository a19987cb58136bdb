import type { CatalogPolicies } from '../catalog/catalog';
import type { CurrencyCode } from '../money/currencies';
import { type Money, money } from '../money/money';
import type { CreditBalanceMovement, QuoteLine } from '../quote/quote';
import type { CreditNoteDraft, InvoiceDraft } from './document';

export type ChangeSettlement = Readonly<{
  creditNote: CreditNoteDraft | null;
  invoice: InvoiceDraft | null;
  creditBalance: CreditBalanceMovement;
  dueNowBeforeCredit: Money;
  dueNow: Money;
  totals: Readonly<{ charges: Money; credits: Money; net: Money }>;
}>;

function sumAmounts(lines: readonly QuoteLine[]): number {
  return lines.reduce((sum, line) => sum + line.amount.amount, 0);
}

/**
 * How a change is paid: a credit note for the credit lines and an invoice for the charge
 * lines; the credit note pays the invoice first, existing account credit pays the rest before
 * the card, and credit left over is kept for future invoices (or not given): never cash.
 */
export function settleChange(
  lines: readonly QuoteLine[],
  currency: CurrencyCode,
  creditBalance: number,
  creditBehaviour: CatalogPolicies['creditBehaviour'],
): ChangeSettlement {
  const chargeLines = lines.filter((line) => line.kind !== 'credit_unused_time');
  const creditLines = lines
    .filter((line) => line.kind === 'credit_unused_time')
    .map((line) => ({ ...line, amount: money(-line.amount.amount, currency) }));
  const charges = sumAmounts(chargeLines);
  const credits = sumAmounts(creditLines);

  const creditNoteApplied = Math.min(credits, charges);
  const leftover = credits - creditNoteApplied;
  const balanceApplied = Math.min(creditBalance, charges - creditNoteApplied);
  const dueNow = charges - creditNoteApplied - balanceApplied;
  const added = creditBehaviour === 'account_credit' ? leftover : 0;
  const m = (amount: number) => money(amount, currency);

  const invoice: InvoiceDraft | null =
    charges > 0
      ? {
          kind: 'invoice',
          reason: 'change',
          currency,
          lines: chargeLines,
          total: m(charges),
          creditNoteApplied: m(creditNoteApplied),
          creditBalanceApplied: m(balanceApplied),
          amountDue: m(dueNow),
        }
      : null;
  const creditNote: CreditNoteDraft | null =
    credits > 0
      ? {
          kind: 'credit_note',
          currency,
          lines: creditLines,
          total: m(credits),
          appliedToInvoice: m(creditNoteApplied),
          addedToCreditBalance: m(added),
          forfeited: m(leftover - added),
        }
      : null;

  return {
    invoice,
    creditNote,
    creditBalance: {
      before: m(creditBalance),
      applied: m(balanceApplied),
      added: m(added),
      forfeited: m(leftover - added),
      after: m(creditBalance - balanceApplied + added),
    },
    dueNowBeforeCredit: m(charges - creditNoteApplied),
    dueNow: m(dueNow),
    totals: { charges: m(charges), credits: m(-credits), net: m(charges - credits) },
  };
}

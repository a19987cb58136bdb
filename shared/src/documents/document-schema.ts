import { z } from 'zod';
import { currencyCodeSchema, moneySchema } from '../money/money-schema';
import { periodSchema, remainingFractionSchema } from '../periods/periods-schema';
import type { SameShape } from '../wire/same-shape';
import { type CreditNoteDraft, DOCUMENT_REASONS, type DocumentLine, type InvoiceDraft } from './document';

const documentLineObject = z
  .strictObject({
    kind: z.enum(['credit_unused_time', 'charge_remaining_time', 'charge_full_period', 'renewal']),
    item: z.strictObject({ type: z.enum(['plan', 'add_on']), id: z.string(), priceId: z.string() }),
    quantity: z.int(),
    unitAmount: moneySchema,
    covers: periodSchema,
    billingPeriod: periodSchema,
    fraction: remainingFractionSchema,
    amount: moneySchema,
    capped: z.boolean(),
  })
  .meta({ description: 'unit price × quantity × numerator/denominator, rounded once; credits are negative.' });
const _line: SameShape<typeof documentLineObject, DocumentLine> = true;
/** A priced line of a quote, an invoice or a credit note. */
export const documentLineSchema: z.ZodType<DocumentLine> = documentLineObject;

const invoiceDraftObject = z.strictObject({
  kind: z.literal('invoice'),
  reason: z.enum(DOCUMENT_REASONS),
  currency: currencyCodeSchema,
  lines: z.array(documentLineSchema),
  total: moneySchema,
  creditNoteApplied: moneySchema,
  creditBalanceApplied: moneySchema,
  amountDue: moneySchema,
});
const _invoice: SameShape<typeof invoiceDraftObject, InvoiceDraft> = true;
export const invoiceDraftSchema: z.ZodType<InvoiceDraft> = invoiceDraftObject;

const creditNoteDraftObject = z.strictObject({
  kind: z.literal('credit_note'),
  currency: currencyCodeSchema,
  lines: z.array(documentLineSchema),
  total: moneySchema,
  appliedToInvoice: moneySchema,
  addedToCreditBalance: moneySchema,
  forfeited: moneySchema,
});
const _creditNote: SameShape<typeof creditNoteDraftObject, CreditNoteDraft> = true;
export const creditNoteDraftSchema: z.ZodType<CreditNoteDraft> = creditNoteDraftObject;

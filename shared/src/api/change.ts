import { z } from 'zod';
import { moneySchema } from '../money/money-schema';
import { epochSecondsSchema } from '../periods/periods-schema';
import {
  changeDescriptorSchema,
  creditBalanceMovementSchema,
  nextBillSchema,
  quoteEntitlementsSchema,
  scheduledChangeSchema,
} from '../quote/quote-schema';
import { pendingChangeSchema } from '../subscription/subscription-schema';
import { readonlyArrayOf } from '../wire/readonly-array';
import { quoteIdSchema } from './quote';

/** A document a confirmation issued: its number, total and what was left to pay by card. */
export const issuedDocumentViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  total: moneySchema,
  amountDue: moneySchema,
});
export type IssuedDocumentView = z.output<typeof issuedDocumentViewSchema>;

/** POST /api/changes: what changed now, what is scheduled, the documents and the new limits. */
export const confirmationViewSchema = z.object({
  changeId: z.string(),
  orderId: z.string(),
  quoteId: quoteIdSchema,
  confirmedAt: epochSecondsSchema,
  appliedNow: readonlyArrayOf(changeDescriptorSchema),
  scheduled: scheduledChangeSchema.nullable(),
  replacedPendingChange: pendingChangeSchema.nullable(),
  documents: z.object({
    invoice: issuedDocumentViewSchema.nullable(),
    creditNote: issuedDocumentViewSchema.nullable(),
  }),
  charged: moneySchema,
  creditBalance: creditBalanceMovementSchema,
  entitlements: quoteEntitlementsSchema,
  nextBill: nextBillSchema,
  provisioning: z.enum(['automatic', 'pending']),
});
export type ConfirmationView = z.output<typeof confirmationViewSchema>;

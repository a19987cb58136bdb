import { z } from 'zod';
import { subscriptionStatusSchema } from '../subscription/subscription-schema';
import { documentSummaryViewSchema } from './documents';

/** POST /api/invoices/{id}/pay: the invoice as it stands now, and the subscription's status. */
export const invoicePaymentViewSchema = z.object({
  invoice: documentSummaryViewSchema,
  subscriptionStatus: subscriptionStatusSchema,
});
export type InvoicePaymentView = z.output<typeof invoicePaymentViewSchema>;

// The documented shapes of the API's answers live in @planshift/shared/api (one schema per shape,
// its type derived from it). This module keeps the old names, and lists the components that the
// routes name with `engineObject` and /api/openapi.json fills in.
import {
  accountViewSchema,
  confirmationViewSchema,
  documentSummaryViewSchema,
  documentsViewSchema,
  documentViewSchema,
  invoicePaymentViewSchema,
  optionsViewSchema,
  quoteViewSchema,
} from '@planshift/shared/api';
import type { z } from 'zod';

export {
  accountViewSchema as accountSchema,
  confirmationViewSchema as confirmationSchema,
  documentSummaryViewSchema as documentSummarySchema,
  documentViewSchema as documentSchema,
  invoicePaymentViewSchema as invoicePaymentSchema,
  quoteViewSchema,
};

/** The response components of the OpenAPI document, by the names the routes give them. */
export const RESPONSE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Account: accountViewSchema,
  ChangeOptions: optionsViewSchema,
  Quote: quoteViewSchema,
  Confirmation: confirmationViewSchema,
  Documents: documentsViewSchema,
  Document: documentViewSchema,
  InvoicePayment: invoicePaymentViewSchema,
};

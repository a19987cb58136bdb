import { z } from 'zod';
import { localeSchema } from '../account/account-schema';
import { DOCUMENT_KINDS, DOCUMENT_REASONS } from '../documents/document';
import { documentLineSchema } from '../documents/document-schema';
import { moneySchema } from '../money/money-schema';
import { epochSecondsSchema } from '../periods/periods-schema';
import { readonlyArrayOf } from '../wire/readonly-array';

/** An issued invoice or credit note in the account's list: what it is for, what it came to, what is paid. */
export const documentSummaryViewSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  reason: z.enum(DOCUMENT_REASONS),
  number: z.string(),
  issuedAt: epochSecondsSchema,
  total: moneySchema,
  amountDue: moneySchema,
  amountPaid: moneySchema,
  status: z.enum(['issued', 'paid', 'unpaid']),
  /** When an invoice was paid in full (its last payment; its issue when credit paid it); null otherwise. */
  paidAt: epochSecondsSchema.nullable(),
  relatedDocumentId: z.string().nullable(),
});
export type DocumentSummaryView = z.output<typeof documentSummaryViewSchema>;

/** GET /api/documents: the summaries, newest first. */
export const documentsViewSchema = z.object({ documents: readonlyArrayOf(documentSummaryViewSchema) });
export type DocumentsView = z.output<typeof documentsViewSchema>;

/** GET /api/documents/{id}: a document with its lines, parties and how it was paid. */
export const documentViewSchema = documentSummaryViewSchema.extend({
  lines: readonlyArrayOf(documentLineSchema),
  seller: z.unknown(),
  customer: z.unknown(),
  locale: localeSchema,
  creditNoteApplied: z.int(),
  creditBalanceApplied: z.int(),
  forfeited: z.int(),
});
export type DocumentView = z.output<typeof documentViewSchema>;

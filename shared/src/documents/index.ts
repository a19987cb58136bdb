export {
  type CreditNoteDraft,
  DOCUMENT_KINDS,
  DOCUMENT_REASONS,
  type DocumentKind,
  type DocumentLine,
  type DocumentReason,
  type InvoiceDraft,
} from './document';
export { creditNoteDraftSchema, documentLineSchema, invoiceDraftSchema } from './document-schema';
export { renewalInvoice } from './renewal-invoice';
export { type ChangeSettlement, settleChange } from './settle-change';
export { asCredit, shownAmount } from './shown-sign';

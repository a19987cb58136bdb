export type { CreditNoteDraft, DocumentLine, InvoiceDraft } from './document';
export { renewalInvoice } from './renewal-invoice';
export { type ChangeSettlement, settleChange } from './settle-change';

// The API's answers are defined once, as zod schemas in @planshift/shared/api, with their types
// derived from them. This module only keeps the old import path working while routes move.
export { LOCALES, type Locale, type Role } from '@planshift/shared/account';
export type {
  AccountView,
  ClockView,
  ConfirmationView,
  DocumentSummaryView,
  DocumentView,
  ErrorBody,
  InvoicePaymentView,
  IssuedDocumentView,
  OptionsView,
  Persona,
  QuoteView,
  SessionView,
  UserView,
} from '@planshift/shared/api';

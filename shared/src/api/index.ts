export { type AccountView, accountViewSchema, type OptionsView, optionsViewSchema } from './account';
export { type BillingDetailsView, billingDetailsViewSchema } from './billing-details';
export {
  type CancellationRequest,
  type CancellationView,
  cancellationReasonSchema,
  cancellationRequestSchema,
  cancellationViewSchema,
  type ResumeView,
  resumeViewSchema,
} from './cancellation';
export { CANCELLATION_COMMENT_MAX, CANCELLATION_REASONS, type CancellationReason } from './cancellation-reasons';
export {
  type ConfirmationView,
  confirmationViewSchema,
  type IssuedDocumentView,
  issuedDocumentViewSchema,
} from './change';
export { type ClockView, clockViewSchema } from './clock';
export {
  type DocumentSummaryView,
  type DocumentsView,
  type DocumentView,
  documentSummaryViewSchema,
  documentsViewSchema,
  documentViewSchema,
} from './documents';
export { API_ERROR_CODES, type ApiErrorCode, type ErrorBody, errorBodySchema } from './error';
export {
  type HealthView,
  healthViewSchema,
  NOT_READY_REASONS,
  type ReadinessView,
  readinessViewSchema,
} from './health';
export { type InvoicePaymentView, invoicePaymentViewSchema } from './invoices';
export {
  type AuthenticationRequiredView,
  authenticationRequiredViewSchema,
  CHALLENGE_STATUSES,
  type ChallengeDecision,
  challengeDecisionSchema,
  type PaymentChallengeView,
  type PaymentMethodsView,
  type PaymentMethodView,
  paymentChallengeViewSchema,
  paymentMethodsViewSchema,
  paymentMethodViewSchema,
} from './payment-methods';
export {
  type ClockMoveView,
  clockMoveViewSchema,
  type MailboxEntryView,
  type MailboxMessageView,
  type MailboxView,
  mailboxEntryViewSchema,
  mailboxMessageViewSchema,
  mailboxViewSchema,
  type Persona,
  type PersonasView,
  personaSchema,
  personasViewSchema,
  type ScenarioId,
  type ScenarioListView,
  type ScenarioView,
  scenarioIdSchema,
  scenarioListViewSchema,
  scenarioViewSchema,
  type TestClockView,
  testClockViewSchema,
} from './qa';
export { QUOTE_ID_MAX_LENGTH, type QuoteView, quoteIdSchema, quoteViewSchema } from './quote';
export {
  type SalesContactView,
  type SalesRequestAnswer,
  type SalesRequestSent,
  type SalesRequestView,
  salesContactViewSchema,
  salesRequestAnswerSchema,
  salesRequestSentSchema,
  salesRequestViewSchema,
} from './sales-requests';
export { SCENARIO_COOKIE, SCENARIO_HEADER } from './scenario-names';
export { type ScheduledChangeView, scheduledChangeViewSchema } from './scheduled-change';
export { type SessionView, sessionViewSchema, type UserView, userViewSchema } from './session';

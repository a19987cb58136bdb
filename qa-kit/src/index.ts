// @planshift/playwright: write QA flows against a Planshift portal with Playwright.
// `test` and `expect` replace Playwright's; the rest is there for flows that need it by hand.

export { type AxeScope, expectNoSeriousViolations } from './a11y/axe';
export { type InstantLike, isoOf } from './clock/instant';
export { type ClockDuration, TestClock } from './clock/test-clock';
export { Documents } from './documents/documents';
export { expect, type KitFixtures, type KitOptions, LOCALE_STORAGE_KEY, test } from './fixtures';
export { describeMail, type MailMatch, matchesMail } from './mailbox/mail-match';
export { Mailbox, type PdfAttachment } from './mailbox/mailbox';
export { moneyMatchers } from './matchers/money-matchers';
export { AccountPage } from './pages/account-page';
export { BankPage } from './pages/bank-page';
export { BillingDetailsPage, type BillingField } from './pages/billing-details-page';
export { type CancellationReasonCode, CancelPage } from './pages/cancel-page';
export { AnotherCard, type CardEntry, CardForm } from './pages/card-forms';
export { ChangeFlow } from './pages/change-flow';
export { type ChangeChoice, type ChangeStepName, changePath } from './pages/change-path';
export { ChangeResultPage } from './pages/change-result-page';
export { AddOnsStep, PlanStep, ReviewStep, SeatsStep } from './pages/change-steps';
export { ContactSalesPage } from './pages/contact-sales-page';
export { tabTo } from './pages/keyboard';
export { PaymentMethodsPage } from './pages/payment-methods-page';
export { PortalHeader, PortalPage } from './pages/portal-page';
export { QuotePanel } from './pages/quote-panel';
export { type PersonaCard, SignInPage } from './pages/sign-in-page';
export { escapeRegExp, rowStartingWith, textOf } from './pages/table-rows';
export { createScenario, deleteScenario, listScenarios } from './scenario/scenario-host';
export { scenarioJsonSchema } from './scenario/scenario-json-schema';
export type { ScenarioSource } from './scenario/scenario-source';
export { TestScenario } from './scenario/test-scenario';
export { type Credentials, csrfHeaders, type StorageState, signInThroughApi } from './session/api-sign-in';
export { formatDate, formatMoney, formatShare, type MoneyLike, type PeriodShare } from './text/format';
export {
  isPortalLocale,
  type MessageValues,
  messagePattern,
  PORTAL_LOCALES,
  type PortalLocale,
  type Translate,
  translator,
} from './text/messages';
export { pdfText } from './text/pdf-text';
export { inLanguage, PortalLanguage } from './text/portal-language';
export type * from './wire';

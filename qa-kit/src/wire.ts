// The portal's wire shapes the kit answers with, from the zod schemas the BFF validates with
// (bundled into the package's types at build).

/** A whole scenario given inline: catalogs, accounts with their users and subscriptions, the clock. */
export type { ScenarioInput } from '@planshift/bff/scenarios/scenario-schema';
export type { Locale } from '@planshift/shared/account';
export type {
  AccountView,
  ClockMoveView,
  DocumentSummaryView,
  DocumentView,
  MailboxEntryView,
  MailboxMessageView,
  Persona,
  ScenarioListView,
  ScenarioView,
  TestClockView,
} from '@planshift/shared/api';

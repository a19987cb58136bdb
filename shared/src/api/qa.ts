import { z } from 'zod';
import { localeSchema, roleSchema } from '../account/account-schema';
import { currencyCodeSchema } from '../money/money-schema';
import { epochSecondsSchema } from '../periods/periods-schema';
import { readonlyArrayOf } from '../wire/readonly-array';

// The QA routes' answers (/api/test/*): absent in production.

/** A demo person to sign in as, from the development sign-in page. */
export const personaSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  password: z.string(),
  accountName: z.string(),
  planId: z.string(),
  currency: currencyCodeSchema,
  locale: localeSchema,
});
export type Persona = z.output<typeof personaSchema>;

/** A scenario's id: what the `Planshift-Scenario` header and the `planshift_scenario` cookie carry. */
export const scenarioIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
  .meta({ description: 'A scenario id: lowercase letters, digits and hyphens.', example: 'scn-4f9c2a7d1e' });
export type ScenarioId = z.output<typeof scenarioIdSchema>;

/** GET /api/test/personas: the people of a scenario (by default, the demo), to sign in as. */
export const personasViewSchema = z
  .object({
    scenario: scenarioIdSchema.nullable().meta({ description: 'The scenario they live in; sign in with it.' }),
    personas: readonlyArrayOf(personaSchema),
  })
  .meta({ id: 'Personas' });
export type PersonasView = z.output<typeof personasViewSchema>;

/** A scenario's clock as QA drives it. */
export const testClockViewSchema = z
  .object({
    now: epochSecondsSchema,
    iso: z.string(),
    frozen: z.boolean().meta({ description: 'True while the clock is stopped at an instant; false on real time.' }),
  })
  .meta({ id: 'Clock' });
export type TestClockView = z.output<typeof testClockViewSchema>;

/** What a move of a scenario's clock ran before it answered. */
export const clockMoveViewSchema = testClockViewSchema
  .extend({
    ran: z.object({
      renewals: z.int().min(0).meta({ description: 'Periods renewed (each with its invoice).' }),
      endings: z.int().min(0).meta({ description: 'Subscriptions ended by a scheduled cancellation.' }),
      emails: z.int().min(0).meta({ description: 'E-mails sent from the outbox.' }),
    }),
  })
  .meta({ id: 'ClockMove' });
export type ClockMoveView = z.output<typeof clockMoveViewSchema>;

/** POST /api/test/scenarios, GET /api/test/scenarios/{id}. */
export const scenarioViewSchema = z
  .object({
    id: scenarioIdSchema,
    name: z.string().nullable().meta({ description: 'The named scenario it was made from; null when given inline.' }),
    createdAt: epochSecondsSchema.meta({ description: 'Wall time, not the scenario clock.' }),
    clock: testClockViewSchema,
    personas: readonlyArrayOf(personaSchema),
  })
  .meta({ id: 'ScenarioView' });
export type ScenarioView = z.output<typeof scenarioViewSchema>;

/** GET /api/test/scenarios. */
export const scenarioListViewSchema = z
  .object({
    scenarios: readonlyArrayOf(scenarioViewSchema.pick({ id: true, name: true, createdAt: true })),
    names: readonlyArrayOf(z.string()).meta({ description: 'The named scenarios a new one can be made from.' }),
  })
  .meta({ id: 'ScenarioList' });
export type ScenarioListView = z.output<typeof scenarioListViewSchema>;

export const mailboxAttachmentViewSchema = z.object({
  index: z.int().min(0),
  filename: z.string(),
  contentType: z.string(),
  size: z.int().min(0),
});

/** A message of a scenario's mailbox, as listed. */
export const mailboxEntryViewSchema = z
  .object({
    id: z.string(),
    date: z
      .string()
      .nullable()
      .meta({ description: 'The Date header (the scenario clock when it was sent), ISO 8601.' }),
    from: z.string(),
    to: readonlyArrayOf(z.string()),
    subject: z.string(),
    messageId: z.string().nullable(),
    attachments: readonlyArrayOf(mailboxAttachmentViewSchema),
  })
  .meta({ id: 'MailboxEntry' });
export type MailboxEntryView = z.output<typeof mailboxEntryViewSchema>;

/** GET /api/test/mailbox: newest first, by the scenario's clock. */
export const mailboxViewSchema = z
  .object({ messages: readonlyArrayOf(mailboxEntryViewSchema) })
  .meta({ id: 'Mailbox' });
export type MailboxView = z.output<typeof mailboxViewSchema>;

/** GET /api/test/mailbox/{id}. */
export const mailboxMessageViewSchema = mailboxEntryViewSchema
  .extend({ html: z.string().nullable(), text: z.string().nullable() })
  .meta({ id: 'MailboxMessage' });
export type MailboxMessageView = z.output<typeof mailboxMessageViewSchema>;

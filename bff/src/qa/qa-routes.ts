import { createRoute, z } from '@hono/zod-openapi';
import {
  type ClockMoveView,
  clockMoveViewSchema,
  mailboxMessageViewSchema,
  mailboxViewSchema,
  personasViewSchema,
  SCENARIO_HEADER,
  type TestClockView,
  testClockViewSchema,
} from '@planshift/shared/api';
import { instantFromIso, instantToIso } from '@planshift/shared/periods';
import type { Context } from 'hono';
import type { ClockRan, ScenarioWorld } from '../bootstrap';
import type { DevMailbox } from '../email/dev-mailbox';
import { isMailboxId } from '../email/dev-mailbox';
import type { AppDeps } from '../http/app-env';
import { errors, json, jsonBody, router } from '../http/openapi';
import { refuse } from '../http/refuse';
import { refusal } from '../refusal';
import { personasOf, scenarioSourceSchema, sourceRecord } from '../scenarios/scenario-source';
import type { ScenarioRecord } from '../worlds/scenario-book';
import { attachmentResponse } from './attachment-response';

const setClockSchema = z.strictObject({
  at: z.iso
    .datetime({ offset: true })
    .nullable()
    .meta({ description: 'The instant to stop the clock at; null lets it run on real time.' }),
});

const byDurationSchema = z
  .strictObject({
    days: z.int().min(0).max(36_600).default(0),
    hours: z.int().min(0).max(1_000_000).default(0),
    seconds: z.int().min(0).max(4_000_000_000).default(0),
  })
  .refine((a) => a.days + a.hours + a.seconds > 0, { message: 'advance by something', path: ['seconds'] });

const advanceSchema = z
  .union([
    byDurationSchema,
    z.strictObject({
      to: z.enum(['next_renewal', 'next_scheduled_change']).meta({
        description:
          'The first period end of a subscription still billed, or the first scheduled change or cancellation, after now.',
      }),
    }),
  ])
  .meta({ id: 'ClockAdvance', description: 'A duration, or the next renewal or scheduled change.' });

/** Every world route acts in the scenario the request names. */
const IN_A_SCENARIO =
  'Acts in the scenario named by the Planshift-Scenario header, else by the planshift_scenario cookie (which signing in within a scenario sets); in the real world it answers 404 scenario_required. Absent in production.';

const mailboxIdParam = z.object({ messageId: z.string().meta({ description: 'A message id from the mailbox list.' }) });

export type WorldQa = Readonly<{ scenario: ScenarioWorld | null; mailbox: DevMailbox | null }>;

/**
 * QA's controls of one world (docs/decisions/018): reset it, drive its clock, read its mailbox
 * and its people. Mounted outside production only; in the real world, whose clock is the real
 * time, each answers `404 scenario_required`.
 */
export function testRoutes(deps: AppDeps, qa: WorldQa) {
  const app = router();
  const clockView = (): TestClockView => {
    const now = deps.clock.now();
    return { now, iso: instantToIso(now), frozen: deps.clock.frozenAt() !== null };
  };
  const notInScenario = (c: Context) =>
    refuse(
      c,
      refusal('scenario_required', `QA routes act in a scenario: name one with ${SCENARIO_HEADER}.`, SCENARIO_HEADER),
    );
  const moved = (ran: ClockRan): ClockMoveView => ({ ...clockView(), ran });

  return app
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/test/reset',
        summary:
          'Reset the scenario to a named or inline scenario: its data, mail and card charges; its users signed out',
        description: IN_A_SCENARIO,
        request: { body: jsonBody(scenarioSourceSchema) },
        responses: {
          200: json(testClockViewSchema, 'Reset; the clock as the scenario set it'),
          ...errors(400, 404, 415, 422),
        },
      }),
      async (c) => {
        const world = qa.scenario;
        if (!world) return notInScenario(c);
        const source = sourceRecord(c.req.valid('json'));
        if (!source.ok) return refuse(c, source.refusal);
        const previous = world.book.current();
        const record: ScenarioRecord = {
          id: world.id,
          createdAt: previous?.createdAt ?? deps.wall.now(),
          ...source.record,
        };
        await world.reset(record);
        return c.json(clockView(), 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/clock',
        summary: 'The scenario’s clock',
        description: IN_A_SCENARIO,
        responses: { 200: json(testClockViewSchema, 'The clock'), ...errors(404) },
      }),
      (c) => (qa.scenario ? c.json(clockView(), 200) : notInScenario(c)),
    )

    .openapi(
      createRoute({
        method: 'put',
        path: '/api/test/clock',
        summary: 'Stop the scenario’s clock at an instant, or let it run on real time; runs whatever falls due first',
        description: IN_A_SCENARIO,
        request: { body: jsonBody(setClockSchema) },
        responses: { 200: json(clockMoveViewSchema, 'The clock, and what the move ran'), ...errors(400, 404, 415) },
      }),
      async (c) => {
        if (!qa.scenario) return notInScenario(c);
        const { at } = c.req.valid('json');
        return c.json(moved(await qa.scenario.moveClock(at === null ? null : instantFromIso(at))), 200);
      },
    )

    .openapi(
      createRoute({
        method: 'post',
        path: '/api/test/clock/advance',
        summary: 'Move the scenario’s clock forward, any distance; runs whatever falls due before answering',
        description: IN_A_SCENARIO,
        request: { body: jsonBody(advanceSchema) },
        responses: {
          200: json(clockMoveViewSchema, 'The clock, and what the move ran'),
          ...errors(400, 404, 409, 415),
        },
      }),
      async (c) => {
        if (!qa.scenario) return notInScenario(c);
        const body = c.req.valid('json');
        const now = deps.clock.now();
        let to: number | null;
        if ('to' in body) {
          const next = await deps.store.maintenance.nextDue(now);
          to = body.to === 'next_renewal' ? next.renewal : next.scheduledChange;
          if (to === null) {
            const what = body.to === 'next_renewal' ? 'no subscription renews' : 'nothing is scheduled';
            return refuse(c, refusal('nothing_scheduled', `In this scenario ${what} after now.`, 'to'));
          }
        } else {
          to = now + body.days * 86_400 + body.hours * 3600 + body.seconds;
        }
        return c.json(moved(await qa.scenario.moveClock(to)), 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/personas',
        summary: 'The scenario’s people, to sign in as (by default the development portal’s demo)',
        description: IN_A_SCENARIO,
        responses: { 200: json(personasViewSchema, 'The personas'), ...errors(404) },
      }),
      (c) => {
        const record = qa.scenario?.book.current();
        if (!qa.scenario || !record) return notInScenario(c);
        return c.json({ scenario: qa.scenario.id, personas: personasOf(record.scenario) }, 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/mailbox',
        summary: 'The scenario’s mailbox: every e-mail it sent, newest first by its clock',
        description: IN_A_SCENARIO,
        responses: { 200: json(mailboxViewSchema, 'The messages'), ...errors(404) },
      }),
      async (c) => {
        if (!qa.scenario || !qa.mailbox) return notInScenario(c);
        return c.json({ messages: await qa.mailbox.list() }, 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/mailbox/{messageId}',
        summary: 'One message of the scenario’s mailbox, with its HTML and text',
        description: IN_A_SCENARIO,
        request: { params: mailboxIdParam },
        responses: { 200: json(mailboxMessageViewSchema, 'The message'), ...errors(404) },
      }),
      async (c) => {
        if (!qa.scenario || !qa.mailbox) return notInScenario(c);
        const { messageId } = c.req.valid('param');
        const message = isMailboxId(messageId) ? await qa.mailbox.read(messageId) : null;
        return message ? c.json(message, 200) : refuse(c, refusal('not_found', 'No such message.'));
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/mailbox/{messageId}/attachments/{index}',
        summary: 'An attachment of a message (a document’s PDF), as sent',
        description: IN_A_SCENARIO,
        request: {
          params: mailboxIdParam.extend({ index: z.coerce.number().int().min(0).max(999) }),
        },
        responses: {
          200: { description: 'The attachment’s bytes', content: { 'application/octet-stream': { schema: z.any() } } },
          ...errors(400, 404),
        },
      }),
      async (c) => {
        if (!qa.scenario || !qa.mailbox) return notInScenario(c);
        const { messageId, index } = c.req.valid('param');
        const found = isMailboxId(messageId) ? await qa.mailbox.attachment(messageId, index) : null;
        return found ? attachmentResponse(c, found) : refuse(c, refusal('not_found', 'No such attachment.'));
      },
    );
}

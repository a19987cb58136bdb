import { createRoute, z } from '@hono/zod-openapi';
import { type PersonasView, personasViewSchema, type TestClockView, testClockViewSchema } from '@planshift/shared/api';
import { instantFromIso, instantToIso } from '@planshift/shared/periods';
import type { AppDeps } from '../http/app-env';
import { errors, json, jsonBody, router } from '../http/openapi';
import { refuse } from '../http/refuse';
import { refusal } from '../refusal';
import { SCENARIO_NAMES, SCENARIOS } from '../scenarios';
import { ScenarioError } from '../scenarios/prepare-scenario';
import { resetToScenario } from '../scenarios/reset';
import { scenarioSchema } from '../scenarios/scenario-schema';

const resetSchema = z
  .union([
    z.strictObject({ name: z.enum(SCENARIO_NAMES) }),
    z.strictObject({ scenario: scenarioSchema.meta({ id: 'Scenario' }) }),
  ])
  .meta({ id: 'Reset', description: 'A named scenario, or a whole scenario given inline.' });

const setClockSchema = z.strictObject({
  at: z.iso
    .datetime({ offset: true })
    .nullable()
    .meta({ description: 'The instant to freeze at; null returns to real time.' }),
});

const advanceSchema = z
  .strictObject({
    days: z.int().min(0).max(3660).default(0),
    hours: z.int().min(0).max(100_000).default(0),
    seconds: z.int().min(0).max(400_000_000).default(0),
  })
  .refine((a) => a.days + a.hours + a.seconds > 0, { message: 'advance by something', path: ['seconds'] });

/**
 * QA's controls: reset to a scenario and drive the system clock. Absent (404) in production.
 * A reset replaces every subscription, so it first lets the writers at work in this process
 * (orders being charged, a period-end run) finish: `settle`.
 */
export function testRoutes(deps: AppDeps, settle: () => Promise<void>) {
  const app = router();
  const clockView = (): TestClockView => {
    const now = deps.clock.now();
    return { now, iso: instantToIso(now), frozen: deps.clock.frozenAt() !== null };
  };

  return app
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/test/reset',
        summary: 'Reset the database to a scenario (not in production)',
        request: { body: jsonBody(resetSchema) },
        responses: {
          200: json(testClockViewSchema, 'Reset; the clock as the scenario set it'),
          ...errors(400, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const scenario = 'name' in body ? scenarioSchema.parse(SCENARIOS[body.name]) : body.scenario;
        try {
          await settle();
          await resetToScenario(deps.store, deps.clock, scenario);
          deps.payments.reset?.();
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          return refuse(c, refusal('invalid_scenario', error.message, `scenario.${error.field}`));
        }
        return c.json(clockView(), 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/clock',
        summary: 'The system clock',
        responses: { 200: json(testClockViewSchema, 'The clock') },
      }),
      (c) => c.json(clockView(), 200),
    )

    .openapi(
      createRoute({
        method: 'put',
        path: '/api/test/clock',
        summary: 'Freeze the system clock at an instant (runs whatever falls due), or return to real time',
        request: { body: jsonBody(setClockSchema) },
        responses: { 200: json(testClockViewSchema, 'The clock'), ...errors(400, 415) },
      }),
      async (c) => {
        const { at } = c.req.valid('json');
        await deps.clock.set(at === null ? null : instantFromIso(at));
        return c.json(clockView(), 200);
      },
    )

    .openapi(
      createRoute({
        method: 'post',
        path: '/api/test/clock/advance',
        summary: 'Move the system clock forward (runs whatever falls due before answering)',
        request: { body: jsonBody(advanceSchema) },
        responses: { 200: json(testClockViewSchema, 'The clock'), ...errors(400, 415) },
      }),
      async (c) => {
        const { days, hours, seconds } = c.req.valid('json');
        await deps.clock.set(deps.clock.now() + days * 86_400 + hours * 3600 + seconds);
        return c.json(clockView(), 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/test/personas',
        summary: 'The demo scenario’s people, to sign in as from the development sign-in page (not in production)',
        responses: { 200: json(personasViewSchema, 'The demo personas') },
      }),
      (c) => {
        const demo = scenarioSchema.parse(SCENARIOS.demo);
        const personas: PersonasView['personas'] = demo.accounts.flatMap((account) =>
          account.users.map((user) => ({
            email: user.email,
            name: user.name,
            role: user.role,
            password: user.password,
            accountName: account.name,
            planId: account.subscription.planId,
            currency: account.currency,
            locale: account.locale,
          })),
        );
        return c.json({ personas }, 200);
      },
    );
}

import { z } from '@hono/zod-openapi';
import { type Persona, scenarioIdSchema } from '@planshift/shared/api';
import type { Refusal } from '../refusal';
import { refusal } from '../refusal';
import { namedScenario, SCENARIO_NAMES } from '.';
import { checkScenario } from './reset';
import { type Scenario, scenarioSchema } from './scenario-schema';

const named = z.strictObject({ name: z.enum(SCENARIO_NAMES) });
const inline = z.strictObject({ scenario: scenarioSchema.meta({ id: 'Scenario' }) });

/** What a scenario is made from: a named one, or one given whole. */
export const scenarioSourceSchema = z
  .union([named, inline])
  .meta({ id: 'ScenarioSource', description: 'A named scenario, or a whole scenario given inline.' });

const chosenId = {
  id: scenarioIdSchema.optional().meta({ description: 'The new scenario’s id; a fresh one when omitted.' }),
};

/** POST /api/test/scenarios: a source, and the id wanted if any. */
export const newScenarioSchema = z
  .union([named.extend(chosenId), inline.extend(chosenId)])
  .meta({ id: 'NewScenario', description: 'A named or inline scenario, and optionally the id to give it.' });

export type ScenarioSource = z.output<typeof scenarioSourceSchema>;

/** The scenario a source names, checked as the engine will bill it; or why it cannot be. */
export function sourceRecord(
  source: ScenarioSource | z.output<typeof newScenarioSchema>,
):
  | Readonly<{ ok: true; record: Readonly<{ name: string | null; scenario: Scenario }> }>
  | Readonly<{ ok: false; refusal: Refusal<'invalid_scenario'> }> {
  const record =
    'name' in source
      ? { name: source.name, scenario: namedScenario(source.name) as Scenario }
      : { name: null, scenario: source.scenario };
  const problem = checkScenario(record.scenario);
  if (problem) return { ok: false, refusal: refusal('invalid_scenario', problem.message, `scenario.${problem.field}`) };
  return { ok: true, record };
}

/** The people of a scenario, with their passwords, to sign in as. */
export function personasOf(scenario: Scenario): Persona[] {
  return scenario.accounts.flatMap((account) =>
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
}

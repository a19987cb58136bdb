import { scenarioSchema } from '@planshift/bff/scenarios/scenario-schema';
import { z } from 'zod';

/**
 * The JSON Schema of a scenario given inline (what `scenarioSource` and `scenario.reset` take),
 * from the zod schema the portal validates it with: as a writer writes it, defaults optional.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Planshift scenario',
    description:
      'A whole world for QA: catalogs, accounts with their users and subscriptions, and the clock. ' +
      'POST /api/test/scenarios with { "scenario": … } makes one; the portal checks more than this schema says ' +
      '(known catalogs and plans, unique e-mails, tax IDs of the billing country) and answers 422 invalid_scenario.',
  };
}

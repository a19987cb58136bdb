import { demoScenario as demo } from './demo';
import { type Scenario, type ScenarioInput, scenarioSchema } from './scenario-schema';

/** The named scenarios QA can make or reset a scenario from. */
export const SCENARIOS: Readonly<Record<string, ScenarioInput>> = { demo };
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as [string, ...string[]];

const parsed = new Map<string, Scenario>();

/** A named scenario, checked and with its defaults; undefined when there is none of that name. */
export function namedScenario(name: string): Scenario | undefined {
  const input = SCENARIOS[name];
  if (!input) return undefined;
  let scenario = parsed.get(name);
  if (!scenario) {
    scenario = scenarioSchema.parse(input);
    parsed.set(name, scenario);
  }
  return scenario;
}

/** The demo: the development portal's scenario and most tests'. */
export const demoScenario = (): Scenario => namedScenario('demo') as Scenario;

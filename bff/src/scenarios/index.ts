import { demoScenario } from './demo';
import type { ScenarioInput } from './scenario-schema';

/** The named scenarios QA can reset to. */
export const SCENARIOS: Readonly<Record<string, ScenarioInput>> = { demo: demoScenario };
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as [string, ...string[]];

import type { SystemClock } from '../clock';
import { wallNow } from '../clock';
import { type HashCost, hashPassword } from '../session/password';
import type { Store } from '../store/store';
import { prepareScenario, ScenarioError } from './prepare-scenario';
import type { Scenario } from './scenario-schema';

// Scenarios reuse a handful of passwords and are reset before every e2e test: hashing each
// once per process keeps a reset fast without weakening the stored hashes' format.
const hashes = new Map<string, string>();
const cachedHash =
  (cost: HashCost) =>
  (password: string): string => {
    const key = `${cost} ${password}`;
    let hash = hashes.get(key);
    if (!hash) {
      hash = hashPassword(password, cost);
      hashes.set(key, hash);
    }
    return hash;
  };

const clockOf = (scenario: Scenario) => (scenario.clock ? Math.floor(Date.parse(scenario.clock) / 1000) : wallNow());

/** What makes the scenario one the engine cannot bill (a field and why), or null when it can. */
export function checkScenario(scenario: Scenario): Readonly<{ field: string; message: string }> | null {
  try {
    prepareScenario(scenario, clockOf(scenario), cachedHash('standard'));
    return null;
  } catch (error) {
    if (error instanceof ScenarioError) return { field: error.field, message: error.message };
    throw error;
  }
}

/** Replaces the whole database with the scenario and adopts its clock. */
export async function resetToScenario(
  store: Store,
  clock: SystemClock,
  scenario: Scenario,
  cost: HashCost = 'standard',
): Promise<void> {
  await store.maintenance.resetTo(prepareScenario(scenario, clockOf(scenario), cachedHash(cost)));
  await clock.load();
}

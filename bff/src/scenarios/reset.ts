import type { SystemClock } from '../clock';
import { wallNow } from '../clock';
import { hashPassword } from '../session/password';
import type { Store } from '../store/store';
import { prepareScenario } from './prepare-scenario';
import type { Scenario } from './scenario-schema';

// Scenarios reuse a handful of passwords and are reset before every e2e test: hashing each
// once per process keeps a reset fast without weakening the stored hashes' format.
const hashes = new Map<string, string>();
function cachedHash(password: string): string {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/** Replaces the whole database with the scenario and adopts its clock. */
export async function resetToScenario(store: Store, clock: SystemClock, scenario: Scenario): Promise<void> {
  const now = scenario.clock ? Math.floor(Date.parse(scenario.clock) / 1000) : wallNow();
  await store.maintenance.resetTo(prepareScenario(scenario, now, cachedHash));
  await clock.load();
}

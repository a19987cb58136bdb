import { BillingRun } from './billing/billing-run';
import { ChangeConfirmer } from './billing/confirm-change';
import { SystemClock } from './clock';
import { openDatabase } from './db/open-database';
import type { Env } from './env';
import type { AppDeps } from './http/app-env';
import { FileChargeLedger } from './payments/charge-ledger';
import type { PaymentProvider } from './payments/payment-provider';
import { SimulatedPaymentProvider } from './payments/simulated-provider';
import { SCENARIOS } from './scenarios';
import { resetToScenario } from './scenarios/reset';
import { scenarioSchema } from './scenarios/scenario-schema';
import { SqliteStore } from './store/sqlite/sqlite-store';

export type System = Readonly<{
  deps: AppDeps;
  confirmer: ChangeConfirmer;
  billing: BillingRun;
  store: SqliteStore;
  close: () => void;
}>;

/**
 * Opens the database (migrating it), seeds an empty one outside production, and finishes any
 * order a crash left between the charge and its record before the first request is served.
 */
export async function startSystem(
  env: Env,
  payments: PaymentProvider = new SimulatedPaymentProvider({
    ledger: new FileChargeLedger(env.PAYMENTS_LEDGER_FILE),
    delayMs: env.PAYMENTS_LATENCY_MS,
  }),
): Promise<System> {
  const db = openDatabase(env.DATABASE_FILE);
  const store = new SqliteStore(db);
  const clock = new SystemClock(store, env.NODE_ENV !== 'production');
  const deps: AppDeps = { env, store, clock, payments };
  const empty = !(await store.hasAccounts());
  if (empty && env.NODE_ENV !== 'production') {
    const seed = SCENARIOS[env.SEED_SCENARIO];
    if (!seed) throw new Error(`unknown SEED_SCENARIO ${env.SEED_SCENARIO}`);
    await resetToScenario(store, clock, scenarioSchema.parse(seed));
  }
  await clock.load();
  const confirmer = new ChangeConfirmer(deps);
  const recovered = await confirmer.recoverPendingOrders();
  if (recovered > 0) console.log(`Finished ${recovered} order(s) left pending by an earlier stop`);
  const billing = new BillingRun(deps);
  // Moving the test clock renews and collects whatever fell due before the move is answered.
  clock.onChange(async () => {
    await billing.run();
  });
  return { deps, confirmer, billing, store, close: () => db.$client.close() };
}

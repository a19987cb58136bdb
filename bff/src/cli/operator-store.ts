import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioIdSchema } from '@planshift/shared/api';
import { SystemClock } from '../clock';
import { openDatabase } from '../db/open-database';
import { type Env, readEnv } from '../env';
import { SqliteStore } from '../store/sqlite/sqlite-store';

/** The option every operator command takes: the scenario to work in (docs/decisions/018). */
export const SCENARIO_OPTION = { scenario: { type: 'string' } } as const;

/**
 * Runs an operator's command on the database file the BFF uses (DATABASE_FILE), or a scenario's
 * (`--scenario <id>`, outside production), beside a running BFF: SQLite's WAL lets both write,
 * and the BFF notices another process's commits. The clock is that world's: a scenario's test
 * clock, or real time. Exits 2 when there is no database there.
 */
export async function withOperatorStore(
  scenario: string | undefined,
  work: (store: SqliteStore, clock: SystemClock, env: Env) => Promise<void>,
): Promise<void> {
  const env = readEnv();
  if (scenario !== undefined && (env.NODE_ENV === 'production' || !scenarioIdSchema.safeParse(scenario).success)) {
    console.error(`No scenario ${scenario} here.`);
    process.exit(2);
  }
  const file = scenario === undefined ? env.DATABASE_FILE : join(env.SCENARIOS_DIR, scenario, 'planshift.sqlite');
  if (!existsSync(file)) {
    console.error(`No database at ${file} (set DATABASE_FILE to the BFF's, or --scenario to one of its scenarios).`);
    process.exit(2);
  }
  const db = openDatabase(file);
  try {
    const store = new SqliteStore(db);
    const clock = new SystemClock(store, scenario !== undefined);
    await clock.load();
    await work(store, clock, env);
  } finally {
    db.$client.close();
  }
}

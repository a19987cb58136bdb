import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioIdSchema } from '@planshift/shared/api';
import { SystemClock } from '../clock';
import { type Env, readEnv } from '../env';
import { localClaimPolicy } from '../store/claim-policy';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { scenarioSchema, scenarioSchemaExists } from '../worlds/scenario-schema';

/** The option every operator command takes: the scenario to work in (docs/decisions/018). */
export const SCENARIO_OPTION = { scenario: { type: 'string' } } as const;

/**
 * Runs an operator's command on the database the BFF uses (DATABASE_URL, else the file
 * DATABASE_FILE), or a scenario's (`--scenario <id>`, outside production: its schema, or its
 * file), beside a running BFF: PostgreSQL, or SQLite's WAL, lets both write, and the BFF
 * notices another process's commits. The clock is that world's: a scenario's test
 * clock, or real time. Exits 2 when there is no database there.
 */
export async function withOperatorStore(
  scenario: string | undefined,
  work: (store: Store, clock: SystemClock, env: Env) => Promise<void>,
): Promise<void> {
  const env = readEnv();
  if (scenario !== undefined && (env.NODE_ENV === 'production' || !scenarioIdSchema.safeParse(scenario).success)) {
    console.error(`No scenario ${scenario} here.`);
    process.exit(2);
  }
  const schema = env.DATABASE_URL && scenario !== undefined ? scenarioSchema(scenario) : undefined;
  let file = env.DATABASE_FILE;
  if (env.DATABASE_URL) {
    if (scenario !== undefined && !(await scenarioSchemaExists(env.DATABASE_URL, scenario))) {
      console.error(`No scenario ${scenario} in the database at DATABASE_URL.`);
      process.exit(2);
    }
  } else {
    if (scenario !== undefined) file = join(env.SCENARIOS_DIR, scenario, 'planshift.sqlite');
    if (!existsSync(file)) {
      console.error(`No database at ${file} (set DATABASE_FILE to the BFF's, or --scenario to one of its scenarios).`);
      process.exit(2);
    }
  }
  const opened = await openStore(
    { ...env, DATABASE_FILE: file, ...(schema ? { DATABASE_SCHEMA: schema } : {}) },
    localClaimPolicy(),
  );
  try {
    const clock = new SystemClock(opened.store, scenario !== undefined);
    await clock.load();
    await work(opened.store, clock, env);
  } finally {
    await opened.close();
  }
}

import { createHash } from 'node:crypto';
import type { ScenarioId } from '@planshift/shared/api';
import pg from 'pg';
import { migratePostgres } from '../db/migrate-pg';
import { quoteIdentifier } from '../db/open-pg';

/** PostgreSQL's longest name (NAMEDATALEN - 1). */
const MAX_NAME = 63;

/**
 * The PostgreSQL schema of a scenario's world (docs/decisions/020): `scn_` and its id, hyphens
 * as underscores (ids have none of their own, so two ids never share a schema). An id too long
 * for a name keeps its start and a digest of the whole.
 */
export function scenarioSchema(id: ScenarioId): string {
  const name = `scn_${id.replaceAll('-', '_')}`;
  if (name.length <= MAX_NAME) return name;
  const digest = createHash('sha256').update(id).digest('hex').slice(0, 16);
  return `${name.slice(0, MAX_NAME - digest.length - 1)}_${digest}`;
}

/** Makes the scenario's schema with its tables, or brings an existing one up to date; answers its name. */
export async function migrateScenarioSchema(url: string, id: ScenarioId): Promise<string> {
  const schema = scenarioSchema(id);
  await migratePostgres(url, { schema });
  return schema;
}

/** Whether the scenario has a world in the PostgreSQL database. */
export async function scenarioSchemaExists(url: string, id: ScenarioId): Promise<boolean> {
  return withClient(
    url,
    async (client) =>
      (await client.query('select 1 from pg_namespace where nspname = $1', [scenarioSchema(id)])).rowCount === 1,
  );
}

/** Deletes the scenario's world from PostgreSQL: its schema and everything in it. */
export async function dropScenarioSchema(url: string, id: ScenarioId): Promise<void> {
  await withClient(url, async (client) => {
    // Another instance may still have the world open (docs/decisions/027): its jobs' transactions
    // lock the tables in another order than the drop, and PostgreSQL may end the drop as the
    // deadlock's victim. Those transactions are short; the drop goes again once they are done.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`drop schema if exists ${quoteIdentifier(scenarioSchema(id))} cascade`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= 5) throw error;
      }
    }
  });
}

const DEADLOCK_DETECTED = '40P01';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'planshift-scenarios' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

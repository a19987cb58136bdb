import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertMigrated, openPostgres, type PgDb } from '../db/open-pg';
import { type PgCluster, startPgCluster } from '../testing/pg-cluster';
import { insertAccountWithSubscription } from '../testing/pg-documents';
import { openPgTestSql } from '../testing/pg-test-sql';
import { dropScenarioSchema, migrateScenarioSchema, scenarioSchema, scenarioSchemaExists } from './scenario-schema';

// On PostgreSQL a scenario's world is a schema of the one database (docs/decisions/020): its own
// tables, foreign keys and triggers, none reaching another world's.

let cluster: PgCluster;
const opened: PgDb[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
});

afterAll(async () => {
  await Promise.all(opened.map((db) => db.$client.end()));
  await cluster?.stop();
});

function world(schema: string): PgDb {
  const db = openPostgres(cluster.url, { schema });
  opened.push(db);
  return db;
}

describe('a scenario’s schema', () => {
  it('is named for the scenario, apart from every other, within PostgreSQL’s 63 characters', () => {
    expect(scenarioSchema('scn-4f9c2a7d1e')).toBe('scn_scn_4f9c2a7d1e');
    expect(scenarioSchema('demo')).toBe('scn_demo');
    const long = `a${'-b'.repeat(31)}`;
    const other = `a${'-b'.repeat(30)}-c`;
    expect(scenarioSchema(long).length).toBeLessThanOrEqual(63);
    expect(scenarioSchema(long)).not.toBe(scenarioSchema(other));
  });

  it('holds the world’s tables, its keys pointing within it, and is up to date once made', async () => {
    const a = await migrateScenarioSchema(cluster.url, 'world-a');
    const b = await migrateScenarioSchema(cluster.url, 'world-b');
    // Made again: nothing to apply.
    expect(await migrateScenarioSchema(cluster.url, 'world-a')).toBe(a);
    const dbA = world(a);
    const dbB = world(b);
    await assertMigrated(dbA, a);
    await assertMigrated(dbB, b);
    // The same ids in both worlds: each its own rows, its foreign keys satisfied in its own schema.
    await insertAccountWithSubscription(dbA);
    await insertAccountWithSubscription(dbB);
    const sql = await openPgTestSql(`${cluster.url}?options=-c%20search_path%3D${a}`);
    try {
      expect(await sql.count('select count(*) from accounts')).toBe(1);
      expect(await sql.tables()).toEqual(expect.arrayContaining(['accounts', 'documents', 'processor_ledger']));
      const foreign = await sql.all<{ target: string }>(
        `select distinct confrelid::regclass::text as target from pg_constraint where contype = 'f'
           and connamespace = current_schema()::regnamespace`,
      );
      expect(foreign.length).toBeGreaterThan(0);
      for (const { target } of foreign) expect(target.startsWith('public.')).toBe(false);
    } finally {
      await sql.close();
    }
    // The default schema has no tables at all: nothing was made outside the worlds.
    const main = await openPgTestSql(cluster.url);
    try {
      expect(await main.tables()).toEqual([]);
    } finally {
      await main.close();
    }
  });

  it('refuses to open a world behind its migrations, and is gone with everything in it when dropped', async () => {
    const never = world(scenarioSchema('never-made'));
    await expect(assertMigrated(never, scenarioSchema('never-made'))).rejects.toThrow(/npm run db:migrate/);

    await migrateScenarioSchema(cluster.url, 'world-c');
    expect(await scenarioSchemaExists(cluster.url, 'world-c')).toBe(true);
    await dropScenarioSchema(cluster.url, 'world-c');
    expect(await scenarioSchemaExists(cluster.url, 'world-c')).toBe(false);
    await dropScenarioSchema(cluster.url, 'world-c');
  });
});

import { type Db, openDatabase } from '../db/open-database';
import { assertMigrated, openPostgres, type PgDb } from '../db/open-pg';
import type { ClaimPolicy } from './claim-policy';
import { PgStore } from './pg/pg-store';
import { SqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

/** Which database a store is on, for what only that database can do (the tests' SQL). */
export type StoreDatabase =
  | Readonly<{ dialect: 'sqlite'; db: Db }>
  | Readonly<{ dialect: 'postgres'; db: PgDb; url: string; schema: string | null }>;

export type OpenedStore = Readonly<{
  store: Store;
  database: StoreDatabase;
  /** Closes the SQLite file, or ends the PostgreSQL pool (waiting for its connections' work). */
  close: () => Promise<void>;
}>;

export type StoreLocation = Readonly<{
  DATABASE_FILE: string;
  DATABASE_URL?: string | undefined;
  /** Shown in PostgreSQL's pg_stat_activity, to tell instances apart. */
  INSTANCE_ID?: string;
  /** On PostgreSQL, the schema of the tables (a scenario's world's); else the database's default. */
  DATABASE_SCHEMA?: string;
}>;

/**
 * The store on PostgreSQL when DATABASE_URL is set, else on the SQLite file. SQLite's file is
 * migrated on opening (one process owns it); PostgreSQL's database is migrated as a step of its
 * own (`npm run db:migrate`), and a store refuses to open one that is behind this code.
 */
export async function openStore(location: StoreLocation, claimPolicy: ClaimPolicy): Promise<OpenedStore> {
  const url = location.DATABASE_URL;
  if (!url) {
    const db = openDatabase(location.DATABASE_FILE);
    return {
      store: new SqliteStore(db, claimPolicy),
      database: { dialect: 'sqlite', db },
      close: async () => {
        db.$client.close();
      },
    };
  }
  const schema = location.DATABASE_SCHEMA;
  const db = openPostgres(url, {
    applicationName: location.INSTANCE_ID ? `planshift-bff ${location.INSTANCE_ID}` : 'planshift-bff',
    ...(schema ? { schema } : {}),
  });
  try {
    await assertMigrated(db, schema);
  } catch (error) {
    await db.$client.end();
    throw error;
  }
  return {
    store: new PgStore(db, claimPolicy),
    database: { dialect: 'postgres', db, url, schema: schema ?? null },
    // Once: a test may have ended the pool under the system already.
    close: async () => {
      if (!db.$client.ending) await db.$client.end();
    },
  };
}

import { existsSync } from 'node:fs';
import { openDatabase } from '../db/open-database';
import { type Env, readEnv } from '../env';
import { SqliteStore } from '../store/sqlite/sqlite-store';

/**
 * Runs an operator's command on the database file the BFF uses (DATABASE_FILE), beside a running
 * BFF: SQLite's WAL lets both write, and the BFF notices another process's commits. Exits 2 when
 * there is no database there.
 */
export async function withOperatorStore(work: (store: SqliteStore, env: Env) => Promise<void>): Promise<void> {
  const env = readEnv();
  if (!existsSync(env.DATABASE_FILE)) {
    console.error(`No database at ${env.DATABASE_FILE} (set DATABASE_FILE to the BFF's).`);
    process.exit(2);
  }
  const db = openDatabase(env.DATABASE_FILE);
  try {
    await work(new SqliteStore(db), env);
  } finally {
    db.$client.close();
  }
}

// Brings the database up to date, as a step of its own before instances start:
//   npm run db:migrate
// With DATABASE_URL (postgres://…), PostgreSQL's migrations (bff/drizzle-pg) under an advisory
// lock, so runs started together take turns and apply each migration once. Without it, the
// SQLite file DATABASE_FILE (bff/drizzle), which the embedded BFF also migrates when it opens it.

import { migratePostgres } from '../db/migrate-pg';
import { openDatabase } from '../db/open-database';
import { readDatabaseEnv } from '../env';

const env = readDatabaseEnv();
if (env.DATABASE_URL) {
  const applied = await migratePostgres(env.DATABASE_URL);
  const where = new URL(env.DATABASE_URL);
  console.log(
    applied.length
      ? `PostgreSQL ${where.host}${where.pathname}: applied ${applied.join(', ')}`
      : `PostgreSQL ${where.host}${where.pathname}: up to date`,
  );
} else {
  openDatabase(env.DATABASE_FILE).$client.close();
  console.log(`SQLite ${env.DATABASE_FILE}: up to date`);
}

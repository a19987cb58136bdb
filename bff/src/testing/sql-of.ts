import { isPostgresUrl } from '../db/open-pg';
import { openPgTestSql } from './pg-test-sql';
import { openSqliteTestSql } from './sqlite-test-sql';
import type { OpenedTestSql, TestSql } from './test-sql';

/**
 * The tests' SQL on a database a test did not open through a test system: a child BFF's, named
 * as the child is given it (its PostgreSQL URL or its SQLite file). Read-only unless the test
 * means to write.
 */
export async function sqlOf(database: string, options: Readonly<{ readonly?: boolean }> = {}): Promise<OpenedTestSql> {
  return isPostgresUrl(database) ? openPgTestSql(database, options) : openSqliteTestSql(database, options);
}

/** Opens the database, answers what `query` reads in it, and closes it again. */
export async function readSql<T>(database: string, query: (sql: TestSql) => Promise<T>): Promise<T> {
  const sql = await sqlOf(database, { readonly: true });
  try {
    return await query(sql);
  } finally {
    await sql.close();
  }
}

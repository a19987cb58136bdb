import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** Which database the integration suite runs on: TEST_DATABASE=postgres, else SQLite. */
export const testDatabase = (): 'postgres' | 'sqlite' =>
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh, migrated PostgreSQL database for one test system: a copy of the run's template
 * (pg-global-setup.ts), on the run's server. Answers its URL.
 */
export async function freshPgDatabase(): Promise<string> {
  const provided = inject('pgTemplateUrl');
  if (!provided) throw new Error('TEST_DATABASE=postgres, but no PostgreSQL was started for this run');
  const template = new URL(provided);
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new URL(template);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    const templateName = client.escapeIdentifier(decodeURIComponent(template.pathname.slice(1)));
    await client.query(`create database ${client.escapeIdentifier(name)} template ${templateName}`);
  } finally {
    await client.end();
  }
  const url = new URL(template);
  url.pathname = `/${name}`;
  return url.href;
}

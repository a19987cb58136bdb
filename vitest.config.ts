import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests wait for conditions, never for fixed times; the timeout only stops a test that hangs.
// Vitest's 5 s default is a fixed time: on a busy 2-core machine eight scrypt hashes alone exceed it.
const testTimeout = 120_000;

/**
 * TEST_DATABASE=postgres (`npm run test:unit:pg`) runs the BFF's integration files, those that
 * start a test system (bff/src/testing/test-system.ts) or a child BFF (child-bff.ts, the kill
 * matrix's drivers), on PostgreSQL: one throwaway server for
 * the run (pg-global-setup.ts), a fresh database for each test system. The other files test no
 * database or name theirs, and run in `npm run test:unit`.
 */
const onPostgres = process.env.TEST_DATABASE === 'postgres';

/** The BFF's test files that start a test system, relative to bff/. */
function integrationFiles(): string[] {
  return readdirSync('bff/src', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) =>
      /\b(startTestSystem|useDemoSystem|freshPgDatabase|ChildBff\.start|killDuring\w+)\(/.test(
        readFileSync(join('bff/src', file), 'utf8'),
      ),
    )
    .map((file) => `src/${file}`);
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout,
          hookTimeout: testTimeout,
        },
      },
      {
        test: {
          name: 'bff',
          root: './bff',
          include: onPostgres ? integrationFiles() : ['src/**/*.test.ts'],
          // `*.pg.test.ts`: PostgreSQL only (several instances on one database), not in the SQLite pass.
          exclude: [...configDefaults.exclude, ...(onPostgres ? [] : ['src/**/*.pg.test.ts'])],
          globalSetup: ['./src/testing/pg-global-setup.ts'],
          environment: 'node',
          testTimeout,
          hookTimeout: testTimeout,
        },
      },
      {
        test: {
          name: 'qa-kit',
          root: './qa-kit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout,
          hookTimeout: testTimeout,
        },
      },
      {
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout,
          hookTimeout: testTimeout,
        },
      },
    ],
  },
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests wait for conditions, never for fixed times; the timeout only stops a test that hangs.
// Vitest's 5 s default is a fixed time: on a busy 2-core machine eight scrypt hashes alone exceed it.
const testTimeout = 120_000;

/**
 * The BFF's integration files, those that start a test system (bff/src/testing/test-system.ts)
 * or a child BFF (child-bff.ts, the kill matrix's drivers), run twice: in project `bff` on SQLite
 * with the other files, and in project `bff-pg` on PostgreSQL (TEST_DATABASE=postgres: one
 * throwaway server for the run, pg-global-setup.ts, and a fresh database for each test system).
 * `npm test` runs both projects in one run, so that one's waits fill with the other's work.
 * Returns those files, relative to bff/.
 */
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
          include: ['src/**/*.test.ts'],
          // `*.pg.test.ts`: PostgreSQL only (several instances on one database).
          exclude: [...configDefaults.exclude, 'src/**/*.pg.test.ts'],
          globalSetup: ['./src/testing/child-bundle-setup.ts'],
          environment: 'node',
          testTimeout,
          hookTimeout: testTimeout,
        },
      },
      {
        test: {
          name: 'bff-pg',
          root: './bff',
          include: integrationFiles(),
          env: { TEST_DATABASE: 'postgres' },
          globalSetup: ['./src/testing/pg-global-setup.ts', './src/testing/child-bundle-setup.ts'],
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

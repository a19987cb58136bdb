import { defineConfig } from 'vitest/config';

// Tests wait for conditions, never for fixed times; the timeout only stops a test that hangs.
// Vitest's 5 s default is a fixed time: on a busy 2-core machine eight scrypt hashes alone exceed it.
const testTimeout = 120_000;

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

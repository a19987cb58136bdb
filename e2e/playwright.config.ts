import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8790);
const baseURL = `http://127.0.0.1:${PORT}`;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// E2E_TOPOLOGY=cluster runs the suite through a proxy in front of several instances on PostgreSQL
// (npm run test:e2e:cluster); otherwise one instance on its SQLite files.
const CLUSTER = process.env.E2E_TOPOLOGY === 'cluster';
const INSTANCES = CLUSTER ? 2 : 1;

export default defineConfig({
  testDir: './tests',
  outputDir: './.artifacts/test-results',
  // Each test acts in a scenario of its own (@planshift/playwright, docs/decisions/018): tests
  // run side by side, one worker per core.
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Ceilings for a hung step, not times a busy machine must beat: every wait is for a condition.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: './.artifacts/report' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: Playwright never downloads a browser on this machine.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: CLUSTER
    ? {
        // Two built BFFs on one throwaway PostgreSQL behind HAProxy, round robin (bff/src/cli/cluster.ts):
        // every request may be answered by either instance.
        command: 'npm run cluster -w @planshift/bff',
        cwd: repoRoot,
        url: `${baseURL}/api/ready`,
        env: { CLUSTER_PORT: String(PORT), CLUSTER_INSTANCES: String(INSTANCES), NODE_ENV: 'test', LOG_LEVEL: 'warn' },
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
        stdout: 'pipe',
        // The cluster stops its proxy, its instances and its PostgreSQL, and removes their data.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
      }
    : {
        // The built BFF, as in production (esbuild bundles it in about a second).
        command: 'npm run build -w @planshift/bff && npm run start -w @planshift/bff',
        cwd: repoRoot,
        url: `${baseURL}/api/health`,
        // Its own files: every test makes its scenario there, and never touches the demo's.
        // Warnings and errors only: a line per request would drown the suite's own output.
        env: {
          PORT: String(PORT),
          NODE_ENV: 'test',
          DATABASE_FILE: `${repoRoot}/e2e/.artifacts/e2e.sqlite`,
          LOG_LEVEL: 'warn',
        },
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
        stdout: 'pipe',
      },
});

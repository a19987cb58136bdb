import { defineConfig, devices } from '@playwright/test';

// The portal under test: a development or test deployment (production answers 404 to the QA
// routes these flows make their scenarios with).
const baseURL = process.env.PLANSHIFT_URL;
if (!baseURL) throw new Error('Set PLANSHIFT_URL to the portal to test, such as http://127.0.0.1:8787.');

export default defineConfig({
  testDir: './flows',
  outputDir: './test-results',
  // Each test runs in a scenario of its own, so the flows run side by side.
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    // Debian's Chromium (`apt-get install chromium`): no browser is downloaded.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
});

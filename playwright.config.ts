// End-to-end tests: Playwright drives Debian's Chromium (/usr/bin/chromium;
// `npx playwright install` cannot download browsers here) against the release
// build in dist/, served by scripts/serve-dist.mjs. `make test-e2e` builds
// dist/ first; run `npx playwright test` directly only after `make build`.
import { defineConfig } from '@playwright/test';

// Overridable, e.g. to try the tests against another build or port.
const DIST = process.env.E2E_DIST ?? 'dist';
const PORT = Number(process.env.E2E_PORT ?? 8080);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Chromium flags for this machine (root, no GPU, small /dev/shm, no internet). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // One argument: stops Chromium's own background DNS look-ups.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  // Budgets sized for the slowest machine CI may get (a loaded 2-core box
  // where the first wasm compile alone can take seconds): a journey waits
  // for what the user waits for, never a fixed time, and these only bound
  // how long it may wait before it is called broken.
  timeout: 120_000,
  expect: { timeout: 45_000 },
  use: {
    actionTimeout: 45_000,
    navigationTimeout: 60_000,
    baseURL: BASE_URL,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node scripts/serve-dist.mjs ${DIST} ${PORT}`,
    url: `${BASE_URL}/`,
    // Always our own server on the fresh dist/, never a `trunk serve` left running.
    reuseExistingServer: false,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

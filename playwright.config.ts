import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const EMBEDDED_PORT = Number(process.env.E2E_EMBEDDED_PORT ?? 3101);
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? PORT + 2);
// A second app instance on the same PostgreSQL database proves nothing shared lives in memory.
const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
// E2E_SCALE_OUT=1 adds the second instance to a quick E2E_ONLY_APP run.
const SCALE_OUT = ON_POSTGRES && (!process.env.E2E_ONLY_APP || Boolean(process.env.E2E_SCALE_OUT));
// Single sign-on against a real OpenID Connect provider: its own app server (own database, OIDC_*
// set) so the main server's environment stays as production without SSO. E2E_SSO=1 adds it to a
// quick E2E_ONLY_APP run.
const SSO = !process.env.E2E_ONLY_APP || Boolean(process.env.E2E_SSO);
const SSO_PORT = Number(process.env.E2E_SSO_PORT ?? PORT + 3);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 50);
const SSO_APP = `http://127.0.0.1:${SSO_PORT}`;
const OIDC_CLIENT = { OIDC_CLIENT_ID: 'portroster-e2e', OIDC_CLIENT_SECRET: 'portroster-e2e-client-secret' };

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * How each app server is run. SIGTERM (not Playwright's default SIGKILL) at the end lets
 * scripts/e2e-server.mjs stop `next start` and drop the database it created.
 */
const SERVER = {
  timeout: 240_000,
  reuseExistingServer: !process.env.CI,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 20_000 },
};

export default defineConfig({
  testDir: './e2e',
  // Browser specs only: e2e/**/*.test.ts are vitest unit tests of the fixtures themselves.
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions,
    trace: 'retain-on-failure',
    locale: 'en-US',
  },
  projects: [
    { name: 'app', testIgnore: /(embedded|scale-out|sso|faults-[a-z]+)\.spec\.ts/ },
    ...(SSO ? [{ name: 'sso', testMatch: /sso\.spec\.ts/, use: { baseURL: SSO_APP } }] : []),
    ...(SCALE_OUT ? [{ name: 'scale-out', testMatch: /scale-out\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORT}` } }] : []),
    // Database outage, pool exhaustion, SIGKILL: each test starts its own app instances and database (e2e/support).
    ...(ON_POSTGRES ? [{ name: 'faults', testMatch: /faults-[a-z]+\.spec\.ts/ }] : []),
    { name: 'embedded', testMatch: /embedded\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${EMBEDDED_PORT}` } },
  ],
  webServer: [
    {
      command: `node scripts/e2e-server.mjs --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/v1/ready`,
      ...SERVER,
    },
    ...(SCALE_OUT
      ? [{
          command: `node scripts/e2e-server.mjs --port ${SECOND_PORT} --same-db-as ${PORT}`,
          url: `http://127.0.0.1:${SECOND_PORT}/api/v1/ready`,
          ...SERVER,
        }]
      : []),
    ...(SSO
      ? [
          {
            command: `node scripts/e2e-oidc-provider.mjs --port ${OIDC_PORT} --app ${SSO_APP}`,
            url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
            env: OIDC_CLIENT,
            ...SERVER,
          },
          {
            command: `node scripts/e2e-server.mjs --port ${SSO_PORT}`,
            url: `${SSO_APP}/api/v1/ready`,
            env: { ...OIDC_CLIENT, OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`, OIDC_NAME: 'Test provider' },
            ...SERVER,
          },
        ]
      : []),
    // E2E_ONLY_APP=1 skips the embedded server for quick local runs of one spec.
    ...(process.env.E2E_ONLY_APP ? [] : [{
      command: `node scripts/e2e-server.mjs --port ${EMBEDDED_PORT} --embedded`,
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/v1/ready`,
      ...SERVER,
    }]),
  ],
});

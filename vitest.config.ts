import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * 'server-only' throws under plain Node; Next resolves it with the react-server condition to the
 * package's empty module, and so do the scripts (tsx --conditions=react-server). Vitest loads it as
 * an external Node module, where a condition in this config would not reach, so it is aliased to the
 * same empty module. Whether a client component reaches a server-only module is checked by
 * lib/server-only.test.ts and by `next build`.
 */
const alias = {
  '@': path.resolve(import.meta.dirname),
  'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'lib',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'bench/**/*.test.ts', 'components/**/*.test.ts', 'e2e/**/*.test.ts'],
          globalSetup: ['./lib/testing/global-setup.ts'],
          setupFiles: ['./lib/testing/setup-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Component tests: a DOM (happy-dom), no database.
        resolve: { alias },
        test: { name: 'components', include: ['components/**/*.test.tsx'], environment: 'happy-dom', testTimeout: 30_000 },
      },
    ],
  },
});

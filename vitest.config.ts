import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

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
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'bench/**/*.test.ts', 'components/**/*.test.ts'],
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

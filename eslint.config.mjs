import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

/**
 * Layers: app -> components -> lib -> db, no arrow back. Types may cross app/components/lib
 * boundaries (they vanish at build), values may not. db/ is the ground floor: it imports nothing of ours, not
 * even types (the seed, the test factories and the app's preparation of the database live in lib/).
 */
const restrict = (patterns) => ['error', { patterns: patterns.map(([group, message]) => ({ group, message, allowTypeImports: true })) }];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'bench/floor-app/.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        [['@/db', '@/db/*', '**/db/*'], 'Pages, route handlers and components reach the database only through lib/ (queries and verbs).'],
      ]),
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        [['@/db', '@/db/*', '**/db/*'], 'Components reach data only through lib/api-client (the HTTP API).'],
        [['@/app/*'], 'Components do not import from app/ (app composes components, not the reverse).'],
      ]),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib', '@/lib/*', '**/lib/*', '@/components/*', '@/app/*'],
              message: 'db/ is the ground floor (schema, client, migrations): it imports nothing from lib/, components/ or app/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        [['@/components/*', '@/app/*'], 'lib/ is below components/ and app/: it must not import them.'],
      ]),
    },
  },
  {
    // A delete or update without where() rewrites every row: always a bug here (history is append-only,
    // counters are per row). The database handles are named db and tx throughout.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
];

export default config;

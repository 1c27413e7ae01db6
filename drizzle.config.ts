import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; migrations are applied in code (db/migrate.ts)
// so the same path serves PGlite and a real server.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});

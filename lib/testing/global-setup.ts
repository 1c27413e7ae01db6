/**
 * Database tests run against PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set (one
 * migrated database per run, copied for each test file by setup-env.ts, all dropped afterwards),
 * else against in-memory PGlite.
 */
import type { TestProject } from 'vitest/node';
import { createTestDatabase, dropTestDatabase, dropTestDatabasesLike } from './postgres-database';

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!base) {
    project.provide('databaseUrl', '');
    return;
  }
  const { url, name } = await createTestDatabase(base, 'unit');
  project.provide('databaseUrl', url);
  return async () => {
    await dropTestDatabase(base, name);
    await dropTestDatabasesLike(base, `${name}_%`); // copies left by a crashed test file
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Database tests run against PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set
 * (a fresh database per run, dropped afterwards), else against in-memory PGlite.
 */
import type { TestProject } from 'vitest/node';
import { createTestDatabase, dropTestDatabase } from './postgres-database';

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
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

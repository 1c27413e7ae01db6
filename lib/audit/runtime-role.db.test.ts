/**
 * The running app's own credentials cannot rewrite history (issue 13 part 1): every way an
 * attacker holding DATABASE_URL would try fails with a permission error (SQLSTATE 42501).
 * Only meaningful on PostgreSQL, where tests connect as a member of portroster_app; PGlite has a
 * single superuser, which the start-up check reports instead.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { createPort } from '@/lib/testing/factories';
import { checkRuntimePrivileges } from './db-privileges';
import { SYSTEM_ACTOR } from './actor';
import { recordAudit } from './record';

const onPostgres = Boolean(process.env.MIGRATION_DATABASE_URL);

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}

async function expectDenied(statement: string): Promise<void> {
  const db = await getDb();
  let caught: unknown;
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
    });
  } catch (error) {
    caught = error;
  }
  expect(caught, `${statement} must fail`).toBeDefined();
  expect(sqlState(caught), `${statement}: ${String((caught as { cause?: Error })?.cause?.message ?? caught)}`).toBe('42501');
}

describe.skipIf(!onPostgres)('the runtime role cannot rewrite the audit trail', () => {
  it('is connected as neither superuser nor owner', async () => {
    expect(await checkRuntimePrivileges(await getDb())).toBe('least');
  });

  it('may append and read', async () => {
    const db = await getDb();
    const port = await createPort();
    await db.transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: 'test.appended', targetType: 'test', portId: port.id }));
    const rows = await db.execute(sql`select count(*)::int as n from audit_events where port_id = ${port.id}`);
    expect(JSON.stringify(rows)).toContain('"n":1');
  });

  it.each([
    'update audit_events set reason = $$rewritten$$',
    'delete from audit_events',
    'truncate audit_events',
    'alter table audit_events disable trigger all',
    'alter table audit_events disable trigger audit_events_no_update_delete',
    'set session_replication_role = replica',
    'drop table audit_events',
    'drop trigger audit_events_no_update_delete on audit_events',
    `create or replace function audit_events_refuse_change() returns trigger as $$ begin return new; end; $$ language plpgsql`,
    'drop function audit_events_refuse_change() cascade',
    'alter table audit_events owner to current_user',
    'update audit_checkpoints set key_id = $$x$$',
    'delete from audit_checkpoints',
    'truncate audit_checkpoints',
    'insert into audit_installation default values',
    'update audit_installation set created_at = now()',
    `select setval('audit_events_id_seq', 1)`,
    'create table public.shadow (id int)',
    "create function public.now() returns timestamptz as $f$ select timestamptz '2000-01-01' $f$ language sql",
  ])('refuses: %s', async (statement) => {
    await expectDenied(statement);
  });
});

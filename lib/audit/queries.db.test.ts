import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { actorFor, createPort, createUser, uid } from '@/lib/testing/factories';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';
import { auditCsvStream, listAuditEvents } from './queries';
import { recordAudit } from './record';
import { AuditQuerySchema } from './schemas';

const q = (input: Record<string, unknown>) => AuditQuerySchema.parse(input);

describe('the audit view', () => {
  it('filters by port, actor and action, newest first, pages by id, and refuses officers', async () => {
    const db = await getDb();
    const port = await createPort({ timeZone: 'America/Phoenix' });
    const other = await createPort();
    const tag = uid();
    const writer = await createUser('officer', port.id, { name: `Writer ${tag}` });
    const supervisor = actorFor(await createUser('supervisor', null));
    const officer = actorFor(writer, port.slug);
    for (const [portId, action] of [[port.id, 'appointment.corrected'], [port.id, 'appointment.outcome_recorded'], [other.id, 'appointment.corrected'], [port.id, 'user.locale_changed']] as const) {
      await db.transaction((tx) => recordAudit(tx, { userId: writer.id, role: 'officer' }, { action, targetType: 't', portId, reason: '=cmd()' }));
    }
    const all = await listAuditEvents(supervisor, q({ port: port.slug, actor: tag }));
    expect(all.events.map((e) => e.action)).toEqual(['user.locale_changed', 'appointment.outcome_recorded', 'appointment.corrected']);
    expect(all.events[0]).toMatchObject({ port: port.slug, actor: `Writer ${tag}`, actorRole: 'officer' });
    expect((await listAuditEvents(supervisor, q({ actor: tag, action: 'appointment' }))).events).toHaveLength(3);
    expect((await listAuditEvents(supervisor, q({ actor: tag, action: 'appointment.corrected' }))).events).toHaveLength(2);
    expect((await listAuditEvents(supervisor, q({ actor: tag, action: 'appoint' }))).events).toHaveLength(0);
    const first = await listAuditEvents(supervisor, q({ actor: tag, limit: 3 }));
    expect(first.events).toHaveLength(3);
    const second = await listAuditEvents(supervisor, q({ actor: tag, limit: 3, before: first.nextBefore }));
    expect(second.events).toHaveLength(1);
    expect(second.nextBefore).toBeNull();
    const today = now().toISOString().slice(0, 10);
    expect((await listAuditEvents(supervisor, q({ actor: tag, from: '2000-01-01', to: '2000-01-02' }))).events).toHaveLength(0);
    expect((await listAuditEvents(supervisor, q({ actor: tag, from: '2000-01-01', to: `${Number(today.slice(0, 4)) + 1}-01-01` }))).events).toHaveLength(4);
    await expect(listAuditEvents(officer, q({}))).rejects.toMatchObject({ code: 'FORBIDDEN' } satisfies Partial<AppError>);
    await expect(listAuditEvents(supervisor, q({ port: 'no-such-port' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports every match as CSV with formula cells neutralised', async () => {
    const db = await getDb();
    const port = await createPort();
    const tag = uid();
    const supervisor = actorFor(await createUser('supervisor', null, { name: `Sup ${tag}` }));
    for (let i = 0; i < 5; i++) {
      await db.transaction((tx) => recordAudit(tx, { userId: supervisor.userId, role: 'supervisor' }, { action: 'appointment.corrected', targetType: 'appointment', portId: port.id, reason: i === 0 ? '=HYPERLINK("http://evil")' : `@line ${i}\nnext`, after: { n: i } }));
    }
    const text = await new Response(await auditCsvStream(supervisor, q({ port: port.slug }), 2)).text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('id,at_utc,port,actor,actor_email,actor_role,action,target_type,target_id,reason,before,after,request_id');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"'@line 4\nnext"`);
    expect(text).not.toMatch(/,=|,@|,\+/);
    expect(text.match(/appointment\.corrected/g)).toHaveLength(5);
  });
});

import { describe, expect, it } from 'vitest';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { now, serviceDate } from '@/lib/time';
import { getRoster } from './queries';

describe('roster read', () => {
  it('derives no-show after the deadline, counts the whole day, and orders by time', async () => {
    const port = await createPort({ timeZone: 'America/Phoenix' });
    const officer = actorFor(await createUser('officer', port.id), port.slug);
    const at = now();
    await createAppointment(port, new Date(at.getTime() - 20 * 60_000), { familyName: 'Pasado' }); // deadline passed
    await createAppointment(port, new Date(at.getTime() - 5 * 60_000), { familyName: 'Reciente' }); // within grace
    const date = serviceDate(at, port.timeZone);
    const roster = await getRoster(officer, port.slug, { date });
    const sameDay = roster.appointments.filter((a) => a.date === date);
    const byName = Object.fromEntries(sameDay.map((a) => [a.familyName, a.status]));
    // Both rows fall on today's port-local date unless the test runs in the first 20 minutes after midnight.
    if (byName.Pasado) expect(byName.Pasado).toBe('no_show');
    expect(byName.Reciente).toBe('scheduled');
    expect(roster.counts.scheduled + roster.counts.no_show).toBe(sameDay.length);
  });

  it('finds names accent- and case-insensitively and codes exactly', async () => {
    const port = await createPort();
    const supervisor = actorFor(await createUser('supervisor', null));
    const at = now();
    const pena = await createAppointment(port, at, { familyName: 'Peña Núñez', givenName: 'JOSÉ' });
    await createAppointment(port, at, { familyName: 'Smith', givenName: 'Ann' });
    const date = serviceDate(at, port.timeZone);
    // The stored key and the query go through the same fold (lib/identity).
    for (const q of ['pena', 'PEÑA', 'nunez', 'jose pena', 'José', 'Ｊｏｓｅ', 'Jos\u0435', 'Jo\u200Bse', 'jose'.normalize('NFD'), 'pena-nunez', 'josepena']) {
      const r = await getRoster(supervisor, port.slug, { date, q });
      expect(r.appointments.map((a) => a.id), q).toEqual([pena.id]);
    }
    const byCode = await getRoster(supervisor, port.slug, { date, q: pena.confirmationCode.toLowerCase() });
    expect(byCode.appointments.map((a) => a.id)).toEqual([pena.id]);
    const literal = await getRoster(supervisor, port.slug, { date, q: '%' });
    expect(literal.appointments).toEqual([]);
  });

  it('hides another port from an officer as not found', async () => {
    const mine = await createPort();
    const other = await createPort();
    const officer = actorFor(await createUser('officer', mine.id), mine.slug);
    await expect(getRoster(officer, other.slug, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getRoster(officer, mine.slug, {})).resolves.toMatchObject({ port: { slug: mine.slug } });
  });
});

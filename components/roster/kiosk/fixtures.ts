/** A roster row for component tests (times far from now, so no test depends on the clock). */
import type { Appointment } from '@/lib/roster/schemas';

export function appointment(over: Partial<Appointment> = {}): Appointment {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    confirmationCode: 'SY7K2M9Q',
    portSlug: 'san-ysidro',
    date: '2099-01-15',
    scheduledAt: '2099-01-15T17:30:00Z',
    deadline: '2099-01-15T17:45:00Z',
    partySize: 1,
    familyName: 'García López',
    givenName: 'María',
    nationality: 'GT',
    language: 'es',
    status: 'scheduled',
    arrivedAt: null,
    arrivedBy: null,
    membersPresent: null,
    outcome: null,
    flags: [],
    noShowRecorded: false,
    version: 1,
    ...over,
  };
}

import { describe, expect, it } from 'vitest';
import { ACTIONS, can, canSeePort, homePath, portScope, type Action } from './permissions';

const expected: Record<Action, [officer: boolean, supervisor: boolean, admin: boolean]> = {
  'ports.read': [true, true, true],
  'roster.read': [true, true, true],
  'appointment.read': [true, true, true],
  'appointment.checkIn': [true, true, true],
  'appointment.noShow': [true, true, true],
  'appointment.undo': [true, true, true],
  'appointment.outcome': [true, true, true],
  'appointment.correct': [false, true, true],
  'document.reveal': [false, true, true],
  'stats.read': [true, true, true],
  'audit.read': [false, true, true],
  'admin.capacity': [false, false, true],
  'admin.ports': [false, false, true],
  'admin.outcomeCodes': [false, false, true],
  'admin.users': [false, false, true],
  'admin.intakeKeys': [false, false, true],
  'intake.importRoster': [false, false, true],
  'flags.review': [false, true, true],
};

describe('permission table', () => {
  it('covers every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(ACTIONS.map((a) => [a, ...expected[a]] as const))('%s: officer %s, supervisor %s, admin %s', (action, o, s, a) => {
    expect(can('officer', action)).toBe(o);
    expect(can('supervisor', action)).toBe(s);
    expect(can('admin', action)).toBe(a);
  });
});

describe('port scope', () => {
  it.each([
    ['officer', 3, 3, true],
    ['officer', 3, 4, false],
    ['officer', null, 4, false],
    ['supervisor', null, 4, true],
    ['admin', null, 4, true],
  ] as const)('%s of port %s sees port %s: %s', (role, own, target, visible) => {
    expect(canSeePort({ role, portId: own }, target)).toBe(visible);
  });

  it('scopes reads', () => {
    expect(portScope({ role: 'officer', portId: 2 })).toEqual([2]);
    expect(portScope({ role: 'supervisor', portId: null })).toBe('all');
  });

  it('sends each role home', () => {
    expect(homePath({ role: 'officer', portId: 1, portSlug: 'nogales' })).toBe('/roster/nogales');
    expect(homePath({ role: 'supervisor', portId: null, portSlug: null })).toBe('/dashboard');
    expect(homePath({ role: 'admin', portId: null, portSlug: null })).toBe('/admin');
  });
});

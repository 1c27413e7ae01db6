import { describe, expect, it } from 'vitest';
import { appointment } from './fixtures';
import { decideScan, matches } from './scan';

const maria = appointment();
const jose = appointment({ id: '22222222-2222-4222-8222-222222222222', confirmationCode: 'SY3H8N2P', familyName: 'Pérez', givenName: 'José' });
const rows = [maria, jose];

describe('the kiosk search box', () => {
  it('matches a code exactly and a name in either order, ignoring case and accents', () => {
    expect(matches(maria, 'sy7k2m9q')).toBe(true);
    expect(matches(maria, 'garcia lopez maria')).toBe(true);
    expect(matches(maria, 'MARIA GARCIA')).toBe(true);
    expect(matches(maria, 'José')).toBe(false);
    expect(matches(maria, '')).toBe(true);
  });

  it('Enter on an exact code selects; Enter again on the selection acts', () => {
    expect(decideScan('SY7K2M9Q', rows, [maria], null)).toEqual({ kind: 'select', row: maria });
    expect(decideScan('SY7K2M9Q', rows, [maria], maria.id)).toEqual({ kind: 'act', row: maria });
  });

  it('a single visible row is selected by a name fragment; two are not', () => {
    expect(decideScan('pérez', rows, [jose], null)).toEqual({ kind: 'select', row: jose });
    expect(decideScan('a', rows, rows, null)).toEqual({ kind: 'none' });
  });

  it('a code that is not on this roster is looked up elsewhere; other text is not', () => {
    expect(decideScan('sy9z9z9z', rows, [], null)).toEqual({ kind: 'lookup', code: 'SY9Z9Z9Z' });
    expect(decideScan('nobody', rows, [], null)).toEqual({ kind: 'none' });
  });
});

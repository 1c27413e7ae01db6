import { describe, expect, it } from 'vitest';
import { decideCorrection, decideOutcome, validateOutcome, type ValidOutcome } from './rules';

const active = (code: string, requiresNote = false) => ({ code, active: true, requiresNote });

describe('validateOutcome', () => {
  it.each([
    ['an active code', { code: 'nta_parole' }, active('nta_parole'), { ok: true }],
    ['an unknown code', { code: 'nope' }, null, { ok: false, fields: { code: 'unknown_code' } }],
    ['a retired code', { code: 'old' }, { code: 'old', active: false, requiresNote: false }, { ok: false, fields: { code: 'retired_code' } }],
    ['other without notes', { code: 'other' }, active('other', true), { ok: false, fields: { notes: 'notes_required' } }],
    ['other with blank notes', { code: 'other', notes: ' \n\t ' }, active('other', true), { ok: false, fields: { notes: 'notes_required' } }],
    ['other even if not flagged', { code: 'other' }, active('other', false), { ok: false, fields: { notes: 'notes_required' } }],
    ['a flagged code without notes', { code: 'x' }, active('x', true), { ok: false, fields: { notes: 'notes_required' } }],
    ['interpreter used without language', { code: 'a', interpreterUsed: true }, active('a'), { ok: false, fields: { interpreterLanguage: 'language_required' } }],
  ] as const)('%s', (_name, draft, row, expected) => {
    expect(validateOutcome(draft, row)).toMatchObject(expected);
  });

  it('keeps line breaks inside notes and trims the ends', () => {
    const r = validateOutcome({ code: 'other', notes: '  line one\nline two\n\n' }, active('other', true));
    expect(r).toEqual({ ok: true, outcome: { code: 'other', notes: 'line one\nline two', interpreterLanguage: null } });
  });

  it('records the interpreter language only when one was used', () => {
    expect(validateOutcome({ code: 'a', interpreterUsed: true, interpreterLanguage: 'HT' }, active('a'))).toMatchObject({ outcome: { interpreterLanguage: 'ht' } });
    expect(validateOutcome({ code: 'a', interpreterUsed: false, interpreterLanguage: 'ht' }, active('a'))).toMatchObject({ outcome: { interpreterLanguage: null } });
    expect(validateOutcome({ code: 'a', interpreterLanguage: 'pt' }, active('a'))).toMatchObject({ outcome: { interpreterLanguage: 'pt' } });
  });
});

describe('decideOutcome', () => {
  it.each([
    ['checked_in', 3, undefined, { kind: 'ok' }],
    ['checked_in', 3, 3, { kind: 'ok' }],
    ['checked_in', 3, 2, { kind: 'refused', code: 'STALE_VERSION' }],
    ['processed', 4, 3, { kind: 'refused', code: 'STALE_VERSION' }],
    ['processed', 4, undefined, { kind: 'refused', code: 'CONFLICT' }],
    ['scheduled', 1, 1, { kind: 'refused', code: 'CONFLICT' }],
    ['late', 2, 2, { kind: 'refused', code: 'CONFLICT' }],
    ['no_show', 2, undefined, { kind: 'refused', code: 'CONFLICT' }],
    ['cancelled', 2, undefined, { kind: 'refused', code: 'CONFLICT' }],
  ] as const)('%s v%s, expected %s', (status, version, expected, decision) => {
    expect(decideOutcome({ status, version }, expected)).toEqual(decision);
  });
});

describe('decideCorrection', () => {
  const parole: ValidOutcome = { code: 'nta_parole', notes: null, interpreterLanguage: null };
  const other: ValidOutcome = { code: 'other', notes: 'a\nb', interpreterLanguage: 'ht' };

  it('refuses a stale version', () => {
    expect(decideCorrection({ status: 'late', version: 2, outcome: null }, { status: 'checked_in', expectedVersion: 1 })).toEqual({ kind: 'refused', code: 'STALE_VERSION' });
  });

  it.each([
    ['late -> checked_in keeps the arrival', 'late', null, { status: 'checked_in' }, { kind: 'ok', status: 'checked_in', arrival: 'keep', outcomeChanged: false }],
    ['checked_in -> no_show clears it', 'checked_in', null, { status: 'no_show' }, { kind: 'ok', status: 'no_show', arrival: 'clear' }],
    ['no_show -> checked_in sets it', 'no_show', null, { status: 'checked_in' }, { kind: 'ok', status: 'checked_in', arrival: 'set' }],
    ['scheduled -> cancelled', 'scheduled', null, { status: 'cancelled' }, { kind: 'ok', status: 'cancelled', arrival: 'keep' }],
    ['processed: outcome replaced', 'processed', parole, { outcome: other }, { kind: 'ok', status: 'processed', outcome: other, outcomeChanged: true, arrival: 'keep' }],
    ['checked_in + outcome -> processed', 'checked_in', null, { outcome: parole }, { kind: 'ok', status: 'processed', outcome: parole, outcomeChanged: true }],
    ['late + outcome -> processed', 'late', null, { status: 'processed', outcome: parole }, { kind: 'ok', status: 'processed', arrival: 'keep' }],
    ['no_show + outcome -> processed sets arrival', 'no_show', null, { outcome: parole }, { kind: 'ok', status: 'processed', arrival: 'set' }],
  ] as const)('%s', (_n, status, outcome, req, expected) => {
    expect(decideCorrection({ status, version: 5, outcome }, { ...req, expectedVersion: 5 })).toMatchObject(expected);
  });

  it.each([
    ['processed -> checked_in would drop the outcome', 'processed', parole, { status: 'checked_in' }, { code: 'CONFLICT', problem: 'outcome_kept' }],
    ['an outcome with a non-processed status', 'checked_in', null, { status: 'late', outcome: parole }, { code: 'VALIDATION', field: 'status' }],
    ['processed without any outcome', 'checked_in', null, { status: 'processed' }, { code: 'VALIDATION', field: 'outcome' }],
    ['the same status', 'late', null, { status: 'late' }, { code: 'VALIDATION', problem: 'nothing_to_change' }],
    ['the same outcome', 'processed', parole, { outcome: { ...parole } }, { code: 'VALIDATION', problem: 'nothing_to_change' }],
    ['nothing at all', 'late', null, {}, { code: 'VALIDATION', problem: 'nothing_to_change' }],
  ] as const)('refuses %s', (_n, status, outcome, req, expected) => {
    expect(decideCorrection({ status, version: 1, outcome }, { ...req, expectedVersion: 1 })).toMatchObject({ kind: 'refused', ...expected });
  });
});

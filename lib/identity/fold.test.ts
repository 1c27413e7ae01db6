import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCompact, foldText } from './fold';
import { documentKey, identityKey, searchKey } from './keys';

const person = { familyName: 'Peña Núñez', givenName: 'José', dateOfBirth: '1990-04-12', nationality: 'MX' };
const key = identityKey(person);

describe('identity key: one person however the name is written', () => {
  const variants: Array<[string, Partial<typeof person>]> = [
    ['decomposed accents (NFD)', { givenName: 'José'.normalize('NFD'), familyName: 'Peña Núñez'.normalize('NFD') }],
    ['no accents', { givenName: 'Jose', familyName: 'Pena Nunez' }],
    ['zero-width space inside', { givenName: 'Jo\u200Bsé' }],
    ['zero-width joiner and non-joiner', { givenName: 'J\u200Do\u200Csé' }],
    ['soft hyphen', { familyName: 'Pe\u00ADña Núñez' }],
    ['bidi marks and overrides', { givenName: '\u200EJosé\u200F', familyName: '\u202EPeña Núñez\u202C' }],
    ['fullwidth letters', { givenName: 'Ｊｏｓé' }],
    ['one Cyrillic е', { givenName: 'Jos\u0435' }],
    ['Cyrillic о and а', { familyName: 'Pеñа Núñеz'.replace('а', '\u0430') }],
    ['Greek capital Ρ for P', { familyName: '\u03A1eña Núñez' }],
    ['mathematical bold', { givenName: '𝐉𝐨𝐬𝐞' }],
    ['upper case', { givenName: 'JOSÉ', familyName: 'PEÑA NÚÑEZ' }],
    ['extra spaces', { familyName: '  Peña   Núñez ' }],
    ['hyphen instead of space', { familyName: 'Peña-Núñez' }],
    ['no space', { familyName: 'PeñaNúñez' }],
    ['dot and comma', { familyName: 'Peña, Núñez.' }],
    ['lower-case nationality', { nationality: 'mx' }],
  ];
  it.each(variants)('%s is the same person', (_label, change) => {
    expect(identityKey({ ...person, ...change })).toBe(key);
  });

  it('a different date of birth, nationality or name is a different person', () => {
    expect(identityKey({ ...person, dateOfBirth: '1990-04-13' })).not.toBe(key);
    expect(identityKey({ ...person, nationality: 'GT' })).not.toBe(key);
    expect(identityKey({ ...person, givenName: 'Josué' })).not.toBe(key);
    expect(identityKey({ ...person, givenName: 'Núñez', familyName: 'José Peña' })).not.toBe(key);
  });

  it('apostrophes and modifier letters do not split a name', () => {
    expect(foldText("O'Brien")).toBe('obrien');
    expect(foldText('O’Brien')).toBe('obrien');
    expect(foldText('Muḥammad ʿAbd al-Raḥmān')).toBe('muhammad abd al rahman');
  });

  it('transliterates other scripts and Vietnamese to Latin', () => {
    expect(foldText('Nguyễn Văn Thắng')).toBe('nguyen van thang');
    expect(foldText('Ибрагимов')).toBe('ibragimov');
    expect(foldCompact('张伟')).toBe(foldCompact('Zhang Wei'));
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('Łukasz Øberg')).toBe('lukasz oberg');
    expect(foldText('Jоsé', )).toBe('jose');
    expect(foldText('Јоѕе')).toBe('jose');
  });

  it('capital-only look-alikes count too, whatever the case', () => {
    expect(foldText('\u0412enito')).toBe('benito');
    expect(foldText('\u0432enito')).toBe(foldText('\u0412ENITO'));
    expect(foldText('Алексей')).toBe(foldText('АЛЕКСЕЙ'));
  });

  it('documents fold to upper-case letters and digits', () => {
    expect(documentKey('ab 12-34/5')).toBe('AB12345');
    expect(documentKey('ＡＢ１２３４５')).toBe('AB12345');
    expect(documentKey('\u0410\u0412\u200B12345')).toBe('AB12345');
    expect(documentKey(' - ')).toBeNull();
  });

  it('the search key is the folded "given family"', () => {
    expect(searchKey('JOSÉ', 'Peña-Núñez')).toBe('jose pena nunez');
  });
});

describe('identity fold properties', () => {
  const nameChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZáéíóúñüçãõâêôàèÁÉÑ -\'.'.split(''), 'ñ'.normalize('NFD'));
  const name = fc.array(nameChar, { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
  const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\uFEFF', '\uFE0F');
  const toFullwidth = (s: string) => s.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it('is idempotent', () => {
    fc.assert(fc.property(name, (s) => foldText(foldText(s)) === foldText(s)));
  });
  it('does not depend on NFC or NFD', () => {
    fc.assert(fc.property(name, (s) => foldText(s.normalize('NFC')) === foldText(s.normalize('NFD'))));
  });
  it('ignores zero-width and bidi characters inserted anywhere', () => {
    fc.assert(
      fc.property(name, fc.nat(), invisible, (s, at, z) => {
        const i = at % (s.length + 1);
        return foldText(s.slice(0, i) + z + s.slice(i)) === foldText(s);
      }),
    );
  });
  it('ignores letter width and case', () => {
    fc.assert(fc.property(name, (s) => foldText(toFullwidth(s)) === foldText(s) && foldText(s.toUpperCase()) === foldText(s)));
  });
  it('always yields lower-case ASCII words', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => /^([a-z0-9]+( [a-z0-9]+)*)?$/.test(foldText(s))));
  });
});

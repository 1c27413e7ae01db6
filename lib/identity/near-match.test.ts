import { describe, expect, it } from 'vitest';
import { nearMatch, type NearMatchReason } from './near-match';

type P = [family: string, given: string, dob: string];
const MX = 'MX';
/** [label, a, b, expected reasons ([] = stays apart)] — names from real naming practice. */
const PAIRS: Array<[string, P, P, NearMatchReason[]]> = [
  // Swapped family and given names.
  ['Spanish, swapped', ['Peña Núñez', 'José', '1990-04-12'], ['José', 'Peña Núñez', '1990-04-12'], ['swapped_names']],
  ['regrouped words', ['Peña Núñez', 'José', '1990-04-12'], ['Peña', 'José Núñez', '1990-04-12'], ['swapped_names']],
  ['Chinese order, Zhang Wei', ['Zhang', 'Wei', '1988-02-02'], ['Wei', 'Zhang', '1988-02-02'], ['swapped_names']],
  ['Chinese, Han vs pinyin swapped', ['张', '伟', '1988-02-02'], ['Wei', 'Zhang', '1988-02-02'], ['swapped_names']],
  ['Haitian Creole, swapped', ['Jean-Baptiste', 'Wilner', '1985-09-09'], ['Wilner', 'Jean Baptiste', '1985-09-09'], ['swapped_names']],
  ['Vietnamese, swapped', ['Nguyễn', 'Văn Thắng', '1992-06-01'], ['Văn Thắng', 'Nguyen', '1992-06-01'], ['swapped_names']],
  ['swapped with accents lost', ['Hernández', 'María', '1979-01-30'], ['MARIA', 'HERNANDEZ', '1979-01-30'], ['swapped_names']],
  ['Arabic in Latin, swapped', ['al-Rahman', 'Muhammad Abd', '1980-03-15'], ['Muhammad Abd', 'Al Rahman', '1980-03-15'], ['swapped_names']],
  // A dropped given name.
  ['dropped second given name', ['García', 'José María', '1991-01-09'], ['García', 'José', '1991-01-09'], ['dropped_given_name']],
  ['dropped first given name', ['García', 'José María', '1991-01-09'], ['García', 'María', '1991-01-09'], ['dropped_given_name']],
  ['Haitian, dropped Marie', ['Pierre', 'Marie Ange', '1990-10-10'], ['Pierre', 'Ange', '1990-10-10'], ['dropped_given_name']],
  ['Portuguese, dropped given', ['Silva', 'João Pedro', '1987-12-01'], ['Silva', 'Joao', '1987-12-01'], ['dropped_given_name']],
  ['Vietnamese middle name dropped', ['Trần', 'Thị Hương', '1995-05-05'], ['Tran', 'Huong', '1995-05-05'], ['dropped_given_name']],
  // A dropped second family name (double surnames).
  ['Spanish double surname', ['García López', 'Ana', '1993-08-08'], ['García', 'Ana', '1993-08-08'], ['dropped_family_name']],
  ['Spanish "de la" kept, second dropped', ['de la Cruz Ramírez', 'Luis', '1975-04-04'], ['De La Cruz', 'Luis', '1975-04-04'], ['dropped_family_name']],
  ['Portuguese double surname', ['Santos Oliveira', 'Ana Paula', '1984-02-20'], ['Santos', 'Ana Paula', '1984-02-20'], ['dropped_family_name']],
  // Date of birth one day off or day/month swapped.
  ['dob one day later', ['Pérez', 'Carlos', '1990-04-12'], ['Pérez', 'Carlos', '1990-04-13'], ['dob_off_by_one']],
  ['dob one day earlier across a month', ['Pérez', 'Carlos', '1990-05-01'], ['Pérez', 'Carlos', '1990-04-30'], ['dob_off_by_one']],
  ['dob across a year', ['Ivanova', 'Olga', '1986-12-31'], ['Ivanova', 'Olga', '1987-01-01'], ['dob_off_by_one']],
  ['dob across leap day', ['Yılmaz', 'Mehmet', '1996-02-29'], ['Yilmaz', 'Mehmet', '1996-03-01'], ['dob_off_by_one']],
  ['dob day/month swapped', ['López', 'Rosa', '1990-03-04'], ['López', 'Rosa', '1990-04-03'], ['dob_day_month_swapped']],
  ['dob day/month swapped, Haitian', ['Désir', 'Mackenson', '1999-07-11'], ['Desir', 'Mackenson', '1999-11-07'], ['dob_day_month_swapped']],
  // Two variations at once.
  ['swapped and a day off', ['Zhang', 'Wei', '1988-02-02'], ['Wei', 'Zhang', '1988-02-03'], ['swapped_names', 'dob_off_by_one']],
  ['dropped given and swapped date', ['García', 'José María', '1991-01-09'], ['García', 'José', '1991-09-01'], ['dropped_given_name', 'dob_day_month_swapped']],
  // Exact matches are not "near" (they are duplicates, decided by the identity key).
  ['exact, accents only', ['Peña Núñez', 'José', '1990-04-12'], ['PENA NUNEZ', 'jose', '1990-04-12'], []],
  ['exact, Cyrillic look-alike', ['Pérez', 'José', '1990-04-12'], ['Pérez', 'Jos\u0435', '1990-04-12'], []],
  // Must stay apart: different people sharing a common name.
  ['common name, other dob', ['García', 'María', '1980-02-02'], ['García', 'María', '1994-11-20'], []],
  ['common name, dob two days off', ['Hernández', 'José', '1990-04-12'], ['Hernández', 'José', '1990-04-14'], []],
  ['common name, other year', ['López', 'Juan Carlos', '1985-06-06'], ['López', 'Juan Carlos', '1986-06-06'], []],
  ['Zhang Wei, other dob', ['Zhang', 'Wei', '1988-02-02'], ['Zhang', 'Wei', '1990-02-02'], []],
  ['Nguyen, other dob', ['Nguyễn', 'Văn An', '1992-06-01'], ['Nguyễn', 'Văn An', '1993-01-06'], []],
  ['Pierre, other dob', ['Pierre', 'Jean', '1970-01-01'], ['Pierre', 'Jean', '1971-05-05'], []],
  ['Muhammad, other dob', ['Ahmed', 'Muhammad', '1980-03-15'], ['Ahmed', 'Muhammad', '1981-03-15'], []],
  ['different given names, same dob', ['García', 'José', '1990-04-12'], ['García', 'Josué', '1990-04-12'], []],
  ['siblings: same family, other given', ['Silva', 'João', '1987-12-01'], ['Silva', 'Pedro', '1987-12-02'], []],
  ['twins: same dob, other given', ['Pierre', 'Wilner', '1985-09-09'], ['Pierre', 'Wilson', '1985-09-09'], []],
  ['other family name entirely', ['Ramírez', 'Luis', '1975-04-04'], ['Rodríguez', 'Luis', '1975-04-04'], []],
  ['first family name dropped is not near', ['García López', 'Ana', '1993-08-08'], ['López', 'Ana', '1993-08-08'], []],
  ['name variation and a far dob', ['Zhang', 'Wei', '1988-02-02'], ['Wei', 'Zhang', '1988-05-02'], []],
  ['day/month same is no swap', ['López', 'Rosa', '1990-03-03'], ['López', 'Rosa', '1990-03-04'], ['dob_off_by_one']],
  ['no swap for day over 12', ['López', 'Rosa', '1990-03-14'], ['López', 'Rosa', '1990-12-03'], []],
  ['Ivanova vs Ivanov (other person)', ['Ivanova', 'Olga', '1986-12-31'], ['Ivanov', 'Oleg', '1986-12-31'], []],
];

describe('near matches from real naming practice', () => {
  it('covers at least 40 pairs', () => expect(PAIRS.length).toBeGreaterThanOrEqual(40));
  it.each(PAIRS)('%s', (_label, [fa, ga, da], [fb, gb, db], expected) => {
    const a = { familyName: fa, givenName: ga, dateOfBirth: da, nationality: MX };
    const b = { familyName: fb, givenName: gb, dateOfBirth: db, nationality: MX };
    expect(nearMatch(a, b)).toEqual(expected);
    expect(nearMatch(b, a)).toEqual(expected);
  });
  it('another nationality stays apart', () => {
    expect(nearMatch({ familyName: 'Zhang', givenName: 'Wei', dateOfBirth: '1988-02-02', nationality: 'CN' }, { familyName: 'Wei', givenName: 'Zhang', dateOfBirth: '1988-02-02', nationality: 'TW' })).toEqual([]);
  });
});

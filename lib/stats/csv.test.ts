import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting, leaves numbers plain and defuses formulas', () => {
    expect(toCsv(['Port', 'Booked'], [['San Ysidro, CA', 12], ['Say "hi"', null], ['=1+1', 0.5]])).toBe(
      'Port,Booked\r\n"San Ysidro, CA",12\r\n"Say ""hi""",\r\n\'=1+1,0.5\r\n',
    );
  });
});

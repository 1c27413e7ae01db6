import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, neutraliseFormula } from './csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line1\nline2', '"line1\nline2"'],
    ['say "hi"', '"say ""hi"""'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes null as empty, numbers and JSON as text, and neutralises JSON too', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-42)).toBe("'-42");
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvRow(['x', null, '=1'])).toBe("x,,'=1\r\n");
  });

  it('leaves safe text alone', () => {
    expect(neutraliseFormula('appointment.corrected')).toBe('appointment.corrected');
  });
});

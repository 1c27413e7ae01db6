import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRow, neutraliseFormula, restoreFormula, toCsv } from './csv';

describe('CSV writing', () => {
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
    [' padded ', '" padded "'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(csvRow([input])).toBe(`${expected}\r\n`);
  });

  it('writes null as empty, numbers as numbers, dates as ISO and objects as neutralised JSON', () => {
    expect(csvRow([null, undefined, 42, -42, 0.5, true])).toBe(',,42,-42,0.5,true\r\n');
    expect(csvRow([new Date('2026-01-02T03:04:05Z')])).toBe('2026-01-02T03:04:05.000Z\r\n');
    expect(csvRow([{ a: 1 }])).toBe('"{""a"":1}"\r\n');
    expect(csvRow([['=x']])).toBe('"[""=x""]"\r\n');
  });

  it('writes a table with a header, CRLF after every line', () => {
    expect(toCsv([['Port', 'Booked'], ['San Ysidro, CA', 12], ['Say "hi"', null], ['=1+1', 0.5]])).toBe(
      'Port,Booked\r\n"San Ysidro, CA",12\r\n"Say ""hi""",\r\n\'=1+1,0.5\r\n',
    );
  });

  it('round-trips through csv-parse and restoreFormula for names a spreadsheet would run', () => {
    const names = ['line1\nline2', 'cr\ronly', '-Ana', '+Luis', '=SUM(A1)', '@x', 'Ana', "'quoted", 'Ñandú, José', 'a "b"', ' x '];
    const parsed = parse(toCsv(names.map((n) => [n])), { bom: true }) as string[][];
    expect(parsed.map(([cell]) => restoreFormula(cell!))).toEqual(names);
  });

  it('leaves safe text alone', () => {
    expect(neutraliseFormula('appointment.corrected')).toBe('appointment.corrected');
    expect(restoreFormula("'plain")).toBe("'plain");
  });
});

/** CSV exports as Excel in an Indonesian locale opens them, with no cell a spreadsheet would run as a formula. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type Cell, decimalComma, spreadsheetCsv } from '../../shared/domain/spreadsheet.ts';

const BOM = '\uFEFF';
/** The one data line of a file with a one-column header. */
const lineOf = (cell: Cell) =>
  spreadsheetCsv(['x'], [[cell]])
    .slice(BOM.length)
    .split('\r\n')[1];

describe('spreadsheetCsv', () => {
  it('starts with a byte order mark, separates with semicolons and ends lines with CRLF', () => {
    const text = spreadsheetCsv(['Nama', 'Unit'], [['Budi', 'DUK-IDK']]);
    expect(text).toBe(`${BOM}Nama;Unit\r\nBudi;DUK-IDK\r\n`);
  });

  it.each<[label: string, cell: Cell, written: string]>([
    ['plain text', 'Rahmat Hidayat Daulay', 'Rahmat Hidayat Daulay'],
    ['a comma needs no quotes', 'Rina Marlina Pohan, S.Sos', 'Rina Marlina Pohan, S.Sos'],
    ['a semicolon is quoted', 'Seksi A; Seksi B', '"Seksi A; Seksi B"'],
    ['a quote is doubled', 'Kepala "Plt"', '"Kepala ""Plt"""'],
    ['a line break is quoted', 'baris 1\nbaris 2', '"baris 1\nbaris 2"'],
    ['a decimal number gets a decimal comma', 95.5, '95,5'],
    ['a whole number stays whole', 12, '12'],
    ['a negative number is a number, not a formula', -3.25, '-3,25'],
    ['an 18-digit NIP as text keeps every digit', '199001152015031003', '199001152015031003'],
    ['true', true, 'ya'],
    ['false', false, 'tidak'],
    ['nothing', null, ''],
    // Formula injection: a text cell a spreadsheet would evaluate gets an apostrophe in front.
    ['=formula', '=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
    ['+formula', '+62 812', "'+62 812"],
    ['-formula in text', '-2+3', "'-2+3"],
    ['@formula', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a full-width equals sign', '\uFF1D1+1', "'\uFF1D1+1"],
    ['an equals sign later in the text is harmless', 'a=b', 'a=b'],
  ])('%s', (_label, cell, written) => {
    expect(lineOf(cell)).toBe(written);
  });

  it('reads back, with a semicolon-aware reader, to the cells it was given (formulas defused)', () => {
    const rows: Cell[][] = [
      [1, '199001152015031003', 'Budi; "Plt"', decimalComma(95.456, 2), true],
      [2, '198203152006041002', '=1+1', decimalComma(100, 2), false],
    ];
    const back = parse(spreadsheetCsv(['No', 'NIP', 'Nama', 'Nilai', 'Final'], rows), { bom: true, delimiter: ';' });
    expect(back).toEqual([
      ['No', 'NIP', 'Nama', 'Nilai', 'Final'],
      ['1', '199001152015031003', 'Budi; "Plt"', '95,46', 'ya'],
      ['2', '198203152006041002', "'=1+1", '100,00', 'tidak'],
    ]);
  });
});

describe('decimalComma', () => {
  it.each([
    [95.456, 2, '95,46'],
    [100, 2, '100,00'],
    [0, 2, '0,00'],
    [88.305, 1, '88,3'],
  ])('%d to %d decimals → %s', (value, decimals, written) => {
    expect(decimalComma(value, decimals)).toBe(written);
  });
});

/**
 * CSV files for the spreadsheets people here open them in: Excel in an Indonesian locale reads a double-clicked
 * CSV as UTF-8 only after a byte order mark, splits columns on semicolons (its list separator, since the decimal
 * mark is a comma) and reads "95,50" as a number. Every text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, so a name or a
 * note typed by someone cannot become a formula on the reader's machine (CSV injection). Written by csv-stringify.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

/** A number with a decimal comma and a fixed count of decimals, as the Indonesian locale writes it (95,50). */
export const decimalComma = (value: number, decimals: number): string => value.toFixed(decimals).replace('.', ',');

/** The whole file: a byte order mark, the header line, one line per row, semicolons and CRLF line ends. */
export function spreadsheetCsv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    escape_formulas: true,
    // Lines end in CRLF, so csv-stringify would leave a bare line break inside a cell unquoted: quote it.
    quoted_match: /[\r\n]/,
    cast: {
      number: (value) => String(value).replace('.', ','),
      boolean: (value) => (value ? 'ya' : 'tidak'),
    },
  });
}

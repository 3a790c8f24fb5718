/**
 * Writes sheets (workbooks.ts) as an .xlsx file with exceljs: a bold header row frozen in place with an auto filter
 * over it, the columns' widths, number formats on number and date columns. Text goes in as shared strings, never as
 * formulas, so a name typed as "=…" stays text. Only the recap function imports this (exceljs is large), and loads
 * exceljs on its first workbook: a cold start that only answers 403 or 404 does not evaluate it.
 */
import { numberFormats, type Sheet } from './workbooks.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function xlsxOf(sheets: Sheet[], created: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kinerja-asn';
  workbook.created = created;
  workbook.modified = created;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
      ...(c.format === 'text' ? {} : { style: { numFmt: numberFormats[c.format] } }),
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
    ws.addRows(sheet.rows);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

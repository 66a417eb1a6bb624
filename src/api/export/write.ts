import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** One row of a table to export, keyed by column (values are written as text, numbers or lists). */
export type Cells = Record<string, unknown>;

/** A table to export: ordered columns (key, header) and rows keyed by column. */
export interface ExportTable {
  /** Sheet name (XLSX) and file name stem. */
  name: string;
  columns: { key: string; label: string }[];
  rows: Cells[];
}

/** Column key of the citation's link: written as a hyperlink in XLSX. */
export const LINK_KEY = 'link';

const cellText = (v: unknown): string | number => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && x !== '').join('; ');
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

/** CSV in UTF-8 with a byte-order mark (so Excel reads Vietnamese), header row first, CRLF line ends. */
export function toCsv(table: ExportTable): Buffer {
  const body = stringify(
    table.rows.map((r) => table.columns.map((c) => cellText(r[c.key]))),
    { header: true, columns: table.columns.map((c) => c.label), bom: true, record_delimiter: 'windows' },
  );
  return Buffer.from(body, 'utf8');
}

/** XLSX with a bold, frozen header row, widths fitted to the content and links as hyperlinks. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'policy-kg';
  const sheet = book.addWorksheet(table.name.slice(0, 31) || 'policy-kg', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.min(
      60,
      Math.max(10, c.label.length + 2, ...table.rows.map((r) => String(cellText(r[c.key])).length * 0.9)),
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of table.rows) {
    const row = sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, cellText(r[c.key])])));
    const link = r[LINK_KEY];
    if (typeof link === 'string' && link) {
      row.getCell(LINK_KEY).value = { text: link, hyperlink: link };
      row.getCell(LINK_KEY).font = { color: { argb: 'FF0B5CAD' }, underline: true };
    }
  }
  const buf = await book.xlsx.writeBuffer();
  return Buffer.from(buf);
}

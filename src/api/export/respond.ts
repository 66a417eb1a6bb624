import type { Request, Response } from 'express';
import { AppError } from '../../../core/errors.ts';
import { toCsv, toXlsx, type ExportTable } from './write.ts';

export type ExportFormat = 'csv' | 'xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The table format a request asks for: `?format=csv|xlsx|json`, else an Accept header preferring CSV or XLSX. */
export function exportFormat(req: Request): ExportFormat | null {
  const f = req.query.format;
  if (f !== undefined) {
    if (f === 'csv' || f === 'xlsx') return f;
    if (f === 'json') return null;
    throw new AppError('INVALID_INPUT', 'format must be csv, xlsx or json', {
      parameter: 'format',
      value: f,
    });
  }
  const accept = req.get('accept');
  if (!accept || !/text\/csv|spreadsheetml/.test(accept)) return null;
  const best = req.accepts(['application/json', 'text/csv', XLSX_TYPE]);
  return best === 'text/csv' ? 'csv' : best === XLSX_TYPE ? 'xlsx' : null;
}

/** Sends `table` as a CSV or XLSX download named after it. */
export async function sendTable(res: Response, table: ExportTable, format: ExportFormat): Promise<void> {
  const stem = table.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
  res
    .status(200)
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
    .attachment(`${stem || 'policy-kg'}.${format}`)
    .send(body);
}

import { plainSection } from '../../ask/citations.ts';
import type { Cells as Row } from './write.ts';

/** A section label without Markdown emphasis (as the page shows it), '' when there is none. */
export const plainLabel = (s: unknown): string => (typeof s === 'string' ? (plainSection(s) ?? '') : '');

/**
 * The citation of a row that comes from a passage: document number (or title), page, table row or
 * section — "255/KH-UBND, tr. 12, STT 6" — and a link to the passage on the page.
 */
export function citation(row: Row, origin: string): { citation: string; link: string } {
  const doc = typeof row.documentNumber === 'string' && row.documentNumber ? row.documentNumber : null;
  const title = typeof row.documentTitle === 'string' ? row.documentTitle.slice(0, 80) : '';
  const parts = [
    doc ?? title,
    row.page !== null && row.page !== undefined ? `tr. ${String(row.page as number)}` : null,
    row.row !== null && row.row !== undefined && row.row !== '' ? `STT ${String(row.row as string)}` : null,
    !row.row && row.section ? `mục ${plainLabel(row.section)}` : null,
  ].filter(Boolean);
  const id = typeof row.documentId === 'string' ? row.documentId : null;
  const pid = typeof row.passageId === 'string' ? row.passageId : null;
  const link = id
    ? `${origin}/#/documents/${encodeURIComponent(id)}${pid ? `?passage=${encodeURIComponent(pid)}` : ''}`
    : '';
  return { citation: parts.join(', '), link };
}

export const CITATION_COLUMNS = [
  { key: 'citation', label: 'Trích dẫn / Citation' },
  { key: 'link', label: 'Liên kết / Link' },
];

/**
 * The shared text module of the extractors: one whitespace `squash` and keyword `folded` form (from
 * core/text), one block splitter (paragraphs → logical lines → typed lines), one table model with column
 * roles, and offset lookups (section, passage). Extractors read documents only through these.
 */
export { squash, folded } from '../../../core/text/text-util.ts';
export {
  ancestors,
  documentLines,
  logicalLines,
  paragraphs,
  rank,
  toLines,
  type Line,
  type LineKind,
  type TextBlock,
} from './blocks.ts';
export {
  cellOf,
  columnRole,
  isHeaderRow,
  readTables,
  tableKind,
  taskTables,
  type ColumnRole,
  type TableKind,
  type Table,
  type TableRow,
} from './tables.ts';
export { groupOf, passageAt, sectionAt } from './locate.ts';
export { canonicalDoc } from './canonical.ts';

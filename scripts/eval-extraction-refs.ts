/**
 * Precision/recall of metadata and typed legal relations over the `*.refs.json` goldens, dev and
 * held-out side by side (also printed by `npm run eval:extraction`).
 * Usage: npx tsx scripts/eval-extraction-refs.ts [--dev] [--errors]
 *   --dev     dev only (while tuning)
 *   --errors  metadata and relation errors of the dev documents (never printed for held-out documents)
 */
import { printRelationReport } from './eval-extraction/relation-report.ts';

printRelationReport({ devOnly: process.argv.includes('--dev'), errors: process.argv.includes('--errors') });

/**
 * Precision/recall of metadata and typed legal relations over the `*.refs.json` goldens: dev, the opened
 * and the sealed held-out halves side by side (also printed by `npm run eval:extraction`).
 * Usage: npx tsx scripts/eval-extraction-refs.ts [--dev] [--errors] [--errors-opened]
 *   --dev            dev only (while tuning)
 *   --errors         metadata and relation errors of the dev documents
 *   --errors-opened  the same for the opened held-out half (never printed for the sealed half)
 */
import { printRelationReport } from './eval-extraction/relation-report.ts';

printRelationReport({
  devOnly: process.argv.includes('--dev'),
  errors: process.argv.includes('--errors'),
  errorsOpened: process.argv.includes('--errors-opened'),
});

import type { Extraction, ManifestEntry, StructuredDocument } from '../../core/types.ts';
import { extractMeta } from './meta/index.ts';
import { extractReferences } from './references/index.ts';
import { extractAgencies } from './agencies/index.ts';
import { extractTasks } from './tasks/index.ts';
import { extractTargets } from './targets/index.ts';
import { sectionFields } from './fields.ts';

/**
 * Extract stage: document metadata, legal references, agencies, tasks, targets and policy fields, by
 * rules and gazetteers (no LLM). The manifest only fills metadata the text does not state.
 */
export function extract(doc: StructuredDocument, manifest?: ManifestEntry): Extraction {
  const meta = extractMeta(doc, manifest);
  const references = extractReferences(doc, meta);
  const tasks = extractTasks(doc, meta);
  const agencies = extractAgencies(tasks);
  const targets = extractTargets(doc, meta);
  return { meta, references, agencies, tasks, targets, sectionFields: sectionFields(doc) };
}

import type { Extraction, ManifestEntry, StructuredDocument } from '../../core/types.ts';
import { extractMeta } from './meta.ts';
import { extractReferences } from './references.ts';
import { extractTasks } from './tasks.ts';
import { extractTargets } from './targets/index.ts';
import { sectionFields } from './fields.ts';

/**
 * Extract stage: document metadata, legal references, agencies, tasks, targets and policy fields, by
 * rules and gazetteers (no LLM). The manifest only fills metadata the text does not state.
 */
export function extract(doc: StructuredDocument, manifest?: ManifestEntry): Extraction {
  const meta = extractMeta(doc, manifest);
  const references = extractReferences(doc, meta);
  const { tasks, agencies } = extractTasks(doc, meta);
  const targets = extractTargets(doc, meta);
  return { meta, references, agencies, tasks, targets, sectionFields: sectionFields(doc) };
}

export function run(input: { doc: StructuredDocument; manifest?: ManifestEntry }): Promise<Extraction> {
  return Promise.resolve(extract(input.doc, input.manifest));
}

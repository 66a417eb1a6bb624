import { unifyTones } from '../../../core/text/normalize.ts';
import type { StructuredDocument } from '../../../core/types.ts';

const SEEN = new WeakMap<StructuredDocument, StructuredDocument>();

/**
 * The document as the extractors read it: its (NFC) text with one tone-mark placement ("Uỷ ban" → "Ủy ban",
 * "hoá" → "hóa"), so that every rule matches one spelling. The text keeps its length, so offsets still
 * point into the passages, which keep the text as written.
 */
export function canonicalDoc(doc: StructuredDocument): StructuredDocument {
  const seen = SEEN.get(doc);
  if (seen) return seen;
  const text = unifyTones(doc.parsed.text);
  const out = text === doc.parsed.text ? doc : { ...doc, parsed: { ...doc.parsed, text } };
  SEEN.set(doc, out);
  SEEN.set(out, out);
  return out;
}

import type { StructuredDocument } from '../../core/types.ts';
import { fold, hasDiacritics, nfc, unifyTones } from '../../core/text/normalize.ts';
import { FIELDS, NOT_A_FIELD, type PolicyField } from '../../core/vocab/field-keywords.ts';

/**
 * Policy-field taxonomy: stable slugs with Vietnamese and English labels and the keywords that tag a
 * text with the field. Keywords are written with diacritics; matching is tone-spelling-insensitive
 * (hoá/hóa) and case-insensitive, and diacritic-insensitive only when the text itself has no
 * diacritics (so "biển" never matches "biến đổi khí hậu" in real documents, but "bien" in a query does).
 */
export { FIELDS, type PolicyField } from '../../core/vocab/field-keywords.ts';

/** Keywords that are ambiguous once diacritics are removed ("bien" = biển/biến, "lu" = lũ/lữ). */
const FOLD_UNSAFE = new Set(['bien', 'lu', 'lut', 'bao', 'von', 'thue', 'ngap', 'vi sinh', 'thuoc']);

function exactForm(s: string): string {
  return unifyTones(nfc(s).toLowerCase()).replace(/\s+/g, ' ');
}

interface CompiledKeyword {
  slug: string;
  exact: RegExp;
  folded: RegExp | null;
  /**
   * The phrase in each form, single-spaced: a probe (whitespace collapsed too) without it cannot match,
   * and `includes` costs far less than the regex.
   */
  exactPhrase: string;
  foldedPhrase: string;
  /**
   * The phrase's leading word in each form (null when it opens with a non-word character): the phrase
   * matches only where that word stands whole, so a text without it is skipped by one set lookup.
   */
  exactWord: string | null;
  foldedWord: string | null;
}

const WORD = '[\\p{L}\\p{M}\\p{N}]';

function wordRegex(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<!${WORD})${escaped}(?!${WORD})`, 'u');
}

const singleSpaced = (phrase: string): string => phrase.replace(/\s+/gu, ' ').trim();

const LEADING_WORD = new RegExp(`^${WORD}+`, 'u');
const NON_WORD = new RegExp(`[^\\p{L}\\p{M}\\p{N}]+`, 'u');
const leadingWord = (phrase: string): string | null => LEADING_WORD.exec(phrase)?.[0] ?? null;

const COMPILED: readonly CompiledKeyword[] = FIELDS.flatMap((f) =>
  f.keywords.map((k) => {
    const folded = fold(k);
    const exact = exactForm(k);
    const exactPhrase = singleSpaced(exact);
    const foldedPhrase = singleSpaced(folded);
    return {
      slug: f.slug,
      exact: wordRegex(exact),
      folded: FOLD_UNSAFE.has(folded) ? null : wordRegex(folded),
      exactPhrase,
      foldedPhrase,
      exactWord: leadingWord(exactPhrase),
      foldedWord: leadingWord(foldedPhrase),
    };
  }),
);

const blank = (phrase: string): RegExp => new RegExp(wordRegex(phrase).source, 'gu');
/** Phrases that are not fields, with their single-spaced form (a probe without it is left as it is). */
const notAField = (form: string) => ({ re: blank(form), phrase: singleSpaced(form) });
const NOT_EXACT = NOT_A_FIELD.map((p) => notAField(exactForm(p)));
const NOT_FOLDED = NOT_A_FIELD.map((p) => notAField(fold(p)));

/** Hit counts per field slug for one text. */
function fieldHits(text: string): Map<string, number> {
  const hits = new Map<string, number>();
  if (text.trim() === '') return hits;
  const accented = hasDiacritics(text);
  let probe = accented ? exactForm(text) : singleSpaced(fold(text));
  for (const not of accented ? NOT_EXACT : NOT_FOLDED)
    if (probe.includes(not.phrase)) probe = probe.replace(not.re, ' ');
  const words = new Set(probe.split(NON_WORD));
  for (const k of COMPILED) {
    const re = accented ? k.exact : k.folded;
    if (!re) continue;
    const word = accented ? k.exactWord : k.foldedWord;
    if (word !== null && !words.has(word)) continue;
    if (!probe.includes(accented ? k.exactPhrase : k.foldedPhrase)) continue;
    if (re.test(probe)) hits.set(k.slug, (hits.get(k.slug) ?? 0) + 1);
  }
  return hits;
}

function inTaxonomyOrder(slugs: Set<string>): string[] {
  return FIELDS.map((f) => f.slug).filter((s) => slugs.has(s));
}

/**
 * Field slugs of a text (a task title, a target sentence, a section). A field is tagged when one of its
 * keywords occurs in the text or in any heading of `headingContext` (the section path or the table's
 * row group: a task under "4. … trong lĩnh vực y tế" is a health task whatever its wording).
 */
export function tagFields(text: string, headingContext: readonly string[] = []): string[] {
  const slugs = new Set<string>(fieldHits(text).keys());
  for (const h of headingContext) for (const s of headingSlugs(h)) slugs.add(s);
  return inTaxonomyOrder(slugs);
}

/** Fields of headings met so far: a heading recurs in the context of every task and target under it. */
const HEADING_SLUGS = new Map<string, readonly string[]>();
const HEADING_MEMO_SIZE = 20_000;

function headingSlugs(heading: string): readonly string[] {
  let slugs = HEADING_SLUGS.get(heading);
  if (slugs === undefined) {
    if (HEADING_SLUGS.size >= HEADING_MEMO_SIZE) HEADING_SLUGS.clear();
    HEADING_SLUGS.set(heading, (slugs = [...fieldHits(heading).keys()]));
  }
  return slugs;
}

/**
 * The field named by a slug ("y-te"), a Vietnamese label with or without diacritics ("y tế", "y te",
 * "nông nghiệp"), an English label ("health", "Marine") or, failing those, one of its keywords. Null
 * when nothing matches.
 */
export function findField(labelOrSlug: string): PolicyField | null {
  const q = fold(labelOrSlug)
    .replace(/[–—-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (q === '') return null;
  const norm = (s: string): string =>
    fold(s)
      .replace(/[–—-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const bySlug = FIELDS.find((f) => f.slug === labelOrSlug.trim().toLowerCase() || norm(f.slug) === q);
  if (bySlug) return bySlug;
  const byLabel = FIELDS.find((f) => norm(f.vi) === q || norm(f.en) === q);
  if (byLabel) return byLabel;
  const byLabelStart = FIELDS.find((f) => norm(f.vi).startsWith(q) || norm(f.en).startsWith(q));
  if (byLabelStart) return byLabelStart;
  return FIELDS.find((f) => f.keywords.some((k) => norm(k) === q)) ?? null;
}

/** Minimum keyword hits in a section's own text for its field to be tagged without a heading hit. */
const BODY_HITS = 2;

/**
 * Field slugs per section id: the fields of the section's heading path, plus fields with at least two
 * distinct keyword hits in the section's own text (before its first child).
 */
export function sectionFields(doc: StructuredDocument): Record<string, string[]> {
  const text = doc.parsed.text;
  const out: Record<string, string[]> = {};
  const firstChild = new Map<string, number>();
  for (const c of doc.sections)
    if (c.parentId !== null && !firstChild.has(c.parentId)) firstChild.set(c.parentId, c.start);
  // a heading recurs in the path of every section under it: its fields are read once per document
  const byHeading = new Map<string, string[]>();
  const headingFields = (h: string): string[] => {
    let slugs = byHeading.get(h);
    if (slugs === undefined) byHeading.set(h, (slugs = [...fieldHits(h).keys()]));
    return slugs;
  };
  for (const s of doc.sections) {
    const own = text.slice(s.start, firstChild.get(s.id) ?? s.end);
    const slugs = new Set(headingFields(s.heading));
    for (const h of s.path) for (const slug of headingFields(h)) slugs.add(slug);
    for (const [slug, n] of fieldHits(own)) if (n >= BODY_HITS) slugs.add(slug);
    out[s.id] = inTaxonomyOrder(slugs);
  }
  return out;
}

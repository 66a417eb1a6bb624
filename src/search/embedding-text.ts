/**
 * The text a neural embedder sees. Vietnamese documents set their titles and part headings in capitals;
 * the multilingual models' tokenizers are case-sensitive and cut a capitalised word into rare pieces, so a
 * run of capitalised words is read in sentence case ("KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG 5G" → "Kế hoạch phát
 * triển hạ tầng 5G"); a lone acronym (UBND, BIM) and a word with a digit (5G) are kept. A passage is embedded with the document it belongs
 * to (short title and locality) and its section path, so a passage that does not repeat the subject ("1. Mức
 * chuẩn … là 650.000 đồng/tháng") is still found by a question naming it.
 */
import { fold } from '../../core/text/normalize.ts';

/** The longest title kept in front of a passage, in characters (the model reads 512 tokens). */
const TITLE_CHARS = 160;

/** A word in capitals: at least two letters, no lower-case letter. */
const CAPS_WORD = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/** Tokens a run of capitals passes over unchanged: spaces, punctuation, numbers ("5G"), "II." or "IV)". */
const NEUTRAL = /^(?:\s+|\P{L}+|[IVXLC]+[.)]|\S*\d\S*)$/u;

/** Runs of two or more capitalised words, read in sentence case (numbering marks kept). */
export function sentenceCaseRuns(text: string): string {
  const tokens = text.split(/(\s+)/u);
  let i = 0;
  while (i < tokens.length) {
    if (!CAPS_WORD.test(tokens[i] ?? '') || NEUTRAL.test(tokens[i] ?? '')) {
      i++;
      continue;
    }
    const words: number[] = [];
    let j = i;
    for (; j < tokens.length; j++) {
      const t = tokens[j] ?? '';
      if (NEUTRAL.test(t)) continue;
      if (!CAPS_WORD.test(t)) break;
      words.push(j);
    }
    if (words.length >= 2) {
      for (const k of words) tokens[k] = (tokens[k] ?? '').toLowerCase();
      const first = tokens[i] ?? '';
      tokens[i] = first.charAt(0).toUpperCase() + first.slice(1);
    }
    i = j;
  }
  return tokens.join('');
}

/** What a passage is embedded from: its document, its section path and its text. */
export interface EmbeddingSource {
  title?: string | null;
  locality?: string | null;
  section: string | null;
  text: string;
}

export function embeddingText(p: EmbeddingSource): string {
  const title = (p.title ?? '').replace(/\s+/gu, ' ').trim();
  const short = title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : title;
  const where = p.locality && !fold(short).includes(fold(p.locality)) ? ` (${p.locality})` : '';
  const head = short ? `${short}${where}` : (p.locality ?? '');
  return sentenceCaseRuns([head, p.section ?? '', p.text].filter((s) => s.trim() !== '').join('\n'));
}

/** What a query is embedded from. */
export const queryEmbeddingText = (query: string): string => sentenceCaseRuns(query);

/**
 * Text analysis for the offline embedder, behind the `TextAnalyzer` parameter. `NORMALIZE_ANALYZER`
 * (the default) uses the shared Vietnamese normaliser `../normalize.ts` (NFC, tone unification, folding);
 * `LOCAL_ANALYZER` is a dependency-free fallback (NFC, lowercase, split on non-letters/digits).
 */
import { fold as sharedFold, tokenize as sharedTokenize } from '../../../core/text/normalize.ts';

export interface TextAnalyzer {
  /** Stable name saved with a trained model; loading checks it so features stay comparable. */
  readonly name: string;
  /** Splits text into syllable tokens (already normalised and lowercased). */
  tokenize(text: string): string[];
  /** Diacritic-folded form of one token (e.g. `đường` → `duong`). */
  fold(token: string): string;
}

const SPLIT = /[^\p{L}\p{N}]+/u;
const COMBINING = /\p{M}+/gu;

export function localTokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(SPLIT)
    .filter((t) => t.length > 0);
}

export function localFold(token: string): string {
  return token.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

export const LOCAL_ANALYZER: TextAnalyzer = { name: 'local-v1', tokenize: localTokenize, fold: localFold };

const foldCache = new Map<string, string>();

/** Syllables and folding from `core/text/normalize.ts` (document numbers become one token). */
export const NORMALIZE_ANALYZER: TextAnalyzer = {
  name: 'normalize-v1',
  tokenize: (text) => sharedTokenize(text).map((t) => t.exact),
  fold: (token) => {
    let f = foldCache.get(token);
    if (f === undefined) {
      f = sharedFold(token);
      if (foldCache.size < 200_000) foldCache.set(token, f);
    }
    return f;
  },
};

/**
 * Features of one text: exact syllables, their folded forms (prefixed `~`, only when folding changes the
 * syllable) and exact syllable bigrams (joined with `_`). Pure digit runs count as unigrams only.
 */
export function textFeatures(text: string, analyzer: TextAnalyzer): string[] {
  const tokens = analyzer.tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out.push(t);
    const f = analyzer.fold(t);
    if (f !== t) out.push(`~${f}`);
    const next = tokens[i + 1];
    if (next !== undefined) out.push(`${t}_${next}`);
  }
  return out;
}

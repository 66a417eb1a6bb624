/**
 * Pure text functions for Vietnamese lexical search: Unicode and tone-mark normalisation, diacritic
 * folding, tokenisation with offsets, index/query term generation and highlight spans.
 *
 * Tone placement: the canonical form puts the mark on the FIRST vowel of a syllable-final oa/oe/uy
 * ("hóa", "hòa", "khỏe", "thủy", "ủy"); "hoá", "khoẻ", "thuỷ", "uỷ" are rewritten to it. The brief
 * called this the "new" style, but in Vietnamese usage it is the traditional placement (the newer
 * school orthography writes "hoá", "thuỷ"); whatever the name, it is the form the corpus mostly uses
 * (45 documents: ủy 712 vs uỷ 41, hóa 195 vs hoá 23, thủy 78 vs thuỷ 1), so displayed normalised text
 * changes least. Only syllable-final oa/oe/uy is touched: with a following letter the placement is
 * unambiguous ("hoàn", "toán", "quyết", "khuyến"), and after q the u belongs to the consonant ("quý").
 */

/** One word, syllable, number or document number of an input string. */
export interface Token {
  /** NFC, tone-unified, lowercased text of the token. */
  exact: string;
  /** `fold(exact)`: no diacritics, đ → d, lowercase. */
  folded: string;
  /** Offset (UTF-16 code units) of the first character in the ORIGINAL input string. */
  start: number;
  /** Offset just past the last character in the ORIGINAL input string. */
  end: number;
  /** `docNumber` for tokens such as "36-NQ/TW"; `word` otherwise (numbers included). */
  kind: 'word' | 'docNumber';
}

/** A query term with its weight for `Bm25Index.search`. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Half-open offset range `[start, end)` in a text. */
export interface Span {
  start: number;
  end: number;
}

/** Prefix of folded (diacritic-free) terms in the lexical index: "~cong", "~cong_nghe". */
export const FOLDED_PREFIX = '~';
/** Prefix of document-number terms: "#36 NQ TW". */
export const DOC_NUMBER_PREFIX = '#';
/** Joins the two syllables of a bigram term: "công_nghệ". */
export const BIGRAM_JOINER = '_';

/**
 * Function words left out of the unigram terms (they occur in nearly every passage and carry no topic).
 * Bigrams still span them, so phrases such as "cho phép" or "có thể" stay searchable.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'của và các những được trong cho với là có này theo để về ' +
    'tại từ đến thì mà như một khi do bị đã sẽ đang ra vào'
  ).split(' '),
);

/**
 * Weights of query-term kinds. `exact`/`folded` apply when the query has diacritics (an exact-diacritic
 * match must outrank a match that only agrees after folding); the `unaccented*` pair applies when the
 * user typed no marks at all. `bigram` multiplies bigram weights; `docNumber` is the weight of a
 * document-number term.
 */
export interface QueryWeights {
  exact: number;
  folded: number;
  unaccentedExact: number;
  unaccentedFolded: number;
  bigram: number;
  docNumber: number;
}

/**
 * Default query weights (see `QueryWeights`; measured in the comment block of bm25.ts). For a query
 * typed without marks, exact terms get 0: every folded term already matches the unmarked word, and
 * adding the exact term only double-counts words that happen to have no marks ("sinh", "ban"), which
 * cost 0.014 MRR@10 in the benchmark.
 */
export const DEFAULT_QUERY_WEIGHTS: Readonly<QueryWeights> = {
  exact: 1,
  folded: 0.35,
  unaccentedExact: 0,
  unaccentedFolded: 1,
  bigram: 1,
  docNumber: 2,
};

const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // grave, acute, hook, tilde, dot below
const PAIRS: readonly (readonly [string, string])[] = [
  ['o', 'a'],
  ['o', 'e'],
  ['u', 'y'],
];

/** Builds `"oà" → "òa"`-style rewrites for every tone, pair and letter case. */
function buildToneTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const tone of TONES) {
    for (const [first, second] of PAIRS) {
      for (const upperFirst of [false, true]) {
        for (const upperSecond of [false, true]) {
          const f = upperFirst ? first.toUpperCase() : first;
          const s = upperSecond ? second.toUpperCase() : second;
          table.set((f + s + tone).normalize('NFC'), (f + tone).normalize('NFC') + s);
        }
      }
    }
  }
  return table;
}

const TONE_TABLE = buildToneTable();
const TONE_RE = new RegExp(`(${[...TONE_TABLE.keys()].join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');

/** Space characters other than the plain space: no-break, thin, figure, ideographic (one UTF-16 unit each). */
const OTHER_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/**
 * Every space character as a plain space, keeping the length: a no-break space copied from a web page
 * ("Sở\u00a0Y tế") is the same word boundary as a space, and offsets into the text stay valid.
 */
export function plainSpaces(s: string): string {
  return s.replace(OTHER_SPACES, ' ');
}

/** Unicode NFC (composed) form of `s`. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Moves the tone mark of syllable-final oa/oe/uy onto the first vowel ("hoá" → "hóa", "thuỷ" → "thủy",
 * "UỶ" → "ỦY"), keeping letter case. Expects NFC input and keeps its length in UTF-16 code units.
 * "quý", "quỹ" (u is part of qu) and syllables with a following letter are left alone.
 */
export function unifyTones(s: string): string {
  return s.replace(TONE_RE, (match: string, _g: string, offset: number) => {
    const before = s.charAt(offset - 1);
    if (/^[uU]/.test(match) && /[qQ]/.test(before)) return match;
    return TONE_TABLE.get(match) ?? match;
  });
}

/**
 * NFC + `unifyTones` + whitespace tidy, keeping case: format characters (zero-width space, BOM, soft
 * hyphen) are removed, CRLF/CR become LF, runs of other whitespace become one space, spaces around
 * line breaks are dropped, three or more line breaks become two, and the ends are trimmed.
 */
export function normalizeText(s: string): string {
  return unifyTones(nfc(s.replace(/\p{Cf}/gu, '')))
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Removes diacritics (after NFC + `unifyTones`), maps đ/Đ to d, lowercases: "Đổi mới" → "doi moi". */
export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  if (s.length > FOLD_MEMO_MAX_LENGTH) return foldUncached(s);
  let f = FOLD_MEMO.get(s);
  if (f === undefined) {
    if (FOLD_MEMO.size >= FOLD_MEMO_SIZE) FOLD_MEMO.clear();
    FOLD_MEMO.set(s, (f = foldUncached(s)));
  }
  return f;
}

/** Text made of ASCII characters only: folding is lowercasing. */
const ASCII = /^[\u0020-\u007E\t\n\r]*$/;
/** Short strings (names, headings, tokens) recur across an ingest: their folded forms are kept. */
const FOLD_MEMO = new Map<string, string>();
const FOLD_MEMO_SIZE = 50_000;
const FOLD_MEMO_MAX_LENGTH = 160;

function foldUncached(s: string): string {
  return nfc(unifyTones(nfc(s)).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'));
}

/** True when `s` carries any Vietnamese diacritic (combining mark after NFD, or đ/Đ). */
export function hasDiacritics(s: string): boolean {
  return /[\p{M}đĐ]/u.test(s.normalize('NFD'));
}

/**
 * Canonical key of a document number for matching: folded (Đ → D), uppercase, separators (/, -, .,
 * whitespace) collapsed to one space. "36-NQ/TW" and "36/NQ-TW" both give "36 NQ TW";
 * "78/2025/NQ-HĐND" gives "78 2025 NQ HDND".
 */
export function docNumberKey(s: string): string {
  return fold(s)
    .toUpperCase()
    .split(/[\s/.-]+/)
    .filter((p) => p !== '')
    .join(' ');
}

const TOKEN_RE = /(\d+(?:[/-][\p{L}\p{M}\p{N}]+)+)|([\p{L}\p{N}][\p{L}\p{M}\p{N}]*)/gu;
const SPLIT_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Memo of raw token text → [exact, folded]; the vocabulary is small, so tokenising is ~4x faster. */
const TOKEN_FORMS = new Map<string, readonly [string, string]>();
const TOKEN_FORMS_MAX = 200_000;

function makeToken(text: string, start: number, kind: Token['kind']): Token {
  let forms = TOKEN_FORMS.get(text);
  if (forms === undefined) {
    const exact = unifyTones(nfc(nfc(text).toLowerCase()));
    forms = [exact, fold(exact)];
    if (TOKEN_FORMS.size >= TOKEN_FORMS_MAX) TOKEN_FORMS.clear();
    TOKEN_FORMS.set(text, forms);
  }
  return { exact: forms[0], folded: forms[1], start, end: start + text.length, kind };
}

/**
 * Splits `s` into tokens: words/syllables (letters, digits, combining marks) and document numbers
 * (digits followed by /- separated letter/digit segments, at least one containing a letter:
 * "189/NQ-CP", "78/2025/NQ-HĐND"). Digit-only compounds such as dates "30/01/2023" are split into
 * their numbers. Offsets refer to the ORIGINAL `s` (works on NFD input: marks stay inside their word),
 * so `s.slice(t.start, t.end)` normalised and lowercased equals `t.exact`.
 */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    const text = m[0];
    const start = m.index;
    if (m[1] !== undefined && /\p{L}/u.test(text)) {
      tokens.push(makeToken(text, start, 'docNumber'));
    } else if (m[1] !== undefined) {
      for (const part of text.matchAll(SPLIT_RE)) tokens.push(makeToken(part[0], start + part.index, 'word'));
    } else {
      tokens.push(makeToken(text, start, 'word'));
    }
  }
  return tokens;
}

/** True when only whitespace separates two tokens, i.e. a bigram may join them. */
function adjacent(s: string, a: Token, b: Token): boolean {
  return a.kind === 'word' && b.kind === 'word' && /^\s*$/.test(s.slice(a.end, b.start));
}

interface TermOccurrence {
  term: string;
  kind: 'exact' | 'folded' | 'exactBigram' | 'foldedBigram' | 'docNumber';
}

/** All term occurrences of `s`, in text order; shared by `indexTerms` and `queryTerms`. */
function termOccurrences(s: string): TermOccurrence[] {
  const tokens = tokenize(s);
  const out: TermOccurrence[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'docNumber') {
      out.push({ term: DOC_NUMBER_PREFIX + docNumberKey(t.exact), kind: 'docNumber' });
      return;
    }
    if (!STOP_WORDS.has(t.exact)) {
      out.push({ term: t.exact, kind: 'exact' }, { term: FOLDED_PREFIX + t.folded, kind: 'folded' });
    }
    const next = tokens[i + 1];
    if (next !== undefined && adjacent(s, t, next)) {
      out.push({ term: t.exact + BIGRAM_JOINER + next.exact, kind: 'exactBigram' });
      out.push({ term: FOLDED_PREFIX + t.folded + BIGRAM_JOINER + next.folded, kind: 'foldedBigram' });
    }
  });
  return out;
}

/**
 * Lexical-index terms of a passage, with repeats (term frequency counts): exact unigrams ("công"),
 * folded unigrams ("~cong"), exact bigrams ("công_nghệ"), folded bigrams ("~cong_nghe") and
 * document numbers ("#36 NQ TW"). Stop-words give no unigrams but take part in bigrams; bigrams do
 * not cross punctuation or document numbers.
 */
export function indexTerms(s: string): string[] {
  return termOccurrences(s).map((o) => o.term);
}

/**
 * Version of the stored lexical field (`indexField`): passages written with another version are re-computed
 * at start-up. Bump it whenever `indexTerms`, `encodeTerm` or the passage facets change.
 */
export const TERMS_VERSION = 2;

/** Joins the parts of a term that contains whitespace (document numbers) in the stored lexical field. */
export const TERM_SPACE = '_';

/**
 * A term as one whitespace-free token of the full-text index (its analyzer splits on whitespace only):
 * "#36 NQ TW" → "#36_NQ_TW"; other terms are unchanged.
 */
export function encodeTerm(term: string): string {
  return term.replace(/\s+/g, TERM_SPACE);
}

/**
 * The stored lexical field of a passage: `indexTerms(s)` encoded and joined by single spaces, with a space
 * at both ends so that a whole term `t` is found by `CONTAINS ' ' + t + ' '`.
 */
export function indexField(s: string): string {
  return ` ${indexTerms(s).map(encodeTerm).join(' ')} `;
}

/**
 * Weighted query terms of the same kinds as `indexTerms`, repeats merged by summing weights. With any
 * diacritic in the query, exact terms weigh `weights.exact` and folded ones `weights.folded`; with
 * none, `weights.unaccentedExact` and `weights.unaccentedFolded`. Bigrams are multiplied by
 * `weights.bigram`; document numbers weigh `weights.docNumber`.
 */
export function queryTerms(
  q: string,
  weights: Readonly<QueryWeights> = DEFAULT_QUERY_WEIGHTS,
): WeightedTerm[] {
  const accented = hasDiacritics(q);
  const exact = accented ? weights.exact : weights.unaccentedExact;
  const folded = accented ? weights.folded : weights.unaccentedFolded;
  const byKind: Record<TermOccurrence['kind'], number> = {
    exact,
    folded,
    exactBigram: exact * weights.bigram,
    foldedBigram: folded * weights.bigram,
    docNumber: weights.docNumber,
  };
  const merged = new Map<string, number>();
  for (const o of termOccurrences(q)) merged.set(o.term, (merged.get(o.term) ?? 0) + byKind[o.kind]);
  return [...merged].filter(([, w]) => w > 0).map(([term, weight]) => ({ term, weight }));
}

/**
 * Offsets (into `text`, as `tokenize` gives them) of the words of `text` that match a query word
 * exactly or after folding, or a query document number by `docNumberKey`. Query stop-words are
 * ignored unless the query has nothing else. Spans are sorted; spans that overlap or are separated only
 * by whitespace are merged ("công nghệ" gives one span).
 */
export function highlightSpans(text: string, query: string): Span[] {
  const qTokens = tokenize(query);
  const content = qTokens.filter((t) => !STOP_WORDS.has(t.exact));
  const used = content.length > 0 ? content : qTokens;
  const keys = new Set<string>();
  for (const t of used) {
    if (t.kind === 'docNumber') keys.add(DOC_NUMBER_PREFIX + docNumberKey(t.exact));
    else keys.add(t.exact).add(FOLDED_PREFIX + t.folded);
  }
  const hits = tokenize(text).filter((t) =>
    t.kind === 'docNumber'
      ? keys.has(DOC_NUMBER_PREFIX + docNumberKey(t.exact))
      : keys.has(t.exact) || keys.has(FOLDED_PREFIX + t.folded),
  );
  const spans: Span[] = [];
  for (const t of hits) {
    const last = spans[spans.length - 1];
    if (last !== undefined && /^\s*$/.test(text.slice(last.end, t.start)))
      last.end = Math.max(last.end, t.end);
    else spans.push({ start: t.start, end: t.end });
  }
  return spans;
}

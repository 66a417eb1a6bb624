/**
 * Small Vietnamese-text helpers shared by the extractors. Folding comes from the search
 * normaliser (`src/search/normalize.ts`); `foldKeepLength` is a per-character variant whose output has
 * the same length as its NFC input, so offsets found in the folded copy are offsets into the original.
 */
import { fold } from './normalize.ts';

export { fold };

/** Folded form of each UTF-16 code unit, filled as units are met (at most 65 536 entries). */
const FOLDED_UNIT: (string | undefined)[] = new Array<string | undefined>(0x10000);

function foldUnit(code: number): string {
  let f = FOLDED_UNIT[code];
  if (f === undefined) {
    const g = String.fromCharCode(code)
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd');
    f = g.length === 1 ? g : ' ';
    FOLDED_UNIT[code] = f;
  }
  return f;
}

/** Lowercase, diacritic-free, đ → d, one output character per input UTF-16 code unit. */
export function foldKeepLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldUnit(s.charCodeAt(i));
  return out;
}

/** A whitespace-collapsed working copy of `text` with a map back to original offsets. */
export interface Reflowed {
  text: string;
  /** `map[i]` = offset in the original text of character `i` of `text` (length = text.length + 1). */
  map: number[];
}

/**
 * Collapses every run of whitespace (line breaks included) to one space and removes Markdown bold
 * markers, keeping an offset map: a number or phrase split by "\n\n" in a PDF conversion reads whole.
 */
export function reflow(text: string): Reflowed {
  let out = '';
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      let j = i;
      while (j < text.length && /\s/.test(text.charAt(j))) j++;
      out += ' ';
      map.push(i);
      i = j;
    } else if (ch === '*' && text.charAt(i + 1) === '*') {
      i += 2;
    } else {
      out += ch;
      map.push(i);
      i++;
    }
  }
  map.push(text.length);
  return { text: out, map };
}

/** Collapses whitespace runs (line breaks included) to one space, drops Markdown bold markers, trims. */
export function squash(s: string): string {
  return s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

/** Folded, punctuation-free form for keyword tests ("Cơ quan chủ trì:" → "co quan chu tri"). */
export function folded(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Escapes a literal for use in a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

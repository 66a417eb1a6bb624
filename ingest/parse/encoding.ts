/**
 * Byte → text decoding for plain text, Markdown and HTML: UTF-8 (BOM stripped), UTF-16 LE/BE (BOM or NUL
 * pattern), and non-UTF-8 bytes tried as Windows-1258, TCVN3 and VNI, accepted only when the result reads
 * as Vietnamese. Legacy font mojibake (TCVN3/VNI inside valid UTF-8) is converted by `fixLegacyFonts`.
 */
import iconv from 'iconv-lite';
import { FileError } from '../../core/errors.ts';
import { decodeTcvn3Bytes, decodeTcvn3Mojibake, decodeVni } from './legacy-fonts.ts';

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

const VOWELS = 'aăâeêioôơuưy';
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SYLLABLE = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${VOWELS}]{1,3}(ch|ng|nh|[cmnpt])?$`,
  'u',
);

/** Is the (lower-case, NFC) word a well-formed Vietnamese syllable with at most one tone mark? */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.normalize('NFD');
  const tones = nfd.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const bare = nfd.replace(TONE_MARKS, '').normalize('NFC');
  return SYLLABLE.test(bare);
}

/**
 * How Vietnamese a text reads, 0..1: the share of words with non-ASCII characters that are well-formed
 * syllables, damped when few words carry diacritics at all (Vietnamese prose has many).
 */
export function vietnameseScore(text: string): number {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const words = sample
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s\d.,;:!?()[\]{}"'“”‘’/\\\-–—…%|*+=<>#&_~`]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return 0;
  let accented = 0;
  let valid = 0;
  for (const w of words) {
    if (![...w].some((c) => c.charCodeAt(0) > 0x7f)) continue;
    accented++;
    if (isVietnameseSyllable(w)) valid++;
  }
  if (accented === 0) return 0;
  const density = Math.min(1, accented / words.length / 0.2);
  return (valid / accented) * density;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 by BOM, or by NULs on one byte parity only (ASCII-heavy UTF-16 text). */
export function detectUtf16(bytes: Buffer): 'utf16le' | 'utf16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  const n = Math.min(bytes.length - (bytes.length % 2), 4000);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero / half > 0.3 && evenZero / half < 0.02) return 'utf16le';
  if (evenZero / half > 0.3 && oddZero / half < 0.02) return 'utf16be';
  return null;
}

function decodeUtf16(bytes: Buffer, kind: 'utf16le' | 'utf16be'): string {
  const text = iconv.decode(bytes, kind === 'utf16le' ? 'utf-16le' : 'utf-16be');
  return text.replace(/^\uFEFF/u, '');
}

const MIN_SCORE = 0.6;

/** Non-UTF-8 bytes: try single-byte Vietnamese encodings, keep the one that reads best. */
function decodeLegacyBytes(bytes: Buffer, file: string): DecodedText {
  const candidates: [string, string][] = [
    ['windows-1258', iconv.decode(bytes, 'windows-1258').normalize('NFC')],
    ['tcvn3', decodeTcvn3Bytes(bytes)],
    ['vni', decodeVni(iconv.decode(bytes, 'windows-1252'))],
  ];
  let best: { enc: string; text: string; score: number } | null = null;
  for (const [enc, text] of candidates) {
    const score = vietnameseScore(text);
    if (!best || score > best.score) best = { enc, text, score };
  }
  if (!best || best.score < MIN_SCORE) {
    throw new FileError(
      'UNKNOWN_ENCODING',
      'The file is not UTF-8 and no Vietnamese encoding fits it',
      file,
      {
        tried: candidates.map(([enc]) => enc),
        bestScore: best?.score ?? 0,
      },
    );
  }
  return { text: best.text, encoding: best.enc, warnings: [`decoded from ${best.enc} (not UTF-8)`] };
}

/** Decode file bytes to a JS string (not yet NFC-normalised unless a conversion did it). */
export function decodeBytes(bytes: Buffer, file: string): DecodedText {
  const utf16 = detectUtf16(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16), encoding: utf16, warnings: [`decoded from ${utf16}`] };
  if (isValidUtf8(bytes)) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/u, '');
    return { text, encoding: 'utf-8', warnings: [] };
  }
  const cut = utf8CutShort(bytes);
  if (cut > 0) {
    const text = bytes
      .subarray(0, bytes.length - cut)
      .toString('utf8')
      .replace(/^\uFEFF/u, '');
    return { text, encoding: 'utf-8', warnings: [`the last character was cut short (${cut} bytes dropped)`] };
  }
  return decodeLegacyBytes(bytes, file);
}

/**
 * UTF-8 cut inside its last character (a truncated download or copy): the number of trailing bytes of
 * that incomplete sequence when everything before them is valid UTF-8, else 0.
 */
function utf8CutShort(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back < bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) !== 0x80) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back && isValidUtf8(bytes.subarray(0, bytes.length - back)) ? back : 0;
    }
  }
  return 0;
}

/** Characters that TCVN3 mojibake produces and Vietnamese Unicode text never contains. */
const TCVN_TELLTALE = /[¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾Æ×Þßþ÷]/gu;
/** VNI mark characters after a vowel, or VNI-only letters. */
const VNI_TELLTALE = /[aeiouyAEIOUY][ùøûõïåäëüÙØÛÕÏÅÄËÜ]|[öÖñÑ]/gu;

/**
 * Detect TCVN3/VNI mojibake in valid text and convert it when the converted text reads clearly better as
 * Vietnamese. Returns the (possibly converted) text and a warning when converted.
 */
export function fixLegacyFonts(text: string): { text: string; warning?: string } {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return { text };
  const tcvnHits = text.match(TCVN_TELLTALE)?.length ?? 0;
  const vniHits = text.match(VNI_TELLTALE)?.length ?? 0;
  if (tcvnHits / letters < 0.01 && vniHits / letters < 0.01) return { text };
  const base = vietnameseScore(text);
  const options: [string, string][] = [];
  if (tcvnHits / letters >= 0.01) options.push(['TCVN3 (ABC, .VnTime)', decodeTcvn3Mojibake(text)]);
  if (vniHits / letters >= 0.01) options.push(['VNI', decodeVni(text)]);
  let best: { name: string; text: string; score: number } | null = null;
  for (const [name, converted] of options) {
    const score = vietnameseScore(converted);
    if (score >= MIN_SCORE && score > base + 0.15 && (!best || score > best.score))
      best = { name, text: converted, score };
  }
  if (!best) return { text };
  return { text: best.text, warning: `converted from legacy ${best.name} font encoding` };
}

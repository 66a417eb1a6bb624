/**
 * Legacy Vietnamese font encodings that survive as mojibake inside otherwise valid text:
 * - TCVN3 (ABC, fonts .VnTime/.VnTimeH): one byte per letter, TCVN 5712:1993. Text typed with it and read as
 *   Windows-1252 looks like "Céng hoµ x· héi chñ nghÜa ViÖt Nam".
 * - VNI (VNI-Windows fonts, VNI-Times): base letter followed by a mark byte, e.g. "Coäng hoøa xaõ hoäi".
 * Tables were checked against the TCVN 5712 table shipped with iconv-lite ("tcvn") and the VNI tables of
 * public keyboard drivers (xvnkb vni.h); tests round-trip real sentences through the encoders below.
 */

/**
 * TCVN3 (VN3 subset of TCVN 5712:1993, the ABC .VnTime fonts) bytes 0xA0..0xFF → Unicode; 0xB0-0xB4 are
 * combining tone marks. Upper-case letters with tones have no code (the .VnTimeH fonts draw the lower-case
 * codes in capitals), bytes 0x80..0x9F keep their Windows-1252 punctuation (“ ” – — …).
 */
const TCVN_HIGH =
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđ\u00af\u0300\u0309\u0303\u0301\u0323àảãáạ\u00baằẳẵắ\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5ặầẩẫấậè\u00cdẻẽéẹềểễếệìỉ\u00d9\u00da\u00dbĩíịò\u00e0ỏõóọồổỗốộờởỡớợù\u00f0ủũúụừửữứựỳỷỹýỵ\u00ff';
/** Windows-1252 characters of bytes 0x80..0x9F (undefined bytes map to the C1 control of the same value). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const cp1252ToByte = new Map<string, number>();
for (let i = 0; i < 32; i++) cp1252ToByte.set(CP1252_HIGH.charAt(i), 0x80 + i);

/** Byte value of a character read through Windows-1252/Latin-1, or -1 when it cannot come from one byte. */
function charToByte(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code;
  if (code >= 0xa0 && code <= 0xff) return code;
  return cp1252ToByte.get(ch) ?? (code >= 0x80 && code < 0xa0 ? code : -1);
}

function tcvnByteToChar(b: number): string {
  if (b >= 0xa0) return TCVN_HIGH.charAt(b - 0xa0);
  if (b >= 0x80) return CP1252_HIGH.charAt(b - 0x80);
  return String.fromCharCode(b);
}

/** Decode raw TCVN3 bytes. */
export function decodeTcvn3Bytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += tcvnByteToChar(b);
  return fixAllCapsWords(out, asciiCaseMask(bytes)).normalize('NFC');
}

/** Per byte: 1 when the byte is an upper-case ASCII letter, 2 lower-case ASCII letter, 0 otherwise. */
function asciiCaseMask(bytes: Uint8Array | string): Uint8Array {
  const mask = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = typeof bytes === 'string' ? bytes.charCodeAt(i) : (bytes[i] ?? 0);
    mask[i] = b >= 0x41 && b <= 0x5a ? 1 : b >= 0x61 && b <= 0x7a ? 2 : 0;
  }
  return mask;
}

const WORD = /[^\s\d.,;:!?()[\]"'/\\\-–—…%|+*=<>]+/gu;

/** 'caps' (≥2 upper-case ASCII letters, no lower-case), 'lower', or 'ambiguous' (one leading capital only). */
function wordCase(mask: Uint8Array, start: number, length: number): 'caps' | 'lower' | 'ambiguous' | 'none' {
  let upper = 0;
  for (let i = start; i < start + length; i++) {
    if (mask[i] === 2) return 'lower';
    if (mask[i] === 1) upper++;
  }
  if (upper === 0) return 'none';
  return upper === 1 && mask[start] === 1 ? 'ambiguous' : 'caps';
}

/**
 * .VnTimeH (upper-case fonts) reuse the lower-case codes: words whose ASCII letters are all capitals
 * ("HO¹CH") are upper-cased; a word with only a leading capital ("KÕ") follows its neighbours on the line.
 * TCVN conversion is one char per byte, so positions in `mask` line up with `text`.
 */
function fixAllCapsWords(text: string, mask: Uint8Array): string {
  if (text.length !== mask.length) return text;
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, text: m[0] }));
  const kinds = words.map((w) => wordCase(mask, w.start, w.text.length));
  const sameLine = (i: number, j: number): boolean => {
    const a = words[Math.min(i, j)];
    const b = words[Math.max(i, j)];
    return !!a && !!b && !text.slice(a.start, b.start).includes('\n');
  };
  let out = '';
  let pos = 0;
  words.forEach((w, i) => {
    const kind = kinds[i];
    const caps =
      kind === 'caps' ||
      (kind === 'ambiguous' &&
        ((kinds[i - 1] === 'caps' && sameLine(i - 1, i)) || (kinds[i + 1] === 'caps' && sameLine(i, i + 1))));
    out += text.slice(pos, w.start) + (caps ? w.text.toUpperCase() : w.text);
    pos = w.start + w.text.length;
  });
  return out + text.slice(pos);
}

/** Convert TCVN3 mojibake (TCVN3 bytes shown as Windows-1252 characters) back to Unicode. */
export function decodeTcvn3Mojibake(text: string): string {
  let out = '';
  for (const ch of text) {
    const b = charToByte(ch);
    out += b >= 0xa0 ? tcvnByteToChar(b) : ch;
  }
  if (out.length !== text.length) return out.normalize('NFC');
  return fixAllCapsWords(out, asciiCaseMask(text)).normalize('NFC');
}

const unicodeToTcvn = new Map<string, number>();
for (let i = 1; i < 96; i++) {
  const ch = TCVN_HIGH.charAt(i);
  // Unmapped positions hold their own Latin-1 character and are skipped.
  if (ch.charCodeAt(0) !== 0xa0 + i && !unicodeToTcvn.has(ch)) unicodeToTcvn.set(ch, 0xa0 + i);
}
for (let i = 0; i < 32; i++) unicodeToTcvn.set(CP1252_HIGH.charAt(i), 0x80 + i);

/**
 * Encode Unicode to TCVN3 bytes the way a .VnTime/.VnTimeH user would type it: all-caps words that contain
 * an ASCII letter use the lower-case codes (upper-case font), other letters their own code. For tests.
 */
export function encodeTcvn3(text: string): Buffer {
  const out: number[] = [];
  const nfc = text.normalize('NFC');
  nfc.replace(new RegExp(`${WORD.source}|[\\s\\S]`, 'gu'), (word) => {
    const allCaps = word === word.toUpperCase() && word !== word.toLowerCase() && /[A-Z]/.test(word);
    for (const ch of word) {
      const c = allCaps && !/[A-Z]/.test(ch) ? ch.toLowerCase() : ch;
      const code = c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : unicodeToTcvn.get(c);
      // Upper-case toned letters outside all-caps words cannot be typed with a TCVN3 font.
      if (code === undefined) throw new Error(`Character ${JSON.stringify(ch)} has no TCVN3 code`);
      out.push(code);
    }
    return word;
  });
  return Buffer.from(out);
}

/** TCVN3 text as it appears when the bytes are read as Windows-1252 (the usual mojibake). */
export function encodeTcvn3Mojibake(text: string): string {
  let out = '';
  for (const b of encodeTcvn3(text))
    out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
  return out;
}

/* ------------------------------------------------------------------ VNI ------------------------------------------------------------------ */

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
/** VNI mark characters per tone (none, sắc, huyền, hỏi, ngã, nặng). */
const VNI_TONE = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const VNI_CIRC = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
const VNI_I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'];

/** Unicode base (lower case, no tone) → VNI spelling for each tone. */
function vniSpellings(): [string, string[]][] {
  const t = (prefix: string, marks: string[]) => marks.map((m) => prefix + m);
  return [
    ['a', t('a', VNI_TONE)],
    ['â', t('a', VNI_CIRC)],
    ['ă', t('a', VNI_BREVE)],
    ['e', t('e', VNI_TONE)],
    ['ê', t('e', VNI_CIRC)],
    ['o', t('o', VNI_TONE)],
    ['ô', t('o', VNI_CIRC)],
    ['ơ', t('ô', VNI_TONE)],
    ['u', t('u', VNI_TONE)],
    ['ư', t('ö', VNI_TONE)],
    ['y', [...t('y', VNI_TONE.slice(0, 5)), 'î']],
    ['i', VNI_I],
  ];
}

const vniToUnicode = new Map<string, string>();
const unicodeToVni = new Map<string, string>();
for (const [base, spellings] of vniSpellings()) {
  spellings.forEach((vni, tone) => {
    const lower = (base + TONES[tone]).normalize('NFC');
    const upper = lower.toUpperCase();
    if (vni.length > 1 || vni !== lower) {
      vniToUnicode.set(vni, lower);
      vniToUnicode.set(vni.toUpperCase(), upper);
      // Mixed case as produced by converters for "Ủy": upper-case base, lower-case mark.
      if (vni.length === 2 && !vniToUnicode.has(vni.charAt(0).toUpperCase() + vni.charAt(1)))
        vniToUnicode.set(vni.charAt(0).toUpperCase() + vni.charAt(1), upper);
    }
    unicodeToVni.set(lower, vni);
    unicodeToVni.set(upper, vni.toUpperCase());
  });
}
vniToUnicode.set('ñ', 'đ');
vniToUnicode.set('Ñ', 'Đ');
unicodeToVni.set('đ', 'ñ');
unicodeToVni.set('Đ', 'Ñ');

/** Convert VNI mojibake (VNI-Windows text read as Windows-1252) to Unicode, longest match first. */
export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const two = vniToUnicode.get(text.slice(i, i + 2));
    if (two !== undefined && text.length > i + 1) {
      out += two;
      i += 2;
      continue;
    }
    const ch = text.charAt(i);
    out += vniToUnicode.get(ch) ?? ch;
    i++;
  }
  return out.normalize('NFC');
}

/** Encode Unicode as VNI-Windows mojibake. For tests. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += unicodeToVni.get(ch) ?? ch;
  return out;
}

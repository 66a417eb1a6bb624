/**
 * The signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Hoàng Minh Cường" gives the
 * signer's name, the office they sign in ("Phó Chủ tịch") and the block itself (the issuing body when the
 * header does not name it). Only upper-case lines belong to the block; a mixed-case line that is not a
 * name ends it, so the block never swallows the text around it.
 */
import { squash } from '../../../core/text/text-util.ts';

export interface Signature {
  name: string | null;
  position: string | null;
  /** Upper-case lines of the block joined by spaces ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"). */
  block: string | null;
}

const SIG_RE =
  /^[\s*]*(TM\.|T\/M|T\.M\.|KT\.|TL\.|TUQ\.|Q\.|(?:PHÓ )?(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|BÍ THƯ|CỤC TRƯỞNG|CHỦ NHIỆM)\b)/u;
const NAME_RE = /^(?:\p{Lu}[\p{Ll}\p{M}]*)(?: \p{Lu}[\p{Ll}\p{M}]*){1,4}$/u;

/** Offices a signer holds, upper case as printed; "PHÓ " may precede any of them. */
const OFFICES = [
  'CHỦ TỊCH',
  'THỦ TƯỚNG',
  'BỘ TRƯỞNG',
  'THỨ TRƯỞNG',
  'TỔNG BÍ THƯ',
  'BÍ THƯ',
  'TRƯỞNG BAN',
  'TỔNG CỤC TRƯỞNG',
  'CỤC TRƯỞNG',
  'VỤ TRƯỞNG',
  'CHỦ NHIỆM',
  'TỔNG GIÁM ĐỐC',
  'GIÁM ĐỐC',
  'CHÁNH VĂN PHÒNG',
  'THỐNG ĐỐC',
  'TỔNG KIỂM TOÁN',
  'CHÁNH ÁN',
  'VIỆN TRƯỞNG',
  'TRƯỞNG PHÒNG',
];
const OFFICE = `(?:PHÓ )?(?:${OFFICES.join('|')})(?: THƯỜNG TRỰC)?`;
const OFFICE_AT_END = new RegExp(`(?:^|[\\s.])(${OFFICE})$`, 'u');
/** "VỤ TRƯỞNG VỤ PHÁP CHẾ", "CỤC TRƯỞNG CỤC THUẾ": the office followed by the name of the unit it heads. */
const OFFICE_OF_UNIT = new RegExp(
  `^(?:.*[\\s.])?(${OFFICE}) (?:VỤ|CỤC|TỔNG CỤC|SỞ|BAN|VĂN PHÒNG|VIỆN|TRUNG TÂM|PHÒNG|HỌC VIỆN)(?: [^\\s.,]+)*$`,
  'u',
);

/** "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "BỘ TRƯỞNG" → "Bộ trưởng", "PHÓ TRƯỞNG BAN" → "Phó Trưởng ban". */
function officeCase(office: string): string {
  const words = office.toLocaleLowerCase('vi').split(' ');
  const capital = (w: string): string => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  return words.map((w, i) => (i === 0 || (i === 1 && words[0] === 'phó') ? capital(w) : w)).join(' ');
}

/**
 * The office the signer holds: the office named last in the block ("KT. BỘ TRƯỞNG / THỨ TRƯỞNG" →
 * "Thứ trưởng"); null when the block ends with a collective body ("T/M BỘ CHÍNH TRỊ").
 */
export function signerPosition(block: string): string | null {
  const flat = block.replace(/\*/g, ' ').replace(/\s+/g, ' ').trim();
  const m = OFFICE_AT_END.exec(flat) ?? OFFICE_OF_UNIT.exec(flat);
  return m === null ? null : officeCase(m[1] ?? '');
}

/**
 * The signature block at the end of the document: the first block that names a signer, looked for after
 * "Nơi nhận" (when there is one), then before it nearest first, so a header line ("THỦ TƯỚNG CHÍNH PHỦ")
 * or an appendix heading that merely looks like a block never hides the real one.
 */
export function findSignature(text: string): Signature {
  const lines = text.split('\n');
  const recipients = lines.findIndex((l) => /^\s*\**\s*Nơi nhận/u.test(l));
  const isSig = (i: number): boolean => {
    const line = squash(lines[i] ?? '');
    if (SIG_RE.test(line)) return true;
    return (
      line.length <= 12 && line === line.toUpperCase() && SIG_RE.test(`${line} ${squash(lines[i + 1] ?? '')}`)
    );
  };
  const all = lines.map((_, i) => i).filter(isSig);
  const from = Math.max(recipients, 0);
  const order = [...all.filter((i) => i >= from), ...all.filter((i) => i < from).reverse()];
  let first: { name: string | null; block: string } | null = null;
  for (const start of order) {
    const read = readSignature(lines, start);
    if (read.name !== null) return { ...read, position: signerPosition(read.block) };
    first ??= read;
  }
  return { name: null, position: null, block: first?.block ?? null };
}

/** "(Đã ký)", "[daky]", "Đã ký": the mark of a signature in a published copy, not part of the block. */
const SIGNED_MARK = /^[([]?\s*(?:đã ký(?: và đóng dấu)?|daky|ký|chữ ký số)\s*[)\]]?:?$/iu;
/** Words of offices and bodies: an upper-case line with none of them after an office is the signer's name. */
const BLOCK_WORD =
  /(?:^| )(?:TM|KT|TL|TUQ|Q|PHÓ|CHỦ|TỊCH|TRƯỞNG|THỨ|TƯỚNG|ỦY|UỶ|BAN|NHÂN|DÂN|CHÍNH|PHỦ|BỘ|HỘI|ĐỒNG|SỞ|CỤC|VỤ|VĂN|PHÒNG|GIÁM|ĐỐC|THƯỜNG|TRỰC|NHIỆM|BÍ|THƯ|TỈNH|THÀNH|PHỐ|ĐẢNG|QUỐC|TRUNG|ƯƠNG|TỔNG|VIỆN|KÝ)(?=[ .,/]|$)/u;
/** Rank or degree printed before the name: "Thượng tướng Lương Tam Quang", "GS.TS. Nguyễn Văn A". */
const RANK =
  /^(?:(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy)|(?:GS|PGS|TS|ThS|BS|Ts|Ths)\.(?: ?(?:TS|TSKH|BS)\.)?)\s+/u;
/** "PHÓ CHỦ TỊCH Nguyễn Văn A": the office and the name on one line (a flattened signature table). */
const OFFICE_THEN_NAME =
  /^((?:[\p{Lu}.,/]+ )*[\p{Lu}]+) (\p{Lu}[\p{Ll}\p{M}]*(?: \p{Lu}[\p{Ll}\p{M}]*){1,4})$/u;
const CAPS_NAME_RE = /^\p{Lu}+(?: \p{Lu}+){1,4}$/u;

/** "NGUYỄN VĂN A" → "Nguyễn Văn A". */
function nameCase(line: string): string {
  return line
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** A mixed-case name on its line, or wrapped after its first word ("Phùng / Thị Hồng Hà"). */
function mixedName(line: string, next: string): string | null {
  if (line === line.toUpperCase()) return null;
  if (NAME_RE.test(line)) return line;
  const joined = `${line} ${next}`;
  return /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(line) && NAME_RE.test(joined) ? joined : null;
}

/**
 * Lines of the block from `start` up to the signer's name: a mixed-case name, or an upper-case one right
 * after the office ("PHÓ CHỦ TỊCH / (Đã ký) / GIÀNG A TÍNH"); "(Đã ký)" marks are skipped.
 */
function readSignature(lines: string[], start: number): { name: string | null; block: string } {
  const block: string[] = [];
  for (let j = start; j < Math.min(lines.length, start + 40); j++) {
    const line = squash(lines[j] ?? '')
      .replace(/\*/g, '')
      .replace(RANK, '')
      .trim();
    if (line === '' || SIGNED_MARK.test(line)) continue;
    const name = mixedName(line, squash(lines[j + 1] ?? ''));
    if (name !== null) return { name, block: block.join(' ') };
    const caps = CAPS_NAME_RE.test(line) && !BLOCK_WORD.test(line);
    if (caps && signerPosition(block.join(' ')) !== null)
      return { name: nameCase(line), block: block.join(' ') };
    const tail = OFFICE_THEN_NAME.exec(line);
    if (tail !== null && NAME_RE.test(tail[2] ?? '')) {
      block.push(tail[1] ?? '');
      return { name: tail[2] ?? null, block: block.join(' ') };
    }
    if (line !== line.toUpperCase()) break;
    block.push(line);
  }
  return { name: null, block: block.join(' ') };
}

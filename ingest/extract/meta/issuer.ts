/**
 * Issuing body of a document: recognised from the header block (left column above "CỘNG HÒA…"), the
 * signature block ("TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ") or the preamble ("UBND tỉnh ban hành"),
 * then written in canonical form with its locality: "Ủy ban nhân dân thành phố Hải Phòng", "Tỉnh ủy Lào Cai".
 */
import { findLocality, isCentralCity, type Locality } from '../../../core/vocab/localities.ts';
import { foldKeepLength } from '../../../core/text/text-util.ts';

export type IssuerKind =
  'ubnd' | 'ct-ubnd' | 'hdnd' | 'tinh-uy' | 'thanh-uy' | 'btv-tinh-uy' | 'btv-thanh-uy' | 'central';

export interface IssuerGuess {
  kind: IssuerKind;
  /** Canonical name for central bodies ("Chính phủ", "Bộ Tài chính"). */
  name?: string;
  locality: Locality | null;
}

/** Central bodies by folded header spelling; the last one found in a header wins ("BỘ TÀI CHÍNH CỤC HẢI QUAN"). */
const CENTRAL_BODIES = [
  'Ban Chấp hành Trung ương Đảng',
  'Bộ Chính trị',
  'Ban Bí thư',
  'Quốc hội',
  'Ủy ban Thường vụ Quốc hội',
  'Chính phủ',
  'Thủ tướng Chính phủ',
  'Văn phòng Chính phủ',
  'Bộ Tài chính',
  'Bộ Khoa học và Công nghệ',
  'Bộ Y tế',
  'Bộ Công Thương',
  'Bộ Xây dựng',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Công an',
  'Bộ Quốc phòng',
  'Bộ Ngoại giao',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Nông nghiệp và Phát triển nông thôn',
  'Bộ Kế hoạch và Đầu tư',
  'Bộ Thông tin và Truyền thông',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Dân tộc và Tôn giáo',
  'Ngân hàng Nhà nước Việt Nam',
  'Cục Hải quan',
];
const CENTRAL_FOLDED = CENTRAL_BODIES.map((n) => ({ n, f: foldKeepLength(n).replace(/[^a-z]/g, '') }));

function compact(s: string): string {
  return foldKeepLength(s).replace(/[^a-z]/g, '');
}

/** Issuer kind named by a header or signature text, without its locality. */
function kindOf(text: string): IssuerKind | null {
  const f = foldKeepLength(text).replace(/\s+/g, ' ');
  if (/chu tich (uy ban|ubnd)/.test(f)) return 'ct-ubnd';
  if (/(uy ban nhan dan|ubnd)/.test(f)) return 'ubnd';
  if (/(hoi dong nhan dan|hdnd)/.test(f)) return 'hdnd';
  if (/ban thuong vu tinh uy/.test(f)) return 'btv-tinh-uy';
  if (/ban thuong vu thanh uy/.test(f)) return 'btv-thanh-uy';
  if (/tinh uy/.test(f)) return 'tinh-uy';
  if (/thanh uy/.test(f)) return 'thanh-uy';
  return null;
}

/** Reads the header block (text above the type heading, before "CỘNG HÒA"). */
export function issuerFromHeader(header: string): IssuerGuess | null {
  const left = header.split(/C[ỘO]NG\s+H[ÒOÓ]A|Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N/u)[0] ?? '';
  const flat = left
    .replace(/[-*_]{2,}|\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat === '') return null;
  const kind = kindOf(flat);
  if (kind !== null) return { kind, locality: findLocality(flat) };
  const c = compact(flat);
  if (c.startsWith('banchaphanhtrunguong'))
    return { kind: 'central', name: 'Ban Chấp hành Trung ương Đảng', locality: null };
  let best: { n: string; end: number } | null = null;
  for (const { n, f } of CENTRAL_FOLDED) {
    const at = c.lastIndexOf(f);
    const end = at + f.length;
    if (at >= 0 && (best === null || end > best.end || (end === best.end && n.length > best.n.length)))
      best = { n, end };
  }
  return best === null ? null : { kind: 'central', name: best.n, locality: null };
}

/** Reads a signature line ("TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ", "T/M BAN CHẤP HÀNH"). */
export function issuerFromSignature(sig: string, body: string): IssuerGuess | null {
  const f = foldKeepLength(sig).replace(/\s+/g, ' ');
  const kind = kindOf(sig);
  if (kind !== null) return { kind, locality: null };
  const thanh = /thanh uy/.test(foldKeepLength(body));
  const tinh = /tinh uy/.test(foldKeepLength(body));
  if (/ban thuong vu/.test(f)) return { kind: thanh ? 'btv-thanh-uy' : 'btv-tinh-uy', locality: null };
  if (/ban chap hanh/.test(f) && (tinh || thanh))
    return { kind: thanh && !tinh ? 'thanh-uy' : 'tinh-uy', locality: null };
  if (/chinh phu/.test(f)) return { kind: 'central', name: 'Chính phủ', locality: null };
  return null;
}

/** Preamble sentence "UBND tỉnh ban hành", "Tỉnh ủy Lào Cai ban hành", "Ủy ban nhân dân thành phố ban hành". */
export function issuerFromPreamble(preamble: string): IssuerGuess | null {
  const m =
    /((?:Ủy|Uỷ|UỶ|ỦY) ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Ban Thường vụ (?:Tỉnh|Thành) ủy|Tỉnh ủy|Thành ủy)((?:\s+[\p{L}.]+){0,4}?)\s+ban hành/u.exec(
      preamble.replace(/\s+/g, ' '),
    );
  if (m === null) return null;
  const kind = kindOf(m[1] ?? '');
  return kind === null ? null : { kind, locality: findLocality(m[0]) };
}

function levelWord(loc: Locality): string {
  return loc.level === 'city' || isCentralCity(loc.name) ? 'thành phố' : 'tỉnh';
}

function placeName(loc: Locality): string {
  return loc.name.replace(/^Thành phố /, '');
}

/** Canonical issuer name, e.g. "Ủy ban nhân dân thành phố Hải Phòng", "Tỉnh ủy Lào Cai", "Ban Thường vụ Thành ủy". */
export function issuerName(g: IssuerGuess): string {
  const loc = g.locality;
  const where = loc === null ? '' : ` ${levelWord(loc)} ${placeName(loc)}`;
  switch (g.kind) {
    case 'central':
      return g.name ?? '';
    case 'ubnd':
      return `Ủy ban nhân dân${where}`;
    case 'ct-ubnd':
      return `Chủ tịch Ủy ban nhân dân${where}`;
    case 'hdnd':
      return `Hội đồng nhân dân${where}`;
    case 'tinh-uy':
      return loc === null ? 'Tỉnh ủy' : `Tỉnh ủy ${placeName(loc)}`;
    case 'thanh-uy':
      return loc === null ? 'Thành ủy' : `Thành ủy ${placeName(loc)}`;
    case 'btv-tinh-uy':
      return loc === null ? 'Ban Thường vụ Tỉnh ủy' : `Ban Thường vụ Tỉnh ủy ${placeName(loc)}`;
    case 'btv-thanh-uy':
      return loc === null ? 'Ban Thường vụ Thành ủy' : `Ban Thường vụ Thành ủy ${placeName(loc)}`;
  }
}

/** True when the issuer belongs to a locality (its document numbers repeat across localities). */
export function isLocalKind(kind: IssuerKind): boolean {
  return kind !== 'central';
}

import type { StructuredDocument } from '../types.ts';
import { fold, hasDiacritics, nfc, unifyTones } from '../../src/search/normalize.ts';

/**
 * Policy-field taxonomy: stable slugs with Vietnamese and English labels and the keywords that tag a
 * text with the field. Keywords are written with diacritics; matching is tone-spelling-insensitive
 * (hoá/hóa) and case-insensitive, and diacritic-insensitive only when the text itself has no
 * diacritics (so "biển" never matches "biến đổi khí hậu" in real documents, but "bien" in a query does).
 */
export interface PolicyField {
  slug: string;
  vi: string;
  en: string;
  keywords: readonly string[];
}

export const FIELDS: readonly PolicyField[] = [
  {
    slug: 'y-te',
    vi: 'y tế',
    en: 'health',
    keywords: [
      'y tế',
      'y dược',
      'y - dược',
      'y học',
      'dược phẩm',
      'khám chữa bệnh',
      'khám, chữa bệnh',
      'dịch bệnh ở người',
      'bệnh viện',
      'sức khỏe',
      'vắc xin',
      'chẩn đoán',
      'điều trị',
      'thuốc',
      'ung thư',
      'ghép tạng',
      'xét nghiệm',
      'phòng chống dịch',
      'phòng, chống dịch',
      'tế bào gốc',
      'trạm y tế',
    ],
  },
  {
    slug: 'nong-nghiep',
    vi: 'nông nghiệp (nông, lâm, thủy sản)',
    en: 'agriculture',
    keywords: [
      'nông nghiệp',
      'nông, lâm',
      'nông lâm',
      'lâm nghiệp',
      'thủy sản',
      'thuỷ sản',
      'chăn nuôi',
      'trồng trọt',
      'cây trồng',
      'vật nuôi',
      'giống cây',
      'khuyến nông',
      'nông sản',
      'nông thôn',
      'nuôi trồng',
      'phân bón',
      'thú y',
      'rừng',
      'nông dân',
      'hợp tác xã nông nghiệp',
    ],
  },
  {
    slug: 'bien',
    vi: 'biển',
    en: 'marine',
    keywords: [
      'biển',
      'hải sản',
      'sinh vật biển',
      'kinh tế biển',
      'hải dương',
      'ven biển',
      'hải đảo',
      'vi tảo',
      'nuôi biển',
    ],
  },
  {
    slug: 'moi-truong',
    vi: 'môi trường',
    en: 'environment',
    keywords: [
      'môi trường',
      'chất thải',
      'ô nhiễm',
      'đa dạng sinh học',
      'biến đổi khí hậu',
      'tài nguyên',
      'quan trắc',
      'xử lý nước',
      'nước thải',
      'rác thải',
      'phát thải',
      'kinh tế tuần hoàn',
      'tăng trưởng xanh',
      'bảo tồn thiên nhiên',
    ],
  },
  {
    slug: 'cong-nghiep',
    vi: 'công nghiệp',
    en: 'industry',
    keywords: [
      'công nghiệp',
      'công thương',
      'chế biến',
      'sản xuất công nghiệp',
      'cụm công nghiệp',
      'khu công nghiệp',
      'nhiên liệu sinh học',
      'khuyến công',
      'dệt may',
      'thực phẩm lên men',
    ],
  },
  {
    slug: 'quoc-phong-an-ninh',
    vi: 'quốc phòng – an ninh',
    en: 'defence & security',
    keywords: [
      'quốc phòng',
      'an ninh',
      'quân sự',
      'công an',
      'bảo vệ tổ quốc',
      'trật tự an toàn xã hội',
      'phòng cháy',
      'chữa cháy',
      'biên giới',
    ],
  },
  {
    slug: 'giao-duc-nhan-luc',
    vi: 'giáo dục – đào tạo & nhân lực',
    en: 'education & human resources',
    keywords: [
      'giáo dục',
      'đào tạo',
      'nhân lực',
      'bồi dưỡng',
      'học sinh',
      'trường học',
      'giáo viên',
      'tập huấn',
      'trường đại học',
      'cơ sở giáo dục',
      'stem',
      'hướng nghiệp',
      'thu hút chuyên gia',
      'nhà khoa học',
    ],
  },
  {
    slug: 'tuyen-truyen',
    vi: 'tuyên truyền',
    en: 'communication',
    keywords: [
      'tuyên truyền',
      'truyền thông',
      'phổ biến',
      'quán triệt',
      'báo chí',
      'thông tin đại chúng',
      'nâng cao nhận thức',
      'học tập, quán triệt',
      'tôn vinh',
      'khen thưởng',
      'thi đua',
    ],
  },
  {
    slug: 'co-che-chinh-sach',
    vi: 'cơ chế chính sách',
    en: 'policy & regulation',
    keywords: [
      'cơ chế',
      'chính sách',
      'quy định',
      'văn bản quy phạm',
      'tiêu chuẩn',
      'quy chuẩn',
      'thủ tục hành chính',
      'pháp luật',
      'hoàn thiện thể chế',
      'thể chế',
      'phân cấp',
    ],
  },
  {
    slug: 'hop-tac-quoc-te',
    vi: 'hợp tác quốc tế',
    en: 'international cooperation',
    keywords: [
      'hợp tác quốc tế',
      'quốc tế',
      'nước ngoài',
      'ngoại vụ',
      'đối ngoại',
      'song phương',
      'đa phương',
      'điều ước quốc tế',
      'fdi',
      'oda',
    ],
  },
  {
    slug: 'khoa-hoc-cong-nghe',
    vi: 'khoa học công nghệ',
    en: 'science & technology',
    keywords: [
      'khoa học và công nghệ',
      'khoa học công nghệ',
      'khoa học, công nghệ',
      'công nghệ',
      'đổi mới sáng tạo',
      'nghiên cứu khoa học',
      'chuyển giao công nghệ',
      'phòng thí nghiệm',
      'sở hữu trí tuệ',
      'khởi nghiệp',
      'ươm tạo',
      'bán dẫn',
    ],
  },
  {
    slug: 'cong-nghe-sinh-hoc',
    vi: 'công nghệ sinh học',
    en: 'biotechnology',
    keywords: [
      'công nghệ sinh học',
      'công nghiệp sinh học',
      'chế phẩm sinh học',
      'sinh học phân tử',
      'an toàn sinh học',
      'nguồn gen',
      'vi sinh',
      'enzyme',
      'kinh tế sinh học',
    ],
  },
  {
    slug: 'chuyen-doi-so',
    vi: 'chuyển đổi số',
    en: 'digital transformation',
    keywords: [
      'chuyển đổi số',
      'công nghệ số',
      'kinh tế số',
      'chính quyền số',
      'xã hội số',
      'dữ liệu số',
      'hạ tầng số',
      'cơ sở dữ liệu',
      '5g',
      'iot',
      'internet vạn vật',
      'viễn thông',
      'thương mại điện tử',
      'thư điện tử',
      'trực tuyến',
      'phần mềm',
      'an toàn thông tin',
      'trí tuệ nhân tạo',
      'nền tảng số',
    ],
  },
  {
    slug: 'tai-chinh-dau-tu',
    vi: 'tài chính – đầu tư',
    en: 'finance & investment',
    keywords: [
      'tài chính',
      'ngân sách',
      'kinh phí',
      'đầu tư',
      'vốn',
      'tài sản công',
      'thuế',
      'cho vay',
      'lãi suất',
      'dự toán',
      'mua sắm',
      'ppp',
      'hợp tác công tư',
    ],
  },
  {
    slug: 'to-chuc-bo-may',
    vi: 'tổ chức bộ máy – cán bộ',
    en: 'public administration & civil service',
    keywords: [
      'tổ chức bộ máy',
      'cán bộ, công chức',
      'công chức',
      'viên chức',
      'sắp xếp đơn vị hành chính',
      'đơn vị hành chính',
      'cải cách hành chính',
      'chức năng, nhiệm vụ',
      'cơ cấu tổ chức',
      'biên chế',
    ],
  },
  {
    slug: 'xa-hoi',
    vi: 'lao động – xã hội',
    en: 'labour & social welfare',
    keywords: [
      'an sinh xã hội',
      'trợ giúp xã hội',
      'bảo trợ xã hội',
      'giảm nghèo',
      'hộ nghèo',
      'người có công',
      'lao động',
      'việc làm',
      'người khuyết tật',
      'trẻ em',
    ],
  },
  {
    slug: 'thien-tai',
    vi: 'phòng chống thiên tai',
    en: 'disaster prevention & response',
    keywords: [
      'thiên tai',
      'lũ',
      'lụt',
      'bão',
      'sạt lở',
      'ứng phó',
      'cứu hộ',
      'cứu nạn',
      'khắc phục hậu quả',
      'ngập',
    ],
  },
  {
    slug: 'van-hoa-du-lich',
    vi: 'văn hóa – thể thao – du lịch',
    en: 'culture, sports & tourism',
    keywords: ['văn hóa', 'du lịch', 'thể thao', 'di sản', 'lễ hội'],
  },
];

/** Keywords that are ambiguous once diacritics are removed ("bien" = biển/biến, "lu" = lũ/lữ). */
const FOLD_UNSAFE = new Set(['bien', 'lu', 'lut', 'bao', 'von', 'thue', 'ngap', 'vi sinh', 'thuoc']);

function exactForm(s: string): string {
  return unifyTones(nfc(s).toLowerCase()).replace(/\s+/g, ' ');
}

interface CompiledKeyword {
  slug: string;
  exact: RegExp;
  folded: RegExp | null;
}

const WORD = '[\\p{L}\\p{M}\\p{N}]';

function wordRegex(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<!${WORD})${escaped}(?!${WORD})`, 'u');
}

const COMPILED: readonly CompiledKeyword[] = FIELDS.flatMap((f) =>
  f.keywords.map((k) => {
    const folded = fold(k);
    return {
      slug: f.slug,
      exact: wordRegex(exactForm(k)),
      folded: FOLD_UNSAFE.has(folded) ? null : wordRegex(folded),
    };
  }),
);

/** Hit counts per field slug for one text. */
function fieldHits(text: string): Map<string, number> {
  const hits = new Map<string, number>();
  if (text.trim() === '') return hits;
  const accented = hasDiacritics(text);
  const probe = accented ? exactForm(text) : fold(text);
  for (const k of COMPILED) {
    const re = accented ? k.exact : k.folded;
    if (re && re.test(probe)) hits.set(k.slug, (hits.get(k.slug) ?? 0) + 1);
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
  for (const h of headingContext) for (const s of fieldHits(h).keys()) slugs.add(s);
  return inTaxonomyOrder(slugs);
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
  for (const s of doc.sections) {
    const firstChild = doc.sections.find((c) => c.parentId === s.id);
    const own = text.slice(s.start, firstChild ? firstChild.start : s.end);
    const slugs = new Set(tagFields(s.heading, s.path));
    for (const [slug, n] of fieldHits(own)) if (n >= BODY_HITS) slugs.add(slug);
    out[s.id] = inTaxonomyOrder(slugs);
  }
  return out;
}

/**
 * Gazetteer of Vietnamese public bodies: abbreviations, canonical names of provincial departments (incl.
 * the 2025 mergers) and party/mass-organisation bodies, and central bodies. Patterns are matched on the
 * `agencyKey` form of a name (folded, punctuation removed, "va" dropped), so "Sở Văn hoá Thể thao du
 * lịch" and "Sở Văn hóa, Thể thao và Du lịch" are the same entry.
 */

/** Abbreviation → expansion, applied left to right on the NFC name before matching. */
export const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bKH\s*&\s*CN\b|\bKHCN\b/gu, 'Khoa học và Công nghệ'],
  [/\bKH-CN\b/gu, 'Khoa học - Công nghệ'],
  [/\bKH\s*&\s*ĐT\b|\bKHĐT\b/gu, 'Kế hoạch và Đầu tư'],
  [/\bNN\s*&\s*PTNT\b|\bNNPTNT\b|\bNN\s*và\s*PTNT\b/gu, 'Nông nghiệp và Phát triển nông thôn'],
  [/\bNN\s*&\s*MT\b|\bNNMT\b/gu, 'Nông nghiệp và Môi trường'],
  [/\bTT\s*&\s*TT\b|\bTTTT\b/gu, 'Thông tin và Truyền thông'],
  [/\bLĐ\s*-?\s*TB\s*&\s*XH\b|\bLĐTBXH\b/gu, 'Lao động, Thương binh và Xã hội'],
  [/\bGD\s*&\s*ĐT\b|\bGDĐT\b/gu, 'Giáo dục và Đào tạo'],
  [/\bTN\s*&\s*MT\b|\bTNMT\b/gu, 'Tài nguyên và Môi trường'],
  [/\bVH\s*,?\s*TT\s*&\s*DL\b|\bVHTTDL\b|\bVHTT&DL\b/gu, 'Văn hóa, Thể thao và Du lịch'],
  [/\bGTVT\b/gu, 'Giao thông vận tải'],
  [/\bBCS\s+[Đđ]ảng\b/gu, 'Ban Cán sự Đảng'],
  [/\bUBMTTQVN\b|\bUB\s*MTTQ\s*VN\b/gu, 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  [/\bMTTQ\s*(?:VN|Việt Nam)\b|\bMTTQ\b/gu, 'Mặt trận Tổ quốc Việt Nam'],
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
  [/\bBCH\b/gu, 'Bộ Chỉ huy'],
  [/\bQS\b/gu, 'Quân sự'],
  [/\bBQL\b/gu, 'Ban Quản lý'],
  // the national press bodies, often named only by their initials ("VTV, VOV, TTXVN, các địa phương")
  [/(?<![\p{L}(])VTV(?![\p{L})])/gu, 'Đài Truyền hình Việt Nam'],
  [/(?<![\p{L}(])VOV(?![\p{L})])/gu, 'Đài Tiếng nói Việt Nam'],
  [/(?<![\p{L}(])TTXVN(?![\p{L})])/gu, 'Thông tấn xã Việt Nam'],
  [/\bKCN\b/gu, 'khu công nghiệp'],
  [/\bKKT\b/gu, 'Khu kinh tế'],
  [/\s+TP\b\.?/gu, ' thành phố'],
];

export interface GazetteerEntry {
  kind: string;
  name: string;
  /** Alternative `agencyKey` forms (the canonical name's own key is always included). */
  alt?: readonly string[];
  /** Central (national) body: locality null, key `${kind}@TW`. */
  central?: boolean;
}

const sở = (kind: string, name: string, alt: readonly string[] = []): GazetteerEntry => ({ kind, name, alt });

/** Provincial departments (sở) and equivalents, before and after the 2025 mergers. */
export const DEPARTMENTS: readonly GazetteerEntry[] = [
  sở('so-khoa-hoc-va-cong-nghe', 'Sở Khoa học và Công nghệ'),
  sở('so-y-te', 'Sở Y tế'),
  sở('so-tai-chinh', 'Sở Tài chính'),
  sở('so-ke-hoach-va-dau-tu', 'Sở Kế hoạch và Đầu tư'),
  sở('so-noi-vu', 'Sở Nội vụ'),
  sở('so-tu-phap', 'Sở Tư pháp'),
  sở('so-cong-thuong', 'Sở Công Thương'),
  sở('so-xay-dung', 'Sở Xây dựng'),
  sở('so-giao-thong-van-tai', 'Sở Giao thông vận tải'),
  sở('so-nong-nghiep-va-phat-trien-nong-thon', 'Sở Nông nghiệp và Phát triển nông thôn', [
    'so nong nghiep phat trien',
  ]),
  sở('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'),
  sở('so-tai-nguyen-va-moi-truong', 'Sở Tài nguyên và Môi trường'),
  sở('so-thong-tin-va-truyen-thong', 'Sở Thông tin và Truyền thông'),
  sở('so-giao-duc-va-dao-tao', 'Sở Giáo dục và Đào tạo'),
  sở('so-lao-dong-thuong-binh-va-xa-hoi', 'Sở Lao động, Thương binh và Xã hội'),
  sở('so-van-hoa-the-thao-va-du-lich', 'Sở Văn hóa, Thể thao và Du lịch', ['so van hoa the thao du lich']),
  sở('so-van-hoa-va-the-thao', 'Sở Văn hóa và Thể thao'),
  sở('so-du-lich', 'Sở Du lịch'),
  sở('so-ngoai-vu', 'Sở Ngoại vụ'),
  sở('so-dan-toc-va-ton-giao', 'Sở Dân tộc và Tôn giáo'),
  sở('so-quy-hoach-kien-truc', 'Sở Quy hoạch - Kiến trúc'),
  sở('ban-dan-toc', 'Ban Dân tộc'),
  sở('thanh-tra-tinh', 'Thanh tra tỉnh', ['thanh tra thanh pho']),
  sở('van-phong-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh', [
    'van phong uy ban nhan dan thanh pho',
    'van phong uy ban nhan dan',
  ]),
  sở('cong-an-tinh', 'Công an tỉnh', ['cong an thanh pho']),
  sở('bo-chi-huy-quan-su-tinh', 'Bộ Chỉ huy Quân sự tỉnh', [
    'bo chi huy quan su thanh pho',
    'bo tu lenh thanh pho',
  ]),
  sở('ban-quan-ly-khu-kinh-te', 'Ban Quản lý Khu kinh tế', ['ban quan ly khu kinh te tinh']),
  // A separate body where a province has both (Đắk Lắk: BQL Khu Kinh tế Phú Yên and BQL các Khu công nghiệp).
  sở('ban-quan-ly-cac-khu-cong-nghiep', 'Ban Quản lý các Khu công nghiệp tỉnh', [
    'ban quan ly cac khu cong nghiep',
  ]),
  sở('lien-hiep-cac-hoi-khkt', 'Liên hiệp các Hội Khoa học và Kỹ thuật', [
    'lien hiep cac hoi khoa hoc ky thuat tinh',
  ]),
  sở('dai-phat-thanh-va-truyen-hinh', 'Đài Phát thanh và Truyền hình', ['dai phat thanh truyen hinh tinh']),
  sở('bao-va-phat-thanh-truyen-hinh', 'Báo và Phát thanh, Truyền hình'),
  sở('kho-bac-nha-nuoc', 'Kho bạc Nhà nước'),
  sở('thue-tinh', 'Thuế tỉnh'),
];

/** Provincial government, party and mass-organisation bodies. */
export const LOCAL_BODIES: readonly GazetteerEntry[] = [
  sở('ubnd-tinh', 'Ủy ban nhân dân tỉnh', ['uy ban nhan dan thanh pho', 'uy ban nhan dan']),
  sở('hdnd-tinh', 'Hội đồng nhân dân tỉnh', ['hoi dong nhan dan thanh pho', 'hoi dong nhan dan']),
  sở('chu-tich-ubnd-tinh', 'Chủ tịch Ủy ban nhân dân tỉnh', ['chu tich uy ban nhan dan thanh pho']),
  sở('ban-can-su-dang-ubnd', 'Ban Cán sự Đảng Ủy ban nhân dân tỉnh', [
    'ban can su dang uy ban nhan dan thanh pho',
  ]),
  sở('dang-doan-hdnd', 'Đảng đoàn Hội đồng nhân dân tỉnh', ['dang doan hoi dong nhan dan thanh pho']),
  sở('dang-doan-mttq', 'Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', [
    'dang doan uy ban mat tran to quoc viet nam',
    'dang doan mat tran to quoc viet nam tinh',
  ]),
  sở('mttq-tinh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', [
    'mat tran to quoc viet nam tinh',
    'mat tran to quoc viet nam',
    'mat tran to quoc',
    'uy ban mat tran to quoc viet nam',
  ]),
  sở('tinh-uy', 'Tỉnh ủy', ['thanh uy']),
  sở('ban-thuong-vu-tinh-uy', 'Ban Thường vụ Tỉnh ủy', ['ban thuong vu thanh uy']),
  sở('ban-tuyen-giao-va-dan-van-tinh-uy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', [
    'ban tuyen giao dan van thanh uy',
  ]),
  sở('ban-tuyen-giao-tinh-uy', 'Ban Tuyên giáo Tỉnh ủy', ['ban tuyen giao thanh uy']),
  sở('ban-to-chuc-tinh-uy', 'Ban Tổ chức Tỉnh ủy', ['ban to chuc thanh uy']),
  sở('ban-dan-van-tinh-uy', 'Ban Dân vận Tỉnh ủy', ['ban dan van thanh uy']),
  sở('ban-noi-chinh-tinh-uy', 'Ban Nội chính Tỉnh ủy', ['ban noi chinh thanh uy']),
  sở('uy-ban-kiem-tra-tinh-uy', 'Ủy ban Kiểm tra Tỉnh ủy', ['uy ban kiem tra thanh uy']),
  sở('van-phong-tinh-uy', 'Văn phòng Tỉnh ủy', ['van phong thanh uy']),
  sở('van-phong-doan-dbqh-va-hdnd', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', [
    'van phong doan dai bieu quoc hoi hoi dong nhan dan thanh pho',
  ]),
  sở('ban-chi-dao', 'Ban Chỉ đạo'),
];

const tw = (kind: string, name: string, alt: readonly string[] = []): GazetteerEntry => ({
  kind,
  name,
  alt,
  central: true,
});

/** Central bodies (ministries, Government, Party centre). */
export const CENTRAL_BODIES: readonly GazetteerEntry[] = [
  tw('bo-y-te', 'Bộ Y tế'),
  tw('bo-khoa-hoc-va-cong-nghe', 'Bộ Khoa học và Công nghệ'),
  tw('bo-tai-chinh', 'Bộ Tài chính'),
  tw('bo-ke-hoach-va-dau-tu', 'Bộ Kế hoạch và Đầu tư'),
  tw('bo-noi-vu', 'Bộ Nội vụ'),
  tw('bo-tu-phap', 'Bộ Tư pháp'),
  tw('bo-cong-thuong', 'Bộ Công Thương'),
  tw('bo-xay-dung', 'Bộ Xây dựng'),
  tw('bo-giao-thong-van-tai', 'Bộ Giao thông vận tải'),
  tw('bo-nong-nghiep-va-phat-trien-nong-thon', 'Bộ Nông nghiệp và Phát triển nông thôn'),
  tw('bo-nong-nghiep-va-moi-truong', 'Bộ Nông nghiệp và Môi trường'),
  tw('bo-tai-nguyen-va-moi-truong', 'Bộ Tài nguyên và Môi trường'),
  tw('bo-thong-tin-va-truyen-thong', 'Bộ Thông tin và Truyền thông'),
  tw('bo-giao-duc-va-dao-tao', 'Bộ Giáo dục và Đào tạo'),
  tw('bo-lao-dong-thuong-binh-va-xa-hoi', 'Bộ Lao động, Thương binh và Xã hội'),
  tw('bo-van-hoa-the-thao-va-du-lich', 'Bộ Văn hóa, Thể thao và Du lịch'),
  tw('bo-ngoai-giao', 'Bộ Ngoại giao'),
  tw('bo-quoc-phong', 'Bộ Quốc phòng'),
  tw('bo-cong-an', 'Bộ Công an'),
  tw('bo-dan-toc-va-ton-giao', 'Bộ Dân tộc và Tôn giáo'),
  tw('chinh-phu', 'Chính phủ'),
  tw('thu-tuong-chinh-phu', 'Thủ tướng Chính phủ'),
  tw('van-phong-chinh-phu', 'Văn phòng Chính phủ'),
  tw('bo-chinh-tri', 'Bộ Chính trị'),
  tw('ban-bi-thu', 'Ban Bí thư', ['ban bi thu trung uong dang']),
  tw('ban-chap-hanh-trung-uong', 'Ban Chấp hành Trung ương'),
  tw('quoc-hoi', 'Quốc hội'),
  tw('uy-ban-thuong-vu-quoc-hoi', 'Ủy ban Thường vụ Quốc hội'),
  tw('ngan-hang-nha-nuoc', 'Ngân hàng Nhà nước Việt Nam', ['ngan hang nha nuoc']),
  tw('ngan-hang-chinh-sach-xa-hoi', 'Ngân hàng Chính sách xã hội'),
  tw('kiem-toan-nha-nuoc', 'Kiểm toán Nhà nước'),
  tw('thanh-tra-chinh-phu', 'Thanh tra Chính phủ'),
  tw('toa-an-nhan-dan-toi-cao', 'Tòa án nhân dân tối cao'),
  tw('vien-kiem-sat-nhan-dan-toi-cao', 'Viện kiểm sát nhân dân tối cao'),
  tw('dai-truyen-hinh-viet-nam', 'Đài Truyền hình Việt Nam'),
  tw('thong-tan-xa-viet-nam', 'Thông tấn xã Việt Nam'),
  tw('dai-tieng-noi-viet-nam', 'Đài Tiếng nói Việt Nam'),
  // the heads of all central bodies, named together in the Government's standard closing clauses
  tw('thu-truong-cac-co-quan-trung-uong', 'Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ'),
  tw('cuc-hai-quan', 'Cục Hải quan'),
];

export const GAZETTEER: readonly GazetteerEntry[] = [...DEPARTMENTS, ...LOCAL_BODIES, ...CENTRAL_BODIES];

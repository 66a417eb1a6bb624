/**
 * The 2025 reorganisation of Vietnam's state apparatus, as data with its legal source per row.
 *
 * - Provinces: Nghị quyết 202/2025/QH15 of the National Assembly (12/6/2025, in force that day) merged
 *   the 63 province-level units into 34; the new units operate from 1/7/2025. Thừa Thiên Huế had become
 *   the centrally-run city of Huế on 1/1/2025 (Nghị quyết 1314/NQ-UBTVQH15).
 * - District level: ended on 1/7/2025 (two-tier local government, Luật Tổ chức chính quyền địa phương
 *   72/2025/QH15); provincial cities and towns became wards and communes of their province.
 * - Provincial departments: Nghị định 45/2025/NĐ-CP (28/2/2025, from 1/3/2025) merged departments
 *   (later replaced by Nghị định 150/2025/NĐ-CP, from 1/7/2025, which keeps the same departments).
 * - Ministries: Nghị quyết 176/2025/QH15 (18/2/2025) on the structure of the Government (new ministries
 *   from 1/3/2025).
 *
 * Only main successions are listed (the body that took over the predecessor's core remit); a
 * predecessor's side duties moved elsewhere are noted in `note`.
 */

/** A legal instrument of the reorganisation. */
export interface Instrument {
  /** Number as issued, e.g. "202/2025/QH15". */
  number: string;
  /** Type and number as cited in Vietnamese, e.g. "Nghị quyết 202/2025/QH15". */
  name: string;
  /** Date of issue (ISO). */
  issued: string;
  /** Date in force (ISO). */
  inForce: string;
}

export const NQ_202_2025: Instrument = {
  number: '202/2025/QH15',
  name: 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh',
  issued: '2025-06-12',
  inForce: '2025-06-12',
};
export const NQ_1314_2024: Instrument = {
  number: '1314/NQ-UBTVQH15',
  name: 'Nghị quyết 1314/NQ-UBTVQH15 về thành lập thành phố Huế trực thuộc trung ương',
  issued: '2024-11-30',
  inForce: '2025-01-01',
};
export const LUAT_72_2025: Instrument = {
  number: '72/2025/QH15',
  name: 'Luật Tổ chức chính quyền địa phương 72/2025/QH15 (chính quyền địa phương hai cấp)',
  issued: '2025-06-16',
  inForce: '2025-07-01',
};
export const ND_45_2025: Instrument = {
  number: '45/2025/NĐ-CP',
  name: 'Nghị định 45/2025/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh',
  issued: '2025-02-28',
  inForce: '2025-03-01',
};
export const ND_150_2025: Instrument = {
  number: '150/2025/NĐ-CP',
  name: 'Nghị định 150/2025/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh, cấp xã',
  issued: '2025-06-12',
  inForce: '2025-07-01',
};
export const NQ_176_2025: Instrument = {
  number: '176/2025/QH15',
  name: 'Nghị quyết 176/2025/QH15 về cơ cấu tổ chức của Chính phủ nhiệm kỳ Quốc hội khóa XV',
  issued: '2025-02-18',
  inForce: '2025-02-18',
};

/** One province-level unit formed from one or more pre-2025 units. */
export interface ProvinceMerger {
  /** The unit after the merger (its name). */
  to: string;
  /** The units merged into it (the one whose name it keeps is included). */
  from: readonly string[];
  /** The date the new unit operates (ISO). */
  date: string;
  instrument: Instrument;
  /** Where in the instrument ('' when the instrument as a whole). */
  article: string;
}

const merge = (to: string, ...from: string[]): ProvinceMerger => ({
  to,
  from,
  date: '2025-07-01',
  instrument: NQ_202_2025,
  article: 'Điều 1',
});

/** The 23 mergers of Nghị quyết 202/2025/QH15, Điều 1 (52 units → 23). */
export const PROVINCE_MERGERS: readonly ProvinceMerger[] = [
  merge('Tuyên Quang', 'Tuyên Quang', 'Hà Giang'),
  merge('Lào Cai', 'Lào Cai', 'Yên Bái'),
  merge('Thái Nguyên', 'Thái Nguyên', 'Bắc Kạn'),
  merge('Phú Thọ', 'Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'),
  merge('Bắc Ninh', 'Bắc Ninh', 'Bắc Giang'),
  merge('Hưng Yên', 'Hưng Yên', 'Thái Bình'),
  merge('Hải Phòng', 'Hải Phòng', 'Hải Dương'),
  merge('Ninh Bình', 'Ninh Bình', 'Hà Nam', 'Nam Định'),
  merge('Quảng Trị', 'Quảng Trị', 'Quảng Bình'),
  merge('Đà Nẵng', 'Đà Nẵng', 'Quảng Nam'),
  merge('Quảng Ngãi', 'Quảng Ngãi', 'Kon Tum'),
  merge('Gia Lai', 'Gia Lai', 'Bình Định'),
  merge('Khánh Hòa', 'Khánh Hòa', 'Ninh Thuận'),
  merge('Lâm Đồng', 'Lâm Đồng', 'Đắk Nông', 'Bình Thuận'),
  merge('Đắk Lắk', 'Đắk Lắk', 'Phú Yên'),
  merge('Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'),
  merge('Đồng Nai', 'Đồng Nai', 'Bình Phước'),
  merge('Tây Ninh', 'Tây Ninh', 'Long An'),
  merge('Cần Thơ', 'Cần Thơ', 'Sóc Trăng', 'Hậu Giang'),
  merge('Vĩnh Long', 'Vĩnh Long', 'Bến Tre', 'Trà Vinh'),
  merge('Đồng Tháp', 'Đồng Tháp', 'Tiền Giang'),
  merge('Cà Mau', 'Cà Mau', 'Bạc Liêu'),
  merge('An Giang', 'An Giang', 'Kiên Giang'),
];

/** Thừa Thiên Huế → Huế (a renaming into a centrally-run city, before Nghị quyết 202). */
export const PROVINCE_RENAMES: readonly ProvinceMerger[] = [
  { to: 'Huế', from: ['Thừa Thiên Huế'], date: '2025-01-01', instrument: NQ_1314_2024, article: 'Điều 1' },
];

/** The 11 units Nghị quyết 202/2025/QH15 left as they were (Điều 1 lists only the merged ones). */
export const PROVINCES_UNCHANGED: readonly string[] = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
];

/** District-level units (provincial cities, towns) ended on this date; their area stays in the province. */
export const DISTRICT_LEVEL_END = { date: '2025-07-01', instrument: LUAT_72_2025 } as const;

/** A provincial department (or ministry) that took over another's remit. */
export interface AgencyMerger {
  /** Kind slug of the predecessor (as in the agency gazetteer). */
  fromKind: string;
  toKind: string;
  /** Canonical name of the successor. */
  toName: string;
  date: string;
  instrument: Instrument;
  /** The instrument that later governs the successor, if any. */
  later?: Instrument;
  article: string;
  /** Central (ministry) rather than provincial. */
  central?: boolean;
  /** Parts of the remit that went elsewhere. */
  note?: string;
}

const dept = (fromKind: string, toKind: string, toName: string, note?: string): AgencyMerger => ({
  fromKind,
  toKind,
  toName,
  date: '2025-03-01',
  instrument: ND_45_2025,
  later: ND_150_2025,
  article: '',
  ...(note ? { note } : {}),
});

const ministry = (fromKind: string, toKind: string, toName: string, note?: string): AgencyMerger => ({
  fromKind,
  toKind,
  toName,
  date: '2025-03-01',
  instrument: NQ_176_2025,
  article: 'Điều 1',
  central: true,
  ...(note ? { note } : {}),
});

/** Department mergers of Nghị định 45/2025/NĐ-CP and ministry mergers of Nghị quyết 176/2025/QH15. */
export const AGENCY_MERGERS: readonly AgencyMerger[] = [
  dept('so-ke-hoach-va-dau-tu', 'so-tai-chinh', 'Sở Tài chính'),
  dept(
    'so-nong-nghiep-va-phat-trien-nong-thon',
    'so-nong-nghiep-va-moi-truong',
    'Sở Nông nghiệp và Môi trường',
  ),
  dept('so-tai-nguyen-va-moi-truong', 'so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'),
  dept(
    'so-thong-tin-va-truyen-thong',
    'so-khoa-hoc-va-cong-nghe',
    'Sở Khoa học và Công nghệ',
    'báo chí, xuất bản → Sở Văn hóa, Thể thao và Du lịch',
  ),
  dept('so-giao-thong-van-tai', 'so-xay-dung', 'Sở Xây dựng'),
  dept(
    'so-lao-dong-thuong-binh-va-xa-hoi',
    'so-noi-vu',
    'Sở Nội vụ',
    'giáo dục nghề nghiệp → Sở Giáo dục và Đào tạo; bảo trợ xã hội, trẻ em, phòng chống tệ nạn xã hội → Sở Y tế',
  ),
  dept('ban-dan-toc', 'so-dan-toc-va-ton-giao', 'Sở Dân tộc và Tôn giáo', 'tôn giáo từ Sở Nội vụ'),
  ministry('bo-ke-hoach-va-dau-tu', 'bo-tai-chinh', 'Bộ Tài chính'),
  ministry(
    'bo-nong-nghiep-va-phat-trien-nong-thon',
    'bo-nong-nghiep-va-moi-truong',
    'Bộ Nông nghiệp và Môi trường',
  ),
  ministry('bo-tai-nguyen-va-moi-truong', 'bo-nong-nghiep-va-moi-truong', 'Bộ Nông nghiệp và Môi trường'),
  ministry('bo-thong-tin-va-truyen-thong', 'bo-khoa-hoc-va-cong-nghe', 'Bộ Khoa học và Công nghệ'),
  ministry('bo-giao-thong-van-tai', 'bo-xay-dung', 'Bộ Xây dựng'),
  ministry('bo-lao-dong-thuong-binh-va-xa-hoi', 'bo-noi-vu', 'Bộ Nội vụ'),
];

/** One dated succession step, between localities or between agencies. */
export interface Succession {
  from: string;
  to: string;
  /** Date the successor takes over (ISO). */
  date: string;
  /** Instrument as cited ("Nghị quyết 202/2025/QH15 …"). */
  instrument: string;
  article: string;
  note: string | null;
}

/** Province-level successions (old unit → new unit), the unit that keeps its name excluded. */
export function provinceSuccessions(): Succession[] {
  return [...PROVINCE_MERGERS, ...PROVINCE_RENAMES].flatMap((m) =>
    m.from
      .filter((f) => f !== m.to)
      .map((f) => ({
        from: f,
        to: m.to,
        date: m.date,
        instrument: m.instrument.name,
        article: m.article,
        note: null,
      })),
  );
}

/** The post-2025 unit of a pre-2025 province name (itself when unchanged or already current). */
export function currentProvince(name: string): string | null {
  for (const m of [...PROVINCE_MERGERS, ...PROVINCE_RENAMES]) if (m.from.includes(name)) return m.to;
  return PROVINCES_UNCHANGED.includes(name) ? name : null;
}

const BY_FROM_KIND = new Map(AGENCY_MERGERS.map((m) => [m.fromKind, m]));

/**
 * The next step of an agency (kind, locality) through the reorganisation: its department merger first
 * (1/3/2025), then its province's merger (1/7/2025); null when it is current. Provincial bodies of a
 * district-level locality have no successor. `provinceOf` maps a locality name to its post-2025 province
 * for province-level units (null for cities and unknown names).
 */
export function nextAgencyStep(
  kind: string,
  locality: string | null,
): {
  kind: string;
  locality: string | null;
  name: string | null;
  date: string;
  instrument: string;
  article: string;
  note: string | null;
} | null {
  const m = BY_FROM_KIND.get(kind);
  if (m && (m.central === true) === (locality === null)) {
    return {
      kind: m.toKind,
      locality,
      name: m.toName,
      date: m.date,
      instrument: m.instrument.name,
      article: m.article,
      note:
        [m.note, m.later ? `từ ${m.later.inForce}: ${m.later.name}` : null].filter(Boolean).join('; ') ||
        null,
    };
  }
  if (locality === null) return null;
  const step = [...PROVINCE_MERGERS, ...PROVINCE_RENAMES].find(
    (p) => p.from.includes(locality) && p.to !== locality,
  );
  if (!step) return null;
  return {
    kind,
    locality: step.to,
    name: null,
    date: step.date,
    instrument: step.instrument.name,
    article: step.article,
    note: null,
  };
}

/** The pre-2025 provinces merged into a post-2025 one, other than the one whose name it keeps. */
export function provincePredecessors(name: string): string[] {
  const m = [...PROVINCE_MERGERS, ...PROVINCE_RENAMES].find((x) => x.to === name);
  return m ? m.from.filter((f) => f !== name) : [];
}

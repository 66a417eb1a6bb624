/**
 * Canonical subjects of quantitative targets: what a value measures, named the same way in every
 * document so that targets compare across provinces ("Quy mô kinh tế số đạt 40% GRDP" and "tỷ trọng
 * kinh tế số trong GRDP đạt 30%" are both "kinh tế số"). A target whose wording names none of these keeps
 * its own noun phrase as subject.
 *
 * Patterns are matched on the folded form (lower case, no diacritics, đ → d, punctuation as spaces).
 */
import { fold, hasDiacritics, nfc, unifyTones } from '../text/normalize.ts';
import type { TargetMetric } from '../types.ts';

export interface TargetSubject {
  /** Canonical Vietnamese subject, lower case. */
  subject: string;
  /** English label. */
  en: string;
  /** Folded Vietnamese wording that names the subject. */
  vi: RegExp;
  /** Folded English wording of a question that names it. */
  enQuery: RegExp;
  /** The metric a percentage of this subject is (when it is not the generic share or rate). */
  percentMetric?: TargetMetric;
}

export const TARGET_SUBJECTS: readonly TargetSubject[] = [
  {
    subject: 'chi cho khoa học công nghệ',
    en: 'R&D / science and technology spending',
    vi: /\b(chi (cho|ngan sach|tu ngan sach|dau tu)|tong chi|kinh phi|dau tu cho|ngan sach|von)\b.{0,40}\b(nghien cuu( khoa hoc)?( (va )?phat trien)?|r ?& ?d|khoa hoc (va )?cong nghe|khoa hoc cong nghe|khcn)\b|\br ?& ?d\b/,
    enQuery:
      /\br ?& ?d\b|research and development|(science|technology|innovation)\w*( and technology)? (spending|expenditure|budget|investment)/,
    percentMetric: 'chi cho R&D / GRDP',
  },
  {
    subject: 'kinh tế số',
    en: 'digital economy',
    vi: /\bkinh te so\b/,
    enQuery: /\bdigital econom/,
  },
  {
    subject: 'công nghiệp sinh học',
    en: 'bio-industry',
    vi: /\bcong nghiep sinh hoc\b/,
    enQuery: /\bbio ?-?(tech\w* )?industr\w*|\bbiotech\w*/,
  },
  {
    subject: 'xã, phường không ma túy',
    en: 'drug-free communes and wards',
    vi: /\b(xa|phuong|thi tran|dac khu|don vi hanh chinh|dia ban)\b.{0,30}\bkhong (co )?(te nan )?ma tuy\b/,
    enQuery: /\bdrug ?-?free\b/,
  },
  {
    subject: 'kỹ năng số',
    en: 'digital skills',
    vi: /\bky nang so\b/,
    enQuery: /\bdigital skill/,
  },
  {
    subject: 'phủ sóng 5G',
    en: '5G coverage',
    vi: /\bphu song\b.{0,15}\b5g\b|\b(co|xay dung|lap dat)\b.{0,30}\btram (phat song |thu phat song |bts )?5g\b/,
    enQuery: /\b5g\b/,
  },
  {
    subject: 'tăng trưởng kinh tế',
    en: 'economic growth',
    vi: /^(toc do )?tang truong( kinh te| grdp| gdp| tong san pham.*)?$|\btang truong (kinh te|grdp|gdp|tong san pham)\b(?! (binh quan )?(dau nguoi|nguoi))/,
    enQuery: /\b(economic|grdp|gdp) growth\b/,
  },
  {
    // the value of output per inhabitant, a statistic of its own beside income per capita
    subject: 'GRDP bình quân đầu người',
    en: 'GRDP per capita',
    vi: /\b(grdp|gdp|tong san pham( tren dia ban| trong nuoc)?)( tinh| thanh pho)? binh quan (dau nguoi|nguoi)\b/,
    enQuery: /\b(grdp|gdp) per (capita|head)\b/,
  },
  {
    subject: 'thu nhập bình quân đầu người',
    en: 'income per capita',
    vi: /\bthu nhap binh quan (dau nguoi|nguoi)\b/,
    enQuery: /\bincome per (capita|head)\b|(?<!\b(grdp|gdp) )\bper capita\b/,
  },
  {
    subject: 'hộ nghèo',
    en: 'poor households',
    vi: /\bho ngheo\b/,
    enQuery: /\bpoor households?\b|\bpoverty\b/,
  },
  {
    subject: 'dịch vụ công trực tuyến',
    en: 'online public services',
    vi: /\bdich vu cong truc tuyen\b/,
    enQuery: /\bonline public services?\b/,
  },
  {
    subject: 'kinh tế biển',
    en: 'marine economy',
    vi: /\bkinh te bien\b/,
    enQuery: /\b(marine|ocean|blue|maritime) econom/,
  },
  {
    subject: 'đô thị hóa',
    en: 'urbanisation',
    vi: /\bdo thi hoa\b/,
    enQuery: /\burbani[sz]ation\b/,
  },
  {
    subject: 'lao động qua đào tạo',
    en: 'trained workforce',
    vi: /\blao dong qua dao tao\b/,
    enQuery: /\btrained (workers|workforce|labou?r)\b/,
  },
  {
    subject: 'che phủ rừng',
    en: 'forest cover',
    vi: /\bche phu rung\b/,
    enQuery: /\bforest cover\b/,
  },
  {
    subject: 'bảo hiểm y tế',
    en: 'health insurance coverage',
    vi: /\bbao hiem y te\b/,
    enQuery: /\bhealth insurance\b/,
  },
];

/** Folded form used by the patterns: punctuation (but "&") becomes a space. */
export function subjectKey(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}

/** The canonical subject a phrase names, or null. The first entry that matches wins. */
export function canonicalSubject(phrase: string): TargetSubject | null {
  const key = subjectKey(phrase);
  if (key === '') return null;
  return TARGET_SUBJECTS.find((s) => s.vi.test(key)) ?? null;
}

/** Canonical subjects a question names, in Vietnamese (with or without diacritics) or English. */
export function subjectsInQuestion(question: string): TargetSubject[] {
  const key = subjectKey(question);
  return TARGET_SUBJECTS.filter((s) => s.vi.test(key) || s.enQuery.test(key));
}

/** Lower case, NFC, one tone placement: the exact (accented) form a subject is compared in. */
export function subjectExact(s: string): string {
  return unifyTones(nfc(s)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** How a subject filter matches stored subjects: an exact (accented) part and/or a folded part. */
export interface SubjectQuery {
  /** Accented, lower-case part the subject must contain (the query had diacritics), or null. */
  exact: string | null;
  /** Folded part the subject must contain. */
  folded: string;
  /** The canonical subject the wording was read as, if any. */
  canonical: string | null;
}

/**
 * A subject filter: a wording of a canonical subject that is not part of its name ("R&D", "digital
 * economy", "chi ngân sách cho khoa học") is read as that subject; otherwise the text matches subjects
 * containing it — with diacritics exactly (so "kinh tế số" never matches a "kinh tế sơ"), without them
 * folded.
 */
export function subjectQuery(text: string): SubjectQuery {
  const entries = subjectsInQuestion(text);
  const folded = subjectKey(text);
  const entry = entries.length === 1 ? entries[0]! : null;
  if (entry && !subjectKey(entry.subject).includes(folded))
    return { exact: subjectExact(entry.subject), folded: fold(entry.subject), canonical: entry.subject };
  return {
    exact: hasDiacritics(text) ? subjectExact(text) : null,
    folded: fold(text).replace(/\s+/g, ' ').trim(),
    canonical: entry && subjectKey(entry.subject) === folded ? entry.subject : null,
  };
}

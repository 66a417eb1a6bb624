import { DOC_NUMBER_RE, parseDocNumber } from '../../core/vocab/docnumber.ts';
import { FIELDS, tagFields } from '../../ingest/extract/fields.ts';
import { findAgencyMention, questionLocality } from './agency-mention.ts';
import { fold } from '../../core/text/normalize.ts';
import type { TargetMetric } from '../../core/types.ts';
import { subjectsInQuestion } from '../../core/vocab/target-subjects.ts';

export type Intent = 'implements' | 'tasks_by_field' | 'tasks_by_agency' | 'targets_compare' | 'search';

export interface QuestionEntities {
  /** Number as written in the question and its canonical form. */
  number: string | null;
  field: string | null;
  /** Agency kind slug and canonical name. */
  agencyKind: string | null;
  agencyName: string | null;
  locality: string | null;
  /** Indicator keyword for target comparisons (e.g. "grdp"), used when no subject or metric is named. */
  indicator: string | null;
  /** Canonical target subject the question names ("kinh tế số", "chi cho khoa học công nghệ"). */
  subject: string | null;
  /** Target metric the question names ("tỷ trọng trong GRDP", "tốc độ tăng trưởng", "tỷ lệ"). */
  metric: TargetMetric | null;
  /** Target year asked for ("đến năm 2030", "by 2030"). */
  year: number | null;
}

export interface Understanding {
  intent: Intent;
  entities: QuestionEntities;
}

const IMPLEMENT_WORDS = /\b(thuc hien|trien khai|implement\w*|can cu|cu the hoa|carry out|carries out)\b/;
const TARGET_WORDS =
  /\b(so sanh|compare|comparison|muc tieu|chi tieu|target\w*|grdp|ty trong|share|goals?|aims?)\b/;
const TASK_WORDS = /\b(giao|nhiem vu|chu tri|phoi hop|assign\w*|task\w*|who|ai|lead\w*|responsib\w*)\b/;
/** Indicator keywords a comparison can name; the first found filters targets. */
const INDICATORS = ['grdp', 'doanh nghiep', 'san pham', 'mo hinh', 'cong nghe'];

/** English agency phrases → Vietnamese names the agency gazetteer knows. */
const ENGLISH_AGENCIES: readonly [RegExp, string][] = [
  [/\b(health department|department of health)\b/, 'Sở Y tế'],
  [
    /\b(science and technology department|department of science and technology)\b/,
    'Sở Khoa học và Công nghệ',
  ],
  [/\b(agriculture department|department of agriculture[\w ]*)\b/, 'Sở Nông nghiệp và Phát triển nông thôn'],
  [/\b(industry and trade department|department of industry and trade)\b/, 'Sở Công Thương'],
  [/\b(education department|department of education[\w ]*)\b/, 'Sở Giáo dục và Đào tạo'],
  [/\b(finance department|department of finance)\b/, 'Sở Tài chính'],
];

/** English field words beyond the taxonomy's labels (biotech questions use these). */
const ENGLISH_FIELDS: readonly [RegExp, string][] = [
  [/\b(marine|sea|ocean|maritime)\b/, 'bien'],
  [/\b(health|medical|medicine)\b/, 'y-te'],
  [/\b(agricultur\w*|farming|fisher\w*|forestry)\b/, 'nong-nghiep'],
  [/\b(environment\w*)\b/, 'moi-truong'],
  [/\b(industr\w*)\b/, 'cong-nghiep'],
  [/\b(defen[cs]e|security)\b/, 'quoc-phong-an-ninh'],
  [/\b(education|training|human resources)\b/, 'giao-duc-nhan-luc'],
];

/** Question understanding by rules, in Vietnamese (with or without diacritics) and English. */
export function understand(question: string): Understanding {
  const q = fold(question);
  const locality = questionLocality(question)?.name ?? null;
  const entities: QuestionEntities = {
    number: findNumber(question),
    field: findQuestionField(question, q),
    ...findAgency(question, q, locality),
    locality,
    indicator: INDICATORS.find((w) => q.includes(w)) ?? null,
    ...targetEntities(question, q),
  };
  return { intent: chooseIntent(q, entities), entities };
}

function chooseIntent(q: string, e: QuestionEntities): Intent {
  if (e.number && IMPLEMENT_WORDS.test(q)) return 'implements';
  if (TARGET_WORDS.test(q) && !TASK_WORDS.test(q)) return 'targets_compare';
  if (e.agencyKind && TASK_WORDS.test(q)) return 'tasks_by_agency';
  if (e.field && TASK_WORDS.test(q)) return 'tasks_by_field';
  if (TARGET_WORDS.test(q)) return 'targets_compare';
  return 'search';
}

function findNumber(question: string): string | null {
  for (const m of question.normalize('NFC').matchAll(DOC_NUMBER_RE)) {
    const parsed = parseDocNumber(m[0]);
    if (parsed) return parsed.normalized;
  }
  const short =
    /(nghị quyết|nghi quyet|resolution|kế hoạch|ke hoach|chương trình|chuong trinh)\s+(?:số\s+|so\s+|no\.?\s*)?(\d{1,4})\b/iu.exec(
      question,
    );
  if (!short) return null;
  const type = fold(short[1] ?? '');
  const word =
    type.startsWith('resolution') || type.startsWith('nghi')
      ? 'Nghị quyết'
      : type.startsWith('ke')
        ? 'Kế hoạch'
        : 'Chương trình';
  return `${word} ${short[2]}`;
}

/** The most specific field named: taxonomy keywords first (science & technology only when alone). */
function findQuestionField(question: string, folded: string): string | null {
  const tagged = tagFields(question);
  const specific = tagged.filter((s) => s !== 'khoa-hoc-cong-nghe');
  if (specific.length > 0) return specific[0]!;
  for (const [re, slug] of ENGLISH_FIELDS) if (re.test(folded)) return slug;
  const byLabel = FIELDS.find(
    (f) => f.slug !== 'khoa-hoc-cong-nghe' && new RegExp(`\\b${fold(f.en)}\\b`).test(folded),
  );
  return byLabel?.slug ?? tagged[0] ?? null;
}

function findAgency(
  question: string,
  folded: string,
  locality: string | null,
): { agencyKind: string | null; agencyName: string | null } {
  let hit = findAgencyMention(question, locality);
  if (!hit) for (const [re, n] of ENGLISH_AGENCIES) if (re.test(folded)) hit = findAgencyMention(n, locality);
  return hit ? { agencyKind: hit.kind, agencyName: hit.name } : { agencyKind: null, agencyName: null };
}

/** Metrics a question can name, first match wins (growth before share: "tăng trưởng GRDP"). */
const QUESTION_METRICS: readonly [RegExp, TargetMetric][] = [
  [/\b(tang truong|toc do tang|growth)\b/, 'tốc độ tăng trưởng'],
  [
    /\b(ty trong|dong gop|share|contribution|quy mo)\b.*\b(grdp|gdp)\b|\b(grdp|gdp)\b.*\b(share|ty trong)\b|% (of )?(grdp|gdp)/,
    'tỷ trọng trong GRDP',
  ],
  [/\b(xep hang|rank\w*)\b/, 'xếp hạng'],
  [/\b(ty le|rate|percentage|proportion)\b/, 'tỷ lệ'],
];

/** Subject, metric and year of a target comparison question. */
function targetEntities(
  question: string,
  folded: string,
): { subject: string | null; metric: TargetMetric | null; year: number | null } {
  const subjects = subjectsInQuestion(question);
  const year = /\b(?:nam|by|to|in|until|den|toi)\s+(20\d\d)\b/.exec(folded) ?? /\b(20\d\d)\b/.exec(folded);
  return {
    subject: subjects[0]?.subject ?? null,
    metric: QUESTION_METRICS.find(([re]) => re.test(folded))?.[1] ?? null,
    year: year ? Number(year[1]) : null,
  };
}

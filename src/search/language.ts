/**
 * Whether a query reads as English: only ASCII letters, and at least one English function word that
 * Vietnamese written without diacritics does not use ("cong nghe sinh hoc" is not English; "biotech
 * tasks of Hai Phong" is). English queries rarely share terms with Vietnamese passages, so the fusion
 * leans on the multilingual vectors for them.
 */
const FUNCTION_WORDS = new Set(
  (
    'the of and for with what which who whom how many much does did are was were is be been ' +
    'to from by about into on at than that this these those their its per each any all'
  ).split(' '),
);

export function looksEnglish(query: string): boolean {
  if (/[^\x20-\x7e]/.test(query)) return false;
  const words = query.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.length >= 2 && words.some((w) => FUNCTION_WORDS.has(w));
}

/**
 * Whether a query reads as English. Vietnamese typed without diacritics is still made of Vietnamese
 * syllables (onset, vowels, one of the few final consonants: "nghi quyet cua chinh phu"); most English
 * words are not ("monthly", "standard", "forest", "of"). A query of plain ASCII reads as English when at
 * least half of its words (two or more) are not Vietnamese syllables. English queries rarely share terms
 * with Vietnamese passages, so the fusion leans on the multilingual vectors for them.
 */

/** Initial consonants of a Vietnamese syllable, without diacritics (đ written d), longest first. */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
/** One to three vowels and an optional final consonant ("k" of place names: Đắk Lắk, Búk). */
const RHYME = '[aeiouy]{1,3}(?:ch|nh|ng|[cmnptk])?';
const SYLLABLE = new RegExp(`^${ONSET}${RHYME}$`);

/** Whether a lower-case ASCII word can be a Vietnamese syllable written without diacritics. */
export function isVietnameseSyllable(word: string): boolean {
  return SYLLABLE.test(word);
}

export function looksEnglish(query: string): boolean {
  if (/[^\x20-\x7e]/.test(query)) return false;
  // abbreviations ("UBND", "NQ-CP") and words without a vowel say nothing about the language
  const words = (query.match(/[A-Za-z]+/g) ?? [])
    .filter((w) => !/^[A-Z]{2,}$/.test(w))
    .map((w) => w.toLowerCase())
    .filter((w) => /[aeiouy]/.test(w));
  const foreign = words.filter((w) => !isVietnameseSyllable(w)).length;
  return foreign >= 2 && foreign * 2 >= words.length;
}

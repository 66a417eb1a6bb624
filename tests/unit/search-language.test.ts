/**
 * looksEnglish decides which queries lean on the multilingual vectors. Vietnamese: every line of the dev
 * documents typed without diacritics; English: the eval's English questions and the analysts' questions of
 * the brief.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../../core/text/normalize.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/goldens.ts';
import { loadQuestions } from '../../scripts/eval/judge.ts';
import { isVietnameseSyllable, looksEnglish } from '../../src/search/language.ts';

const questions = loadQuestions('scripts/eval/questions.json');

describe('looksEnglish', () => {
  it('reads the English questions as English and the accent-free Vietnamese ones as Vietnamese', () => {
    const english = questions.filter((q) => q.category === 'english').map((q) => q.query);
    const unaccented = questions.filter((q) => q.category === 'unaccented').map((q) => q.query);
    expect(english.filter((q) => !looksEnglish(q))).toEqual([]);
    expect(unaccented.filter((q) => looksEnglish(q))).toEqual([]);
    for (const q of ['which plans assign marine biotech to whom', 'digital economy share of GRDP by 2030'])
      expect(looksEnglish(q)).toBe(true);
  });

  it('reads almost no line of the dev documents, typed without diacritics, as English', () => {
    let lines = 0;
    let english = 0;
    for (const f of readdirSync(CORPUS_DEV).filter((x) => x.endsWith('.txt'))) {
      for (const line of readFileSync(`${CORPUS_DEV}/${f}`, 'utf8').normalize('NFC').split('\n')) {
        if (line.split(/\s+/).filter(Boolean).length < 4 || fold(line) === line.toLowerCase()) continue;
        lines++;
        if (looksEnglish(fold(line))) english++;
      }
    }
    expect(lines).toBeGreaterThan(10_000);
    // the few are lines with English terms in them ("lam sach tam wafer (wafer cleaning equipments)")
    expect(english / lines).toBeLessThan(0.002);
  });

  it('never reads text with diacritics as English', () => {
    expect(looksEnglish('Sở Y tế Hải Phòng tasks and targets')).toBe(false);
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts syllables without diacritics and refuses English words', () => {
    for (const w of ['nghieng', 'quyet', 'khuyen', 'truong', 'gia', 'dak', 'y'])
      expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['monthly', 'standard', 'forest', 'of', 'and', 'fire'])
      expect(isVietnameseSyllable(w)).toBe(false);
  });
});

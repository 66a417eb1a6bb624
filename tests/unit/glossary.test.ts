import { describe, expect, it } from 'vitest';
import { englishExpansion } from '../../src/search/glossary.ts';

describe('English query expansion', () => {
  it('adds the Vietnamese terms of domain words and field labels', () => {
    expect(englishExpansion('which plans assign marine biotech to whom')).toEqual(
      expect.arrayContaining(['công nghệ sinh học biển', 'kế hoạch']),
    );
    expect(englishExpansion('health tasks of the provinces')).toEqual(
      expect.arrayContaining(['y tế', 'nhiệm vụ', 'tỉnh']),
    );
  });

  it('leaves Vietnamese queries alone, with or without diacritics', () => {
    expect(englishExpansion('công nghệ sinh học biển')).toEqual([]);
    expect(englishExpansion('cong nghe sinh hoc bien')).toEqual([]);
    expect(englishExpansion('ke hoach thuc hien nghi quyet 189')).toEqual([]);
  });

  it('prefers the longest phrase', () => {
    const terms = englishExpansion('marine biotechnology in the plan');
    expect(terms).toContain('công nghệ sinh học biển');
    expect(terms).not.toContain('công nghệ sinh học');
  });
});

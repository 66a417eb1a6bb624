import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facetToken, passageFacets, requiredFacets } from '../../core/text/facets.ts';
import { encodeTerm, indexField, queryTerms } from '../../core/text/normalize.ts';
import { escapeLucene, luceneQuery, MAX_QUERY_TERMS } from '../../src/search/lexical.ts';

/** Undoes `escapeLucene` (a backslash makes the next character literal). */
const unescape = (s: string) => s.replace(/\\(.)/gsu, '$1');

describe('escapeLucene', () => {
  it('escapes every character with a meaning in Lucene query syntax', () => {
    expect(escapeLucene('a"b*c~d:e(f)g\\h')).toBe('a\\"b\\*c\\~d\\:e\\(f\\)g\\\\h');
    expect(escapeLucene('+-!{}[]^?/&|')).toBe('\\+\\-\\!\\{\\}\\[\\]\\^\\?\\/\\&\\|');
    expect(escapeLucene('công_nghệ #36_NQ_TW')).toBe('công_nghệ\\ #36_NQ_TW');
  });

  it('leaves no unescaped special character and can be undone, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const escaped = escapeLucene(s);
        expect(unescape(escaped)).toBe(s);
        const bare = escaped.replace(/\\./gsu, '');
        expect(bare).not.toMatch(/[+\-!(){}[\]^"~*?:\\/&|\s]/);
      }),
    );
  });
});

describe('luceneQuery', () => {
  it('boosts each term by its weight, folded terms escaped', () => {
    const q = luceneQuery(queryTerms('công nghệ'));
    expect(q).toBe('terms:(công^1 \\~cong^0.35 công_nghệ^1 \\~cong_nghe^0.35 nghệ^1 \\~nghe^0.35)');
  });

  it('writes document numbers as one token, as the stored field does', () => {
    expect(luceneQuery(queryTerms('36/NQ-TW'))).toBe('terms:(#36_NQ_TW^2)');
    expect(indexField('Nghị quyết 36-NQ/TW')).toContain(' #36_NQ_TW ');
    expect(encodeTerm('#36 NQ TW')).toBe('#36_NQ_TW');
  });

  it('has nothing to search for in punctuation or Lucene syntax alone', () => {
    expect(luceneQuery(queryTerms('"*~:(\\'))).toBeNull();
    // Lucene syntax in a query is punctuation: the same terms as with commas in its place
    expect(luceneQuery(queryTerms('"công nghệ"* ~sinh: (học) \\biển'))).toBe(
      luceneQuery(queryTerms(',công nghệ,, ,sinh, ,học, ,biển')),
    );
  });

  it('adds filters as required zero-boost facet clauses', () => {
    const facets = requiredFacets({ locality: 'Hải Phòng', year: 2023 });
    expect(facets).toEqual(['loc:hai_phong', 'year:2023']);
    expect(luceneQuery([{ term: 'biển', weight: 1 }], facets)).toBe(
      '+facets:loc\\:hai_phong^0 +facets:year\\:2023^0 +terms:(biển^1)',
    );
  });

  it('keeps the heaviest terms of a very long query', () => {
    const terms = Array.from({ length: MAX_QUERY_TERMS + 10 }, (_, i) => ({
      term: `t${i}`,
      weight: i < 5 ? 2 : 1,
    }));
    const q = luceneQuery(terms)!;
    expect(q.split('^').length - 1).toBe(MAX_QUERY_TERMS);
    expect(q).toContain('t0^2');
  });
});

describe('passage facets', () => {
  it('folds values into single tokens and matches the filters a search sends', () => {
    const facets = passageFacets({
      documentId: 'abc',
      locality: 'Hải Phòng',
      province: 'Hải Phòng',
      type: 'Kế hoạch',
      date: '2023-05-02',
      fields: ['bien', 'y-te'],
    });
    expect(facets.sort()).toEqual(
      ['doc:abc', 'field:bien', 'field:y-te', 'loc:hai_phong', 'type:ke_hoach', 'year:2023'].sort(),
    );
    const wanted = requiredFacets({
      locality: 'hai phong',
      type: 'Kế hoạch',
      field: 'bien',
      document: 'abc',
    });
    expect(wanted.every((f) => facets.includes(f))).toBe(true);
    expect(facetToken('loc', 'Lào Cai')).toBe('loc:lao_cai');
  });
});

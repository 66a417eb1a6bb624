import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY_WEIGHTS,
  docNumberKey,
  fold,
  highlightSpans,
  indexTerms,
  nfc,
  normalizeText,
  queryTerms,
  tokenize,
  unifyTones,
} from '../../core/text/normalize.ts';

const SEED_000 = readFileSync(new URL('../../corpus/000_953892a000611854.txt', import.meta.url), 'utf8');
const SEED_001 = readFileSync(new URL('../../corpus/001_599f766e9ac447fa.txt', import.meta.url), 'utf8');

/** Vietnamese-looking text: letters with every tone (composed and decomposed), digits, separators. */
const VI_CHARS = [
  ...'aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐqQhkntgc0123456789 \n\t,./-',
  ...'àáảãạòóỏõọùúủũụỳýỷỹỵÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴ',
  '\u0300',
  '\u0301',
  '\u0309',
  '\u0303',
  '\u0323',
  '\u200b',
  '\u00a0',
  '\r',
];
const viString = fc.string({ unit: fc.constantFrom(...VI_CHARS), maxLength: 60 });
const anyString = fc.oneof(viString, fc.string({ unit: 'binary', maxLength: 40 }), fc.string());

describe('unifyTones', () => {
  it.each([
    ['hoá', 'hóa'],
    ['hoà', 'hòa'],
    ['hoả', 'hỏa'],
    ['hoã', 'hõa'],
    ['hoạ', 'họa'],
    ['khoẻ', 'khỏe'],
    ['khoè', 'khòe'],
    ['thuỷ', 'thủy'],
    ['tuỳ', 'tùy'],
    ['thuý', 'thúy'],
    ['uỹ', 'ũy'],
    ['uỵ', 'ụy'],
    ['uỷ ban', 'ủy ban'],
    ['UỶ BAN', 'ỦY BAN'],
    ['HOÁ', 'HÓA'],
    ['Hoá', 'Hóa'],
    ['hOá', 'hÓa'],
    ['xoá bỏ, hoà.', 'xóa bỏ, hòa.'],
  ])('%s → %s', (input, expected) => {
    expect(unifyTones(nfc(input))).toBe(nfc(expected));
    expect(unifyTones(nfc(expected))).toBe(nfc(expected));
  });

  it.each(['hoàn', 'toán', 'quyết', 'khuyến', 'hoạch', 'ngoài', 'quý', 'quỹ', 'QUÝ', 'khuỷu', 'huỳnh'])(
    'leaves %s alone',
    (word) => expect(unifyTones(nfc(word))).toBe(nfc(word)),
  );

  it('old and new placements normalise identically', () => {
    for (const [a, b] of [
      ['hoá', 'hóa'],
      ['thuỷ', 'thủy'],
      ['uỷ ban', 'ủy ban'],
    ] as const) {
      expect(normalizeText(a)).toBe(normalizeText(b));
      expect(tokenize(a).map((t) => t.exact)).toEqual(tokenize(b).map((t) => t.exact));
    }
  });

  it('is idempotent and keeps UTF-16 length', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = unifyTones(nfc(s));
        expect(unifyTones(once)).toBe(once);
        expect(once.length).toBe(nfc(s).length);
      }),
    );
  });
});

describe('normalizeText and fold', () => {
  it('tidies whitespace and keeps case', () => {
    expect(normalizeText('  Uỷ\u200b ban\u00a0 Nhân  \r\n\r\n\r\n dân \n')).toBe('Ủy ban Nhân\n\ndân');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }),
    );
  });

  it('is NFC/NFD invariant', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(normalizeText(s.normalize('NFD'))).toBe(normalizeText(s));
      }),
    );
  });

  it('folds diacritics and đ', () => {
    expect(fold('Đổi mới CÔNG NGHỆ sinh học biển')).toBe('doi moi cong nghe sinh hoc bien');
    expect(fold('UỶ BAN')).toBe(fold('ỦY BAN'));
  });

  it('fold is idempotent and NFD invariant', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(fold(fold(s))).toBe(fold(s));
        expect(fold(s.normalize('NFD'))).toBe(fold(s));
      }),
    );
  });
});

describe('tokenize', () => {
  it('offsets slice the original input back to the token', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          const slice = s.slice(t.start, t.end);
          expect(fold(slice)).toBe(t.folded);
          expect(unifyTones(nfc(nfc(slice).toLowerCase()))).toBe(t.exact);
          last = t.end;
        }
      }),
    );
  });

  it('gives the same tokens for NFC and NFD input', () => {
    fc.assert(
      fc.property(viString, (s) => {
        const strip = (x: string) => tokenize(x).map((t) => [t.exact, t.kind]);
        expect(strip(s.normalize('NFD'))).toEqual(strip(s.normalize('NFC')));
      }),
    );
  });

  it('works on the NFD fragments of seed 001 with offsets into the raw file', () => {
    const raw = SEED_001;
    expect(raw).not.toBe(raw.normalize('NFC'));
    const tokens = tokenize(raw);
    expect(tokens.map((t) => t.exact)).toEqual(tokenize(raw.normalize('NFC')).map((t) => t.exact));
    const i = tokens.findIndex((t, j) => t.exact === 'doanh' && tokens[j + 1]?.exact === 'nghiệp');
    const hoatDong = tokens.slice(i, i + 4);
    expect(hoatDong.map((t) => t.exact)).toEqual(['doanh', 'nghiệp', 'hoạt', 'động']);
    const first = hoatDong[0];
    const lastTok = hoatDong[3];
    if (first === undefined || lastTok === undefined) throw new Error('tokens missing');
    const slice = raw.slice(first.start, lastTok.end);
    expect(slice).not.toBe(slice.normalize('NFC'));
    expect(slice.normalize('NFC')).toBe('doanh nghiệp hoạt động');
  });

  it('UỶ BAN NHÂN DÂN (seed 001) and ỦY BAN NHÂN DÂN (seed 000) give the same tokens', () => {
    const old = SEED_001.split('\n').find((l) => l.includes('BAN NHÂN DÂN')) ?? '';
    const neu = SEED_000.split('\n').find((l) => l.includes('ỦY BAN NHÂN DÂN')) ?? '';
    expect(old).toContain('UỶ BAN NHÂN DÂN');
    const strip = (s: string) => tokenize(s).map(({ exact, folded }) => ({ exact, folded }));
    expect(strip('UỶ BAN NHÂN DÂN')).toEqual(strip('ỦY BAN NHÂN DÂN'));
    expect(strip(old)).toEqual(strip(neu.replace('TM. ', '')));
  });

  it.each(['189/NQ-CP', '36-NQ/TW', '50-CTr/TU', '255/KH-UBND', '78/2025/NQ-HĐND', '09/2025/TT-BKHCN'])(
    'keeps %s as one document-number token',
    (num) => {
      const tokens = tokenize(`theo Nghị quyết số ${num}, ngày 30/01/2023`);
      const doc = tokens.filter((t) => t.kind === 'docNumber');
      expect(doc).toHaveLength(1);
      expect(doc[0]?.exact).toBe(num.toLowerCase());
      expect(tokens.slice(-3).map((t) => t.exact)).toEqual(['30', '01', '2023']);
    },
  );

  it('finds the real document numbers of seed 000', () => {
    const nums = new Set(
      tokenize(SEED_000)
        .filter((t) => t.kind === 'docNumber')
        .map((t) => t.exact),
    );
    expect(nums).toContain('36-nq/tw');
    expect(nums).toContain('50-ctr/tu');
  });
});

describe('docNumberKey', () => {
  it('canonicalises separators, case and Đ', () => {
    expect(docNumberKey('36-NQ/TW')).toBe('36 NQ TW');
    expect(docNumberKey('36/NQ-TW')).toBe('36 NQ TW');
    expect(docNumberKey('36-nq/tw')).toBe('36 NQ TW');
    expect(docNumberKey('78/2025/NQ-HĐND')).toBe('78 2025 NQ HDND');
  });
});

describe('indexTerms and queryTerms', () => {
  it('emits exact/folded unigrams, bigrams spanning stop-words, and document numbers', () => {
    const terms = indexTerms('Ứng dụng công nghệ sinh học của tỉnh, theo Nghị quyết 36-NQ/TW.');
    expect(terms).toEqual(expect.arrayContaining(['công', '~cong', 'công_nghệ', '~cong_nghe', '#36 NQ TW']));
    expect(terms).not.toContain('của');
    expect(terms).not.toContain('~cua');
    expect(terms).toEqual(expect.arrayContaining(['học_của', 'của_tỉnh']));
    expect(terms).not.toContain('tỉnh_theo'); // no bigram across the comma
    expect(terms).not.toContain('quyết_36-nq/tw');
  });

  it('weights exact terms above folded ones when the query has diacritics', () => {
    const terms = new Map(queryTerms('công nghệ').map((t) => [t.term, t.weight]));
    expect(terms.get('công')).toBe(1);
    expect(terms.get('~cong')).toBe(0.35);
    expect(terms.get('công_nghệ')).toBe(1);
    expect(terms.get('~cong_nghe')).toBe(0.35);
  });

  it('uses folded terms at full weight for a query without diacritics', () => {
    const terms = new Map(queryTerms('cong nghe').map((t) => [t.term, t.weight]));
    expect(terms.get('~cong')).toBe(1);
    expect(terms.get('~cong_nghe')).toBe(1);
    const withExact = queryTerms('cong nghe', { ...DEFAULT_QUERY_WEIGHTS, unaccentedExact: 1 });
    expect(withExact.map((t) => t.term)).toContain('cong');
    expect(terms.has('cong')).toBe(false);
  });

  it('matches document numbers written with other separators', () => {
    expect(queryTerms('36/NQ-TW')).toEqual([{ term: '#36 NQ TW', weight: 2 }]);
  });
});

describe('highlightSpans', () => {
  it('marks exact and folded matches, merging whitespace-separated words', () => {
    const text = 'Xây dựng nền công nghệ sinh học, nhất là công nghệ sinh học biển';
    const marked = highlightSpans(text, 'cong nghe bien').map((s) => text.slice(s.start, s.end));
    expect(marked).toEqual(['công nghệ', 'công nghệ', 'biển']);
  });

  it('gives offsets into NFD text and matches document numbers by key', () => {
    const spans = highlightSpans(SEED_001, 'doanh nghiệp hoạt động');
    const marked = spans.map((s) => SEED_001.slice(s.start, s.end).normalize('NFC'));
    expect(marked).toContain('doanh nghiệp hoạt động');
    const text = 'Thực hiện Nghị quyết số 36-NQ/TW của Bộ Chính trị';
    expect(highlightSpans(text, '36/NQ-TW').map((s) => text.slice(s.start, s.end))).toEqual(['36-NQ/TW']);
  });
});

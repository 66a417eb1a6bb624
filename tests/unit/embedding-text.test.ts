/**
 * The text the neural embedder reads: capitals in sentence case, the passage with its document and section.
 * Cases are lines of real dev documents.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DEV } from '../../scripts/eval-extraction/goldens.ts';
import { embeddingText, queryEmbeddingText, sentenceCaseRuns } from '../../src/search/embedding-text.ts';

const lines = (file: string) => readFileSync(`${CORPUS_DEV}/${file}`, 'utf8').normalize('NFC').split('\n');

describe('sentenceCaseRuns', () => {
  it('reads a capitalised title in sentence case (tvpl-013, tvpl-165)', () => {
    const title = lines('tvpl-013-310-KH-UBND.txt')[17] ?? '';
    expect(title).toMatch(/^PHÁT TRIỂN HẠ TẦNG 5G, IOT/u);
    expect(sentenceCaseRuns(title)).toBe('Phát triển hạ tầng 5G, iot trong các khu công nghệ cao,');
    const dispatch = lines('tvpl-165-223-CD-TTg.txt').find((l) => l.startsWith('V/V TẬP TRUNG')) ?? '';
    expect(sentenceCaseRuns(dispatch)).toMatch(/^V\/v tập trung ứng/u);
  });

  it('keeps mixed-case text, lone acronyms and numbering marks', () => {
    const mixed = 'Giao UBND tỉnh và Sở KH&CN chủ trì; áp dụng BIM bắt buộc';
    expect(sentenceCaseRuns(mixed)).toBe(mixed);
    expect(sentenceCaseRuns('II. MỤC TIÊU CỤ THỂ')).toBe('II. Mục tiêu cụ thể');
    expect(queryEmbeddingText('mandatory BIM for public investment')).toBe(
      'mandatory BIM for public investment',
    );
  });
});

describe('embeddingText', () => {
  it('puts the document’s title and locality, then the section path, before the passage', () => {
    const text = embeddingText({
      title: 'Nghị quyết quy định mức chuẩn trợ giúp xã hội',
      locality: 'Hà Nội',
      section: 'Điều 2 Mức chuẩn trợ giúp xã hội',
      text: '1. Mức chuẩn trợ giúp xã hội của thành phố Hà Nội là 650.000 đồng/tháng.',
    });
    expect(text.split('\n')).toEqual([
      'Nghị quyết quy định mức chuẩn trợ giúp xã hội (Hà Nội)',
      'Điều 2 Mức chuẩn trợ giúp xã hội',
      '1. Mức chuẩn trợ giúp xã hội của thành phố Hà Nội là 650.000 đồng/tháng.',
    ]);
  });

  it('does not repeat a locality the title names, and leaves out what is missing', () => {
    expect(
      embeddingText({
        title: 'Kế hoạch của UBND tỉnh Bắc Ninh',
        locality: 'Bắc Ninh',
        section: null,
        text: 'x',
      }),
    ).toBe('Kế hoạch của UBND tỉnh Bắc Ninh\nx');
    expect(embeddingText({ title: null, locality: null, section: '', text: 'x' })).toBe('x');
  });
});

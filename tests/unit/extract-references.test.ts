import { describe, expect, it } from 'vitest';
import { numberKey } from '../../core/vocab/docnumber.ts';
import {
  implementsKeys,
  loadDoc,
  loadGoldens,
  refKeys,
  runCase,
  typedKeys,
} from '../../scripts/eval-extraction/ref-eval.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractReferences } from '../../ingest/extract/references/index.ts';

const cases = [
  ...loadGoldens('corpus/golden', 'corpus'),
  ...loadGoldens('tests/golden/dev', '/work/shared/corpus-dev'),
];

function diff(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  return {
    missing: expected.filter((k) => !actual.includes(k)).sort(),
    extra: actual.filter((k) => !expected.includes(k)).sort(),
  };
}

const none = { missing: [], extra: [] };

describe('references against golden files', () => {
  it.each(cases.map((c) => [c.golden.file, c] as const))('%s', (_file, c) => {
    const { references } = runCase(c);
    expect({ refs: diff(refKeys(c.golden.references), refKeys(references)) }).toEqual({ refs: none });
    expect({ implements: diff(implementsKeys(c.golden.references), implementsKeys(references)) }).toEqual({
      implements: none,
    });
    expect({ types: diff(typedKeys(c.golden.references), typedKeys(references)) }).toEqual({ types: none });
  });
});

describe('reference identity and provenance', () => {
  const seed = (f: string) => {
    const doc = loadDoc(`corpus/${f}`);
    const manifest = f.startsWith('004')
      ? { file: f, locality: 'Bình Phước', province: 'Bình Phước' }
      : undefined;
    const meta = extractMeta(doc, manifest);
    return { doc, refs: extractReferences(doc, meta) };
  };

  it('gives one reference per key, with offsets into the original text and a passage', () => {
    for (const f of ['000_953892a000611854.txt', '004_ad92fe254936541e.txt']) {
      const { doc, refs } = seed(f);
      expect(new Set(refs.map((r) => r.key)).size).toBe(refs.length);
      for (const r of refs) {
        const at = doc.parsed.text.slice(r.start, r.start + 40).replace(/\s+/g, ' ');
        expect(at.startsWith(r.raw.slice(0, 20)), `${r.key} at ${r.start}`).toBe(true);
        expect(r.passageId).not.toBeNull();
      }
    }
  });

  it('scopes local party numbers to the document locality', () => {
    expect(seed('000_953892a000611854.txt').refs.map((r) => r.key)).toContain('50-CTr/TU@Hải Phòng');
    expect(seed('004_ad92fe254936541e.txt').refs.map((r) => r.key)).toContain('153-KH/TU@Bình Phước');
  });

  it('only the Bình Thuận and Bình Phước seeds implement 189/NQ-CP', () => {
    const implementers = ['000', '001', '002', '003', '004']
      .map((p) => cases.find((c) => c.golden.file.startsWith(p)))
      .filter((c) => c !== undefined)
      .filter((c) =>
        runCase(c).references.some(
          (r) => numberKey(r.number) === numberKey('189/NQ-CP') && r.relation === 'IMPLEMENTS',
        ),
      )
      .map((c) => c.golden.file.slice(0, 3));
    expect(implementers).toEqual(['001', '004']);
  });

  it('resolves the short form "Nghị quyết 36" to 36-NQ/TW and does not cite the own appendix caption', () => {
    const { refs } = seed('002_a6809dc01d79a678.txt');
    expect(refs.filter((r) => r.number === '36-NQ/TW')).toHaveLength(1);
    expect(seed('000_953892a000611854.txt').refs.map((r) => r.number)).not.toContain('255/KH-UBND');
  });

  it('reads dates and issuers stated with the mention', () => {
    const ref = seed('004_ad92fe254936541e.txt').refs.find((r) => r.number === '189/NQ-CP');
    expect(ref).toMatchObject({ date: '2023-11-16', issuer: 'Chính phủ', type: 'Nghị quyết' });
  });
});

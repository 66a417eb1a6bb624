import { describe, expect, it } from 'vitest';
import { numberKey } from '../../core/vocab/docnumber.ts';
import type { LegalReference } from '../../core/types.ts';
import {
  devRefGoldens,
  loadDoc,
  refKeys,
  relationKeys,
  runCase,
  typedKeys,
} from '../../scripts/eval-extraction/ref-eval.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractReferences } from '../../ingest/extract/references/index.ts';

const DEV = '/work/shared/corpus-dev';
const cases = devRefGoldens();

function diff(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  return {
    missing: expected.filter((k) => !actual.includes(k)).sort(),
    extra: actual.filter((k) => !expected.includes(k)).sort(),
  };
}

const none = { missing: [], extra: [] };

/** Documents whose golden relations the extractor does not reproduce yet, with the reason. */
const KNOWN: Record<string, string> = {
  // "67/2005/QĐ-UBND" in another decision's description is the golden's "67/2005/QĐ-UB" spelt with the
  // post-2004 issuer letters; the annotator listed one identity, the extractor sees two numbers.
  'tvpl-222-2830-QD-UBND.txt': 'one extra CITES for a second spelling of a repealed number',
};

describe('typed relations against the golden files', () => {
  it.each(cases.map((c) => [c.golden.file, c] as const))('%s', (file, c) => {
    const { references } = runCase(c);
    expect({ refs: diff(refKeys(c.golden.references), refKeys(references)).missing }).toEqual({ refs: [] });
    const relations = diff(relationKeys(c.golden.references), relationKeys(references));
    if (KNOWN[file] === undefined) expect({ relations }).toEqual({ relations: none });
    else expect(relations.missing).toEqual([]);
    expect({ types: diff(typedKeys(c.golden.references), typedKeys(references)).missing }).toEqual({
      types: [],
    });
  });

  it('reaches precision and recall of at least 0.97 on the dev goldens', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of cases) {
      const d = diff(relationKeys(c.golden.references), relationKeys(runCase(c).references));
      fn += d.missing.length;
      fp += d.extra.length;
      tp += c.golden.references.length - d.missing.length;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.97);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.97);
  });
});

function refsOf(path: string, manifest?: { file: string; locality: string; province: string }) {
  const doc = loadDoc(path);
  const meta = extractMeta(doc, manifest);
  return { doc, refs: extractReferences(doc, meta) };
}

const dev = (file: string) => refsOf(`${DEV}/${file}`).refs;
const seed = (file: string) =>
  refsOf(
    `corpus/${file}`,
    file.startsWith('004') ? { file, locality: 'Bình Phước', province: 'Bình Phước' } : undefined,
  );
const find = (refs: LegalReference[], number: string) =>
  refs.find((r) => numberKey(r.number) === numberKey(number));
const relationOf = (refs: LegalReference[], number: string) => find(refs, number)?.relation;

describe('where readings compete, the clause decides', () => {
  it('a resolution named only inside another document’s description is cited, not implemented', () => {
    // Bình Thuận: "Thực hiện Chương trình 64-CTr/TU … thực hiện Nghị quyết số 36-NQ/TW … và Nghị quyết số
    // 189/NQ-CP … thực hiện Nghị quyết số 36-NQ/TW": 36 only describes 64 and 189; 189 is listed beside 64
    // (both describe the same resolution), so the plan implements 64 and 189 and cites 36.
    const refs = seed('001_599f766e9ac447fa.txt').refs;
    expect(relationOf(refs, '64-CTr/TU')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '189/NQ-CP')).toBe('IMPLEMENTS');
    expect(relationOf(refs, '36-NQ/TW')).toBe('CITES');
    // Hà Nội: "Kế hoạch số 139/KH-UBND … về thực hiện Nghị quyết số 71/NQ-CP …": 71 belongs to 139.
    const hn = dev('tvpl-013-310-KH-UBND.txt');
    expect(relationOf(hn, '139/KH-UBND')).toBe('IMPLEMENTS');
    expect(relationOf(hn, '71/NQ-CP')).toBe('CITES');
  });

  it('"Căn cứ" makes laws and decrees the legal basis and policy resolutions what the document implements', () => {
    // Bình Phước: "Căn cứ Nghị quyết số 36-NQ/TW …; Căn cứ Nghị quyết số 189/NQ-CP …" are policies.
    const bp = seed('004_ad92fe254936541e.txt').refs;
    expect(relationOf(bp, '36-NQ/TW')).toBe('IMPLEMENTS');
    expect(relationOf(bp, '189/NQ-CP')).toBe('IMPLEMENTS');
    // Hà Nội resolution 63/2025: the law on local government and the decrees are its legal basis.
    const hn = dev('tvpl-067-63-2025-NQ-HDND.txt');
    expect(relationOf(hn, '72/2025/QH15')).toBe('BASED_ON');
    expect(relationOf(hn, '20/2021/NĐ-CP')).toBe('BASED_ON');
  });

  it('a decision in "Căn cứ" is a basis when it sets up the issuer, a policy when it approves a programme', () => {
    // Cần Thơ 2519: "Căn cứ Quyết định số 816/QĐ-UBND … về việc thành lập Trung tâm …" (organisation).
    expect(relationOf(dev('tvpl-238-2519-QD-UBND.txt'), '816/QĐ-UBND')).toBe('BASED_ON');
    // Cần Thơ 2610: "Căn cứ Quyết định số 749/QĐ-TTg … phê duyệt “Chương trình Chuyển đổi số quốc gia …”".
    expect(relationOf(dev('tvpl-234-2610-QD-UBND.txt'), '749/QĐ-TTg')).toBe('IMPLEMENTS');
  });

  it('"được sửa đổi, bổ sung bởi" continues the base document; "sửa đổi" of someone else is not this document’s act', () => {
    // "Căn cứ Nghị định số 20/2021/NĐ-CP …, được sửa đổi, bổ sung bởi Nghị định số 76/2024/NĐ-CP".
    expect(relationOf(dev('tvpl-067-63-2025-NQ-HDND.txt'), '76/2024/NĐ-CP')).toBe('BASED_ON');
    // Government resolution 375: "Về dự thảo Nghị quyết của Quốc hội sửa đổi, bổ sung … Nghị quyết số
    // 136/2024/QH15": the draft amends 136, the Government resolution only cites it.
    expect(relationOf(dev('tvpl-081-375-NQ-CP.txt'), '136/2024/QH15')).toBe('CITES');
  });

  it('reads repeals in the title, in article lists and after "hết hiệu lực", and replacements by "<loại> này"', () => {
    expect(relationOf(dev('tvpl-130-45-2025-TT-BYT.txt'), '31/2015/TT-BYT')).toBe('REPEALS');
    const dn = dev('tvpl-222-2830-QD-UBND.txt');
    expect(dn.filter((r) => r.relation === 'REPEALS')).toHaveLength(53);
    // Article 1 "Áp dụng …" lists decisions that stay in force: cited.
    expect(relationOf(dn, '28/2016/QĐ-UBND')).toBe('CITES');
    const hn = dev('tvpl-053-78-2025-NQ-HDND.txt');
    expect(find(hn, '22/2024/NQ-HĐND')).toMatchObject({ relation: 'REPEALS', partial: true });
    expect(find(hn, '01/2024/NQ-HĐND')).toMatchObject({ relation: 'REPEALS', partial: false });
    expect(relationOf(dev('tvpl-055-83-2025-NQ-HDND.txt'), '32/2024/NQ-HĐND')).toBe('REPLACES');
  });
});

describe('evidence, identity and the implementation chain', () => {
  it('gives one reference per key, with offsets into the original text, a passage and its evidence clause', () => {
    for (const f of ['000_953892a000611854.txt', '004_ad92fe254936541e.txt']) {
      const { doc, refs } = seed(f);
      expect(new Set(refs.map((r) => r.key)).size).toBe(refs.length);
      for (const r of refs) {
        const at = doc.parsed.text.slice(r.start, r.start + 40).replace(/\s+/g, ' ');
        expect(at.startsWith(r.raw.slice(0, 20)), `${r.key} at ${r.start}`).toBe(true);
        expect(r.passageId).not.toBeNull();
        expect(r.evidence.replace(/\s+/g, ' ')).toContain(r.raw.split(' ').pop());
      }
    }
    const basis = find(dev('tvpl-115-32-2025-TT-BKHCN.txt'), '71/2025/QH15');
    expect(basis?.evidence).toMatch(/^Căn cứ Luật Công nghiệp công nghệ số 71\/2025\/QH15/u);
  });

  it('records what a listed document is described as implementing (the chain, asserted by this text)', () => {
    const bt = seed('001_599f766e9ac447fa.txt').refs;
    expect(find(bt, '64-CTr/TU')?.implements).toEqual(['36-NQ/TW']);
    expect(find(bt, '189/NQ-CP')?.implements).toEqual(['36-NQ/TW']);
    // Đồng Tháp: "Kế hoạch số 283/KH-UBND … về thực hiện Nghị quyết số 71/NQ-CP … và Chương trình hành động
    // số 10-CTr/TU …": both are objects of the same "thực hiện".
    const dt = find(dev('tvpl-008-552-KH-UBND.txt'), '283/KH-UBND');
    expect(dt?.implements).toEqual(['71/NQ-CP', '10-CTr/TU@Đồng Tháp']);
  });

  it('scopes local party numbers to the document locality', () => {
    expect(seed('000_953892a000611854.txt').refs.map((r) => r.key)).toContain('50-CTr/TU@Hải Phòng');
    expect(seed('004_ad92fe254936541e.txt').refs.map((r) => r.key)).toContain('153-KH/TU@Bình Phước');
  });

  it('only the Bình Thuận and Bình Phước seeds implement 189/NQ-CP', () => {
    const implementers = ['000', '001', '002', '003', '004']
      .map((p) => cases.find((c) => c.golden.file.startsWith(p)))
      .filter((c) => c !== undefined)
      .filter((c) => relationOf(runCase(c).references, '189/NQ-CP') === 'IMPLEMENTS')
      .map((c) => c.golden.file.slice(0, 3));
    expect(implementers).toEqual(['001', '004']);
  });

  it('resolves the short form "Nghị quyết 36" to 36-NQ/TW and does not cite the own appendix caption', () => {
    const { refs } = seed('002_a6809dc01d79a678.txt');
    expect(refs.filter((r) => r.number === '36-NQ/TW')).toHaveLength(1);
    expect(seed('000_953892a000611854.txt').refs.map((r) => r.number)).not.toContain('255/KH-UBND');
  });

  it('reads dates, issuers and types stated with the mention', () => {
    const ref = find(seed('004_ad92fe254936541e.txt').refs, '189/NQ-CP');
    expect(ref).toMatchObject({ date: '2023-11-16', issuer: 'Chính phủ', type: 'Nghị quyết' });
    // "Quy định số 178-QĐ/TW": the Party's "QĐ" is a regulation when the text says so.
    expect(find(dev('tvpl-020-141-KH-UBND.txt'), '178-QĐ/TW')?.type).toBe('Quy định');
  });
});

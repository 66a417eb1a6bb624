/**
 * The same references and attributes from a document that writes them otherwise: "Nghị quyết 36-NQ/TW"
 * without "số", "NQ số 189/NQ-CP" with the type abbreviated, "36-NQ/TW, ngày …" with a comma, dates in
 * words ("ngày 22 tháng 5 năm 2023"), the old tone placement, "CĂN CỨ" in capitals. Each dev document with
 * a relations golden (never a held-out one) written so must give the same typed relations (number and
 * relation) and the same metadata. The abbreviated type word ("NQ số …" in a "Căn cứ" read as a mere
 * citation) and the appendix caption dated in words were found this way. No dev document amends another,
 * so the acts of amending documents are checked on tvpl-200's closing act written in each of their forms.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  devRefGoldens,
  loadDoc,
  META_FIELDS,
  metaValue,
  relationKeys,
  runCase,
  type GoldenCase,
} from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/task-eval.ts';
import { copyWriter } from '../helpers/facts.ts';

const written = copyWriter('references');

const TYPE_WORD = '(Nghị quyết|Quyết định|Kế hoạch|Nghị định|Thông tư|Chỉ thị|Kết luận)';
const WRITINGS: Record<string, (text: string) => string> = {
  'without "số"': (t) => t.replace(new RegExp(`${TYPE_WORD} số (\\d)`, 'gu'), '$1 $2'),
  'with type words abbreviated': (t) =>
    t.replace(/Nghị quyết số (\d)/gu, 'NQ số $1').replace(/Quyết định số (\d)/gu, 'QĐ số $1'),
  'with a comma before the date': (t) => t.replace(/(\d[\w/.-]*\/[A-ZĐ][\w-]*) ngày (\d)/gu, '$1, ngày $2'),
  'with dates in words': (t) => t.replace(/ngày (\d{1,2})\/(\d{1,2})\/(20\d\d)/gu, 'ngày $1 tháng $2 năm $3'),
  'with the old tone placement': (t) =>
    t.replace(/ủy/gu, 'uỷ').replace(/Ủy/gu, 'Uỷ').replace(/hóa/gu, 'hoá').replace(/òa/gu, 'oà'),
  'with "CĂN CỨ" in capitals': (t) => t.replace(/^Căn cứ/gmu, 'CĂN CỨ'),
};

function facts(c: GoldenCase) {
  const { meta, references } = runCase(c);
  const values = meta as unknown as Record<string, string | null>;
  return {
    relations: relationKeys(references).sort(),
    meta: META_FIELDS.map((f) => [f, metaValue(f, values[f] ?? null)]),
  };
}

const CASES = devRefGoldens();

describe('the same references from a document that writes them otherwise', () => {
  it('there are documents to compare', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES.flatMap((c) => Object.keys(WRITINGS).map((w) => [c.golden.file, w, c] as const)))(
    '%s: the same relations and attributes %s',
    (file, name, c) => {
      const text = loadDoc(c.source).parsed.text;
      const variant = WRITINGS[name]!(text);
      if (variant === text) return; // nothing this writing changes
      const copy = written(file, name, variant);
      expect(facts({ ...c, source: copy })).toEqual(facts(c));
    },
  );
});

/* ------------------------------------------------------------------ acts on another document */

/** tvpl-200's closing act ("3. Quyết định này thay thế Quyết định số 29/2020/QĐ-UBND …") written otherwise. */
const REPLACED =
  /Quyết định này thay thế Quyết định số 29\/2020\/QĐ-UBND ngày 18 tháng 8 năm 2020\ncủa Ủy ban nhân dân tỉnh\./u;
const OLD = 'Quyết định số 29/2020/QĐ-UBND ngày 18 tháng 8 năm 2020 của Ủy ban nhân dân tỉnh';
const ACTS: [string, string][] = [
  [`Quyết định này thay thế ${OLD}.`, 'REPLACES'],
  [`${OLD} hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.`, 'REPEALS'],
  [`Bãi bỏ Điều 5 và Điều 6 của Quy chế ban hành kèm theo ${OLD}.`, 'REPEALS'],
  [`Sửa đổi, bổ sung một số điều của Quy chế ban hành kèm theo ${OLD}.`, 'AMENDS'],
  [`Khoản 2 Điều 3 ${OLD} được sửa đổi, bổ sung như sau:`, 'AMENDS'],
  [
    `Thay thế cụm từ "Sở Nông nghiệp và Phát triển nông thôn" bằng cụm từ "Sở Nông nghiệp và Môi trường" tại ${OLD}.`,
    'AMENDS',
  ],
  [`Bãi bỏ cụm từ "huyện" tại Điều 4 ${OLD}.`, 'AMENDS'],
  [`Quyết định này hướng dẫn thi hành ${OLD}.`, 'GUIDES'],
];

describe('an act on another document, in the forms amending documents use', () => {
  const file = 'tvpl-200-96-2025-QD-UBND.txt';
  const c: GoldenCase = {
    golden: { file, meta: {} as GoldenCase['golden']['meta'], references: [] },
    source: path.join(CORPUS_DEV, file),
  };
  it.each(ACTS)('tvpl-200 with "%s" relates to 29/2020/QĐ-UBND as %s', (sentence, relation) => {
    const text = loadDoc(c.source).parsed.text;
    expect(text).toMatch(REPLACED);
    const copy = written(
      file,
      `act ${ACTS.findIndex(([s]) => s === sentence)}`,
      text.replace(REPLACED, sentence),
    );
    const refs = runCase({ ...c, source: copy }).references.filter((r) => r.number.includes('29/2020'));
    expect(refs.map((r) => r.relation)).toEqual([relation]);
  });
});

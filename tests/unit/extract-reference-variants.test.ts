/**
 * The same references and attributes from a document that writes them otherwise: "Nghị quyết 36-NQ/TW"
 * without "số", "NQ số 189/NQ-CP" with the type abbreviated, "36-NQ/TW, ngày …" with a comma, dates in
 * words ("ngày 22 tháng 5 năm 2023"), the old tone placement, "CĂN CỨ" in capitals. Each dev document with
 * a relations golden (never a held-out one) written so must give the same typed relations (number and
 * relation) and the same metadata. The abbreviated type word ("NQ số …" in a "Căn cứ" read as a mere
 * citation) and the appendix caption dated in words were found this way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const dir = mkdtempSync(path.join(tmpdir(), 'references-'));

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
      const copy = path.join(dir, `${name.replace(/\W+/gu, '-')}-${file}`);
      writeFileSync(copy, variant);
      expect(facts({ ...c, source: copy })).toEqual(facts(c));
    },
  );
});

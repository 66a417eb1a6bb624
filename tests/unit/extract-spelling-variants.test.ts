/**
 * The same document spelled otherwise, as copies of real plans are: agency names abbreviated ("Sở KH&CN",
 * "UBND", "HĐND"), the old tone placement ("Uỷ ban", "hoá"), decomposed Unicode (NFD), dates written
 * "15-12-2026", ranges with an en dash, "UBND Tỉnh" capitalised. Each annotated dev document (never a held-out
 * one) spelled so must give the same facts once spelling is set aside: each task's title (abbreviations
 * expanded, folded), lead and coordinating agency keys and normalised deadline, and each target's metric,
 * value, unit and year. The old tone placement was found this way: "Uỷ ban nhân dân cấp xã" led no task
 * until the extractors read the text with one tone placement (canonicalDoc; passages keep the text as
 * written).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDeadline } from '../../ingest/extract/tasks/deadline.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV, runGolden, titleKey } from '../../scripts/eval-extraction/task-eval.ts';
import { ANNOTATED_DEV, copyWriter } from '../helpers/facts.ts';

const written = copyWriter('spelling');

/** Facts with spelling set aside. */
function spellingFreeFacts(file: string) {
  const { tasks, targets } = runGolden(file);
  return {
    tasks: tasks.map((t) => {
      const due = t.deadlineNorm;
      return [
        titleKey(t.title).slice(0, 30),
        t.lead.map((a) => a.key),
        t.coordinating.map((a) => a.key),
        due ? [due.kind, due.from ?? null, due.to ?? null, due.quarter ?? null] : null,
      ];
    }),
    targets: targets.map((t) => [t.metric, t.value, t.valueMin, t.valueMax, t.unit, t.year]),
  };
}

const ABBREVIATED: readonly [RegExp, string][] = [
  [/Sở Khoa học và Công nghệ/gu, 'Sở KH&CN'],
  [/Sở Thông tin và Truyền thông/gu, 'Sở TT&TT'],
  [/Sở Nông nghiệp và Môi trường/gu, 'Sở NN&MT'],
  [/Sở Giáo dục và Đào tạo/gu, 'Sở GD&ĐT'],
  [/Sở Văn hóa, Thể thao và Du lịch/gu, 'Sở VHTTDL'],
  [/Ủy ban nhân dân/gu, 'UBND'],
  [/Hội đồng nhân dân/gu, 'HĐND'],
];

const SPELLINGS: Record<string, (text: string) => string> = {
  'with agency names abbreviated': (t) => ABBREVIATED.reduce((s, [re, short]) => s.replace(re, short), t),
  'with the old tone placement': (t) =>
    t
      .replace(/ủy/gu, 'uỷ')
      .replace(/Ủy/gu, 'Uỷ')
      .replace(/hóa/gu, 'hoá')
      .replace(/òa/gu, 'oà')
      .replace(/óa/gu, 'oá'),
  'in decomposed Unicode (NFD)': (t) => t.normalize('NFD'),
  'with dates written 15-12-2026': (t) => t.replace(/\b(\d{1,2})\/(\d{1,2})\/(20\d\d)\b/gu, '$1-$2-$3'),
  'with year ranges written 2026–2030': (t) => t.replace(/(20\d\d)\s*-\s*(20\d\d)/gu, '$1–$2'),
  'with "UBND Tỉnh" capitalised': (t) => t.replace(/(UBND|Ủy ban nhân dân) tỉnh/gu, '$1 Tỉnh'),
};

describe('the same facts from a document spelled otherwise', () => {
  it('there are documents to compare', () => {
    expect(ANNOTATED_DEV.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ANNOTATED_DEV.flatMap((f) => Object.keys(SPELLINGS).map((v) => [f, v] as const)))(
    '%s: the same tasks and targets %s',
    (file, name) => {
      const source = path.join(CORPUS_DEV, file);
      const text = loadDoc(source).parsed.text;
      const variant = SPELLINGS[name]!(text);
      if (variant === text) return; // nothing this spelling changes
      const copy = written(file, name, variant);
      expect(spellingFreeFacts(copy)).toEqual(spellingFreeFacts(source));
    },
  );
});

describe('what the spellings exposed', () => {
  it('"15-12-2026" and "15.12.2026" are dates as "15/12/2026" is', () => {
    for (const d of ['15-12-2026', '15.12.2026', 'Trước 15/12/2026'])
      expect(normalizeDeadline(d)).toMatchObject({ kind: 'date', from: 2026, to: 2026 });
  });

  it('"đến hết năm 2030" and "đến cuối năm 2030" set the same horizon as "đến năm 2030" (every dev document)', () => {
    let compared = 0;
    for (const file of ANNOTATED_DEV) {
      const source = path.join(CORPUS_DEV, file);
      const text = loadDoc(source).parsed.text;
      const want = spellingFreeFacts(source).targets;
      for (const word of ['hết', 'cuối']) {
        const variant = text.replace(/(đến|Đến) năm (20\d\d)/gu, `$1 ${word} năm $2`);
        if (variant === text || want.length === 0) continue;
        const copy = written(file, word, variant);
        expect(spellingFreeFacts(copy).targets, `${file} with "đến ${word} năm"`).toEqual(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('tvpl-172: "Uỷ ban nhân dân cấp xã" (old tone placement) leads the same tasks as "Ủy ban nhân dân cấp xã"', () => {
    const file = 'tvpl-172-95-2025-QD-UBND.txt';
    const source = path.join(CORPUS_DEV, file);
    const old = SPELLINGS['with the old tone placement']!(loadDoc(source).parsed.text);
    expect(old).toContain('Uỷ ban nhân dân cấp xã');
    const copy = written(file, 'old tones', old);
    const communes = (f: string): number =>
      runGolden(f).tasks.filter((t) => t.lead.some((a) => a.key.startsWith('group:uy-ban-nhan-dan-cap-xa')))
        .length;
    expect(communes(source)).toBeGreaterThanOrEqual(3);
    expect(communes(copy)).toBe(communes(source));
  });
});

/**
 * A responsibility block's heading written as other documents write it: "3. Sở Y tế:" as "3. Đối với Sở Y
 * tế:", "3. Trách nhiệm của Sở Y tế:", "3. Nhiệm vụ của Sở Y tế:", "3. Sở Y tế chịu trách nhiệm:", "3. Giao
 * Sở Y tế:" or a bare "3. Sở Y tế". The seeds' and dev plans' own headings are re-written so and must give
 * the same duties with the same leads. "Đối với …" outside the parts that assign duties lists what applies
 * to a body (criteria of an emulation plan), not its duties.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../core/types.ts';
import { isOrganisation, splitAgencies } from '../../ingest/extract/agencies/index.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTasks } from '../../ingest/extract/tasks/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV, runGolden, titleKey } from '../../scripts/eval-extraction/task-eval.ts';

/** "3. Sở Y tế:", "b) Sở Y tế có trách nhiệm:", "2. Ủy ban nhân dân các xã" — a paragraph naming one block's agency. */
const HEAD =
  /^(\d{1,2}\.|[a-zđ]\))(\s+)((?:Sở|UBND|Ủy ban nhân dân|Công an|Ban|Văn phòng|Đài|Báo|Bộ Chỉ huy|Các sở|Bộ|Thanh tra|Trung tâm|Kho bạc)\s[^\n:.;]{2,90}?)(\s*(?:có trách nhiệm)?\s*:?\s*)$/u;

const FORMS: Record<string, (a: string) => string> = {
  'Đối với X:': (a) => `Đối với ${a}:`,
  'Trách nhiệm của X:': (a) => `Trách nhiệm của ${a}:`,
  'Nhiệm vụ của X:': (a) => `Nhiệm vụ của ${a}:`,
  'Giao X:': (a) => `Giao ${a}:`,
  'X (no colon)': (a) => a,
};

const key = (t: Task): string => `${titleKey(t.title).slice(0, 25)}|${t.lead.map((a) => a.key).join('+')}`;

describe.each([
  ['seed 000 (Hải Phòng)', path.resolve('corpus', '000_953892a000611854.txt')],
  ['tvpl-021', path.join(CORPUS_DEV, 'tvpl-021-1026-KH-UBND.txt')],
  ['tvpl-032', path.join(CORPUS_DEV, 'tvpl-032-010-CT-UBND.txt')],
])('%s: its responsibility headings written otherwise', (_, file) => {
  const doc = loadDoc(file);
  const meta = extractMeta(doc);
  const paras = doc.parsed.text.split(/\n\s*\n/u).map((p) => p.replace(/\s*\n\s*/gu, ' ').trim());
  const heads = paras.map((p) => {
    const h = HEAD.exec(p);
    return h && splitAgencies(h[3]!).every(isOrganisation) ? h : null;
  });
  const redo = (text: string): Task[] =>
    extractTasks(structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }), meta);
  const base = new Set(redo(paras.join('\n\n')).map(key));
  it.each(Object.entries(FORMS))('as "%s" gives the same duties and leads', (_name, form) => {
    const text = paras.map((p, i) => (heads[i] ? `${heads[i][1]}${heads[i][2]}${form(heads[i][3]!)}` : p));
    const got = new Set(redo(text.join('\n\n')).map(key));
    expect(heads.filter(Boolean).length).toBeGreaterThan(2);
    expect([...base].filter((k) => !got.has(k))).toEqual([]);
  });
});

describe('"Đối với X" outside the parts that assign duties', () => {
  it('tvpl-019: "1. Tiêu chí thi đua — b) Đối với Ủy ban Mặt trận …, c) Đối với các cơ quan …" lists criteria, not tasks', () => {
    const { tasks } = runGolden(path.join(CORPUS_DEV, 'tvpl-019-982-KH-UBND.txt'));
    expect(
      tasks.filter((t) =>
        /^(?:Tổ chức sâu rộng các phong trào thi đua|Sản xuất kinh doanh hiệu quả)/u.test(t.title),
      ),
    ).toEqual([]);
  });
});

/**
 * Charters and organisation rules written otherwise: the article that says what the governed body is
 * ("Vị trí, chức năng", "Chức năng", "Tên gọi, địa vị pháp lý"), the article that lists its duties
 * ("Nhiệm vụ", "Nhiệm vụ chủ yếu", "Nhiệm vụ, quyền hạn về tài chính"), an intro ending "sau đây:",
 * a responsibility heading in lower case or with the field of the duties ("… của Quỹ về tài chính"), and a
 * heading naming only a kind of body ("… của sở về …"), which leads nothing. Each is a re-print of a real
 * document (tvpl-207, the charter of a fund; tvpl-217, a rule with "Trách nhiệm của X" articles) that must
 * give the same duties and leads as the document as written, or, for the bare kind, no duty at all.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../core/types.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTasks } from '../../ingest/extract/tasks/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV, titleKey } from '../../scripts/eval-extraction/task-eval.ts';

const key = (t: Task): string => `${titleKey(t.title).slice(0, 30)}|${t.lead.map((a) => a.key).join('+')}`;

function reprints(file: string): { base: string[]; as: (from: string, to: string) => string[] } {
  const doc = loadDoc(path.join(CORPUS_DEV, file));
  const meta = extractMeta(doc);
  const run = (text: string): string[] =>
    extractTasks(structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }), meta).map(key);
  return {
    base: run(doc.parsed.text),
    as: (from, to) => {
      expect(doc.parsed.text).toContain(from);
      return run(doc.parsed.text.split(from).join(to));
    },
  };
}

describe('tvpl-207 (charter of a fund) written otherwise gives the same duties and leads', () => {
  const { base, as } = reprints('tvpl-207-2696-QD-UBND.txt');
  const fundDuties = (keys: string[]) => keys.filter((k) => k.endsWith('|quy-bao-ve-moi-truong@Quảng Trị'));
  it('the document as written: the fund leads the duties of "Điều 3. Nhiệm vụ"', () => {
    expect(fundDuties(base).length).toBeGreaterThanOrEqual(9);
  });
  it.each([
    ['Điều 1. Vị\ntrí chức năng', 'Điều 1. Chức năng'],
    ['Điều 1. Vị\ntrí chức năng', 'Điều 1. Tên gọi, địa vị pháp lý'],
    ['Điều 1. Vị\ntrí chức năng', 'Điều 1. Vị trí pháp lý'],
    ['Điều 3.\nNhiệm vụ\n', 'Điều 3.\nNhiệm vụ chủ yếu\n'],
    ['Điều 3.\nNhiệm vụ\n', 'Điều 3.\nNhiệm vụ, quyền hạn về tài chính\n'],
    ['Điều 3.\nNhiệm vụ\n', 'Điều 3. Nhiệm vụ, quyền hạn của Quỹ về tài chính\n'],
    [
      'Hằng năm, Quỹ Bảo vệ môi trường\ncó trách nhiệm:',
      'Hằng năm, Quỹ Bảo vệ môi trường\nthực hiện các nhiệm vụ sau đây:',
    ],
  ])('"%s" written "%s"', (from, to) => {
    expect(as(from, to)).toEqual(base);
  });
});

describe('tvpl-217: "Trách nhiệm của X" articles written otherwise', () => {
  const { base, as } = reprints('tvpl-217-79-2025-QD-UBND.txt');
  const heading = 'Điều\n11. Trách nhiệm của Sở Khoa học và Công nghệ';
  const ofDepartment = (keys: string[]) =>
    keys.filter((k) => k.endsWith('|so-khoa-hoc-va-cong-nghe@Bắc Ninh'));
  it('in lower case ("Trách nhiệm của sở khoa học và công nghệ"): the same duties and leads', () => {
    expect(ofDepartment(base).length).toBeGreaterThanOrEqual(9);
    expect(as(heading, 'Điều\n11. Trách nhiệm của sở khoa học và công nghệ')).toEqual(base);
  });
  it('naming only a kind of body ("… của sở về quản lý hệ thống thư điện tử"): no duty is led by a bare "Sở"', () => {
    const got = as(heading, 'Điều\n11. Nhiệm vụ, quyền hạn của sở về quản lý hệ thống thư điện tử');
    expect(got.filter((k) => /\|so@/u.test(k))).toEqual([]);
    expect(ofDepartment(got).length).toBeLessThan(ofDepartment(base).length);
  });
});

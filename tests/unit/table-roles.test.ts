/**
 * Column roles of duty tables on real documents whose header is worded as an unseen document might word
 * it: the seeds' appendix tables with their header labels replaced give the same rows (lead,
 * coordinating agencies, deadline) as the original. Synonyms the label vocabulary knows ("Cơ quan đầu
 * mối", "Đơn vị chịu trách nhiệm", "Giai đoạn") are read by label; labels it cannot know ("Cùng tham
 * gia", "Mốc") by what their cells hold — a column of times is the deadline, a column of bodies after
 * the lead the coordinating agencies.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extract } from '../../ingest/extract/index.ts';
import { columnRole, readTables } from '../../ingest/extract/text/tables.ts';
import { parse } from '../../ingest/parse/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { TEST_PARSE_OPTIONS } from '../helpers/parse.ts';

async function appendixRows(name: string, text: string) {
  const bytes = Buffer.from(text, 'utf8');
  const parsed = await parse({ path: name, name, bytes }, TEST_PARSE_OPTIONS);
  const ex = extract(structure({ parsed, contentHash: contentHash(bytes) }));
  return ex.tasks
    .filter((t) => t.row !== null)
    .map((t) => ({
      row: t.row,
      lead: t.lead.map((a) => a.key),
      coordinating: t.coordinating.map((a) => a.key),
      deadline: t.deadline,
    }));
}

const seed = (f: string) => readFile(`corpus/${f}`, 'utf8');
const HAI_PHONG = '000_953892a000611854.txt';
const LAO_CAI = '003_6bb3cc9c64edf399.txt';
const HAI_PHONG_HEADER =
  '| TT | Tên đề án, nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm | Thời gian hoàn thành |';
const LAO_CAI_HEADER = 'TT\tNhiệm vụ chính\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian/ lộ trình thực hiện';

describe('duty table columns worded otherwise', () => {
  it('reads lead, coordinating and deadline synonyms by their labels', () => {
    expect(
      ['Cơ quan đầu mối', 'Đơn vị chịu trách nhiệm', 'Trách nhiệm thực hiện', 'Cơ quan tham mưu'].map(
        columnRole,
      ),
    ).toEqual(['lead', 'lead', 'lead', 'lead']);
    expect(['Giai đoạn', 'Năm thực hiện', 'Hình thức văn bản'].map(columnRole)).toEqual([
      'deadline',
      'deadline',
      'product',
    ]);
    // a title that names drafting is a duty, not the body that drafts
    expect(columnRole('Nhiệm vụ soạn thảo')).toBe('title');
  });

  it('Hải Phòng: the same 19 appendix rows with "Cơ quan đầu mối", "Cùng tham gia" and "Mốc" as labels', async () => {
    const text = await seed(HAI_PHONG);
    expect(text).toContain(HAI_PHONG_HEADER);
    const reworded = text.replace(
      HAI_PHONG_HEADER,
      '| TT | Tên đề án, nhiệm vụ | Cơ quan đầu mối | Cùng tham gia | Sản phẩm | Mốc |',
    );
    const [before, after] = await Promise.all([
      appendixRows(HAI_PHONG, text),
      appendixRows(HAI_PHONG, reworded),
    ]);
    expect(before).toHaveLength(19);
    expect(after).toEqual(before);
    const table = readTables(reworded).find((t) => t.kind === 'tasks')!;
    expect(table.roles).toEqual(['tt', 'title', 'lead', 'coordinating', 'product', 'deadline']);
  });

  it('Lào Cai: the same 22 appendix rows with "Đơn vị chịu trách nhiệm" and an unlabelled deadline column', async () => {
    const text = await seed(LAO_CAI);
    expect(text).toContain(LAO_CAI_HEADER);
    const reworded = text.replace(
      LAO_CAI_HEADER,
      'TT\tNhiệm vụ chính\tĐơn vị chịu trách nhiệm\tCơ quan phối hợp\tKỳ hạn',
    );
    const [before, after] = await Promise.all([appendixRows(LAO_CAI, text), appendixRows(LAO_CAI, reworded)]);
    expect(before).toHaveLength(22);
    expect(after).toEqual(before);
  });

  it('does not make a duty table of processing steps that name bodies and times but no lead column (tvpl-276)', async () => {
    const text = (await readFile('../shared/corpus-dev/tvpl-276-138-2025-QD-UBND.txt', 'utf8')).normalize(
      'NFC',
    );
    const steps = readTables(text).filter((t) => t.header.includes('Nội dung công việc'));
    expect(steps.length).toBeGreaterThan(0);
    for (const t of steps) expect(t.kind).not.toBe('tasks');
  });
});

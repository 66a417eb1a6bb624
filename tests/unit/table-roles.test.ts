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
import { splitLostBoundary } from '../../ingest/extract/text/table-cells.ts';
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

  it.each([
    'Đơn vị phụ trách',
    'Cơ quan được giao',
    'Cơ quan trình',
    'Chủ thể thực hiện',
    'Lực lượng thực hiện',
    'Cơ quan tổ chức thực hiện',
    'Trách nhiệm',
    'Thực hiện',
  ])('"%s" labels the lead column', (label) => expect(columnRole(label)).toBe('lead'));

  it.each(['Lãnh đạo phụ trách', 'Người thực hiện', 'Thực hiện năm 2024', 'Kinh phí thực hiện'])(
    '"%s" is not the lead column',
    (label) => expect(columnRole(label)).not.toBe('lead'),
  );

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

/**
 * A tab that printed one space wide: two cells of a duty row run together at a sentence end and the row
 * ends with an empty cell. Lào Cai's appendix with the tab after every title that ends in a full stop, and
 * after every coordinating cell that ends in one, turned into a space (as its plain-text PDF shows for
 * rows 4, 14, 16 and 22) gives the text's 22 rows.
 */
describe('duty rows whose cell boundary the page lost', () => {
  it('Lào Cai: the same 22 rows when a title or a coordinating cell runs into the next cell', async () => {
    const text = await seed(LAO_CAI);
    let joined = 0;
    const lossy = text.replace(
      /^(\d+\t[^\t\n]+\.)\t([^\t\n]+)\t([^\t\n]+)\t([^\t\n]+)$/gmu,
      (_m, a, b, c, d) => {
        joined++;
        // odd rows lose the title's tab, even rows the coordinating cell's
        return joined % 2 ? `${a} ${b}\t${c}\t${d}\t` : `${a}\t${b}\t${c} ${d}\t`;
      },
    );
    expect(joined).toBeGreaterThanOrEqual(4);
    const [before, after] = await Promise.all([appendixRows(LAO_CAI, text), appendixRows(LAO_CAI, lossy)]);
    expect(before).toHaveLength(22);
    expect(after).toEqual(before);
  });

  it('keeps a row whose cells would not fit their columns after a split', () => {
    const roles = ['tt', 'title', 'lead', 'coordinating', 'deadline'] as const;
    // "Sở Y tế hướng dẫn …" could lead, but "Sở Tài chính" would then be a deadline
    const row = [
      '5',
      'Kiện toàn mạng lưới y tế cơ sở. Sở Y tế hướng dẫn thực hiện',
      'Sở Y tế',
      'Sở Tài chính',
      '',
    ];
    expect(splitLostBoundary(row, [...roles])).toEqual(row);
    // two boundaries that would both fit: ambiguous, left as it is
    const two = ['6', 'Rà soát quy hoạch. Sở Xây dựng', 'Sở Nội vụ. Sở Tư pháp', 'Năm 2026', ''];
    expect(splitLostBoundary(two, [...roles])).toEqual(two);
  });
});

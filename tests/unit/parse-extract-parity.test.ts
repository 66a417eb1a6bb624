/**
 * Documents as they really arrive: the PDF and DOCX renderings of seeds 000 (Hải Phòng) and 003 (Lào Cai)
 * go through parse → structure → extract and must give what the golden files say of the text version
 * (every appendix row with its lead, coordinating agencies and deadline, all targets, the same references and
 * IMPLEMENTS relations, the document's type/number/locality). The Hải Phòng PDF also has to put passages
 * and appendix tasks on the page where `pdftotext` shows them.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyKey } from '../../ingest/extract/agencies/index.ts';
import { extract } from '../../ingest/extract/index.ts';
import {
  implementsKeys,
  refKeys,
  typedKeys,
  type Golden as RefGolden,
} from '../../scripts/eval-extraction/ref-eval.ts';
import { evaluate, matchTasks, type Golden as TaskGolden } from '../../scripts/eval-extraction/task-eval.ts';
import { parse } from '../../ingest/parse/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import type { Extraction, StructuredDocument } from '../../core/types.ts';
import { buildParseFixtures, SEEDS, type FixturePaths } from '../setup/fixtures.ts';

const run = promisify(execFile);
const squash = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const keys = (xs: readonly string[]): string[] => xs.map(agencyKey).sort();

type SeedKey = keyof typeof SEEDS;
type Format = 'txt' | 'pdf' | 'docx';
interface Run {
  doc: StructuredDocument;
  ex: Extraction;
}

const FORMATS: Format[] = ['pdf', 'docx'];
let fx: FixturePaths;
const runs = new Map<string, Run>();
const runOf = (seed: SeedKey, format: Format): Run => {
  const r = runs.get(`${seed}.${format}`);
  if (!r) throw new Error(`${seed}.${format} was not parsed`);
  return r;
};

async function ingestLocally(path: string): Promise<Run> {
  const bytes = await readFile(path);
  const parsed = await parse(
    { path, name: basename(path), bytes },
    { maxBytes: 50_000_000, timeoutMs: 120_000, ocr: 'off' },
  );
  const doc = structure({ parsed, contentHash: contentHash(bytes) });
  // No manifest: an uploaded PDF/DOCX has none, so metadata must come from the text itself.
  return { doc, ex: extract(doc) };
}

async function golden<T>(seed: SeedKey, kind: 'tasks' | 'refs'): Promise<T> {
  return JSON.parse(await readFile(`corpus/golden/${SEEDS[seed]}.txt.${kind}.json`, 'utf8')) as T;
}

beforeAll(async () => {
  fx = await buildParseFixtures('data/fixtures/parse');
  for (const seed of Object.keys(SEEDS) as SeedKey[]) {
    for (const format of ['txt', ...FORMATS] as Format[]) {
      runs.set(`${seed}.${format}`, await ingestLocally(fx.seeds[seed][format]));
    }
  }
}, 600_000);

describe.each(Object.keys(SEEDS) as SeedKey[])('seed %s as PDF and DOCX', (seed) => {
  it.each(FORMATS)(
    '%s: every golden table row with its lead, coordinating agencies and deadline',
    async (f) => {
      const gold = await golden<TaskGolden>(seed, 'tasks');
      const rows = gold.tasks.filter((t) => t.row !== null);
      expect(rows.length).toBeGreaterThan(0);
      for (const [g, t] of matchTasks(rows, runOf(seed, f).ex.tasks)) {
        expect(t, `row ${g.row} "${g.title}" not extracted from ${f}`).not.toBeNull();
        expect({
          row: t?.row,
          lead: keys(t?.lead.map((a) => a.name) ?? []),
          coordinating: keys(t?.coordinating.map((a) => a.name) ?? []),
          deadline: t?.deadline,
        }).toEqual({
          row: g.row,
          lead: keys(g.lead),
          coordinating: keys(g.coordinating),
          deadline: g.deadline,
        });
      }
    },
  );

  it.each(FORMATS)('%s: the same tasks as the text version, row by row', (f) => {
    const shape = (r: Run) =>
      r.ex.tasks.map((t) => ({
        row: t.row,
        group: t.group,
        title: squash(t.title),
        lead: t.lead.map((a) => a.key),
        coordinating: t.coordinating.map((a) => a.key),
        deadline: t.deadline,
        fields: t.fields,
      }));
    expect(shape(runOf(seed, f))).toEqual(shape(runOf(seed, 'txt')));
  });

  it.each(FORMATS)('%s: all golden targets and no others than the text version', async (f) => {
    const gold = await golden<TaskGolden>(seed, 'tasks');
    const { targets, tasks } = runOf(seed, f).ex;
    const counts = evaluate(gold, tasks, targets);
    expect({ missed: counts.targets.fn }).toEqual({ missed: 0 });
    const shape = (r: Run) =>
      r.ex.targets.map((t) => [t.indicator, t.value, t.valueMin, t.valueMax, t.unit, t.comparator, t.year]);
    expect(shape(runOf(seed, f))).toEqual(shape(runOf(seed, 'txt')));
  });

  it.each(FORMATS)('%s: references, IMPLEMENTS relations and metadata of the golden file', async (f) => {
    const gold = await golden<RefGolden>(seed, 'refs');
    const { references, meta } = runOf(seed, f).ex;
    const sorted = (xs: string[]) => [...xs].sort();
    expect(sorted(refKeys(references))).toEqual(sorted(refKeys(gold.references)));
    expect(sorted(implementsKeys(references))).toEqual(sorted(implementsKeys(gold.references)));
    expect(sorted(typedKeys(references))).toEqual(sorted(typedKeys(gold.references)));
    expect({ type: meta.type, number: meta.number, locality: meta.locality }).toEqual({
      type: gold.meta.type,
      number: gold.meta.number,
      locality: gold.meta.locality,
    });
    expect(meta.title).toBe(runOf(seed, 'txt').ex.meta.title);
  });
});

describe('Lào Cai targets from PDF and DOCX', () => {
  it.each(FORMATS)('%s: GRDP shares of 7 (2030) and 10 (2045) per cent', (f) => {
    const got = runOf('lc', f).ex.targets.map((t) => ({ value: t.value, unit: t.unit, year: t.year }));
    expect(got).toContainEqual({ value: 7, unit: '%', year: 2030 });
    expect(got).toContainEqual({ value: 10, unit: '%', year: 2045 });
    for (const t of runOf('lc', f).ex.targets) expect(t.passageId).not.toBeNull();
  });
});

/* ------------------------------------------------------------ pages ------------------------------------------------------------ */

interface PdfPages {
  /** Whitespace-collapsed `pdftotext -f N -l N` text per page (index 0 = page 1). */
  plain: string[];
  /** `pdftotext -layout` lines per page. */
  layout: string[][];
}

async function pdfPages(path: string, count: number): Promise<PdfPages> {
  const plain: string[] = [];
  const layout: string[][] = [];
  for (let n = 1; n <= count; n++) {
    const page = ['-f', `${n}`, '-l', `${n}`];
    plain.push(squash((await run('pdftotext', [...page, path, '-'])).stdout));
    layout.push(
      (await run('pdftotext', ['-layout', ...page, path, '-'])).stdout.normalize('NFC').split('\n'),
    );
  }
  return { plain, layout };
}

/** The one page whose text holds `phrase`. */
function pageOfPhrase(pdf: PdfPages, phrase: string): number {
  const pages = pdf.plain.flatMap((t, i) => (t.includes(phrase) ? [i + 1] : []));
  expect(pages, `pages holding "${phrase}"`).toHaveLength(1);
  return pages[0] ?? 0;
}

/** The one page where a table row starts: a layout line "TT   first words of the title…". */
function pageOfRow(pdf: PdfPages, tt: string, titleStart: string): number {
  const re = new RegExp(`^\\s*${tt}\\s{2,}${titleStart}`, 'u');
  const pages = pdf.layout.flatMap((lines, i) => (lines.some((l) => re.test(l)) ? [i + 1] : []));
  expect(pages, `pages where row ${tt} "${titleStart}" starts`).toHaveLength(1);
  return pages[0] ?? 0;
}

function passageHolding(doc: StructuredDocument, phrase: string) {
  const hits = doc.passages.filter((p) => squash(p.text).includes(phrase));
  expect(hits, `passages holding "${phrase}"`).toHaveLength(1);
  return hits[0];
}

describe('Hải Phòng PDF: passages and appendix tasks carry their page', () => {
  let pdf: PdfPages;
  beforeAll(async () => {
    pdf = await pdfPages(fx.seeds.hp.pdf, runOf('hp', 'pdf').doc.parsed.pages?.length ?? 0);
  }, 120_000);

  it('puts each passage on the page pdftotext shows its opening phrase', () => {
    const { doc } = runOf('hp', 'pdf');
    const phrases = [
      'III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
      '9. Hợp tác trong nước và quốc tế về công nghệ sinh học',
      '2. Sở Nông nghiệp và Phát triển nông thôn có trách nhiệm:',
      '9. Sở Ngoại vụ có trách nhiệm:',
    ];
    const pages = phrases.map((phrase) => {
      const n = pageOfPhrase(pdf, phrase);
      expect({ phrase, page: passageHolding(doc, phrase)?.page }).toEqual({ phrase, page: n });
      return n;
    });
    expect(new Set(pages).size).toBe(phrases.length);
  });

  it('puts appendix rows on their page, also the row that runs over a page break', () => {
    const { doc } = runOf('hp', 'pdf');
    const rows: [string, string, string][] = [
      ['4', 'Ứng dụng kỹ thuật', 'Ứng dụng kỹ thuật Realtime RT-PCR'],
      ['6', 'Nghiên cứu,', 'Nghiên cứu, chuyển giao, ứng dụng công nghệ sinh học khai thác'],
      ['7', 'Ứng dụng công', 'Ban Quản lý các khu bảo tồn biển'],
      ['5', 'Triển khai các', '| Sở Giáo dục và Đào tạo |'],
    ];
    const pages = rows.map(([tt, start, phrase]) => {
      const n = pageOfRow(pdf, tt, start);
      const passage = passageHolding(doc, phrase);
      expect({ phrase, page: passage?.page, row: passage?.text.startsWith(`| ${tt} |`) }).toEqual({
        phrase,
        page: n,
        row: true,
      });
      return n;
    });
    expect(new Set(pages).size).toBeGreaterThanOrEqual(3);
  });

  it('resolves appendix tasks to the passage of their row, on the page of that row', () => {
    const { doc, ex } = runOf('hp', 'pdf');
    const cases: [string, string, string][] = [
      ['III.4', '4', 'Ứng dụng kỹ thuật'],
      ['III.6', '6', 'Nghiên cứu,'],
      ['III.7', '7', 'Ứng dụng công'],
      ['IV.5', '5', 'Triển khai các'],
    ];
    for (const [label, tt, start] of cases) {
      const task = ex.tasks.find((t) => t.row === label);
      const passage = doc.passages.find((p) => p.id === task?.passageId);
      expect({ label, page: passage?.page, row: passage?.text.startsWith(`| ${tt} |`) }).toEqual({
        label,
        page: pageOfRow(pdf, tt, start),
        row: true,
      });
    }
  });
});

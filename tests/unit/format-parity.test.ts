/**
 * Format parity on real documents: every seed and eleven dev documents with appendix tables or
 * responsibility blocks, each rendered by LibreOffice as a born-digital document (paragraphs, real tables,
 * running header, page numbers) and as its plain text printed, to PDF and DOCX (tests/setup/
 * parity-fixtures.ts). Each file goes through parse → structure → extract without a manifest and must
 * give what its text gives: the same task rows (row, title, lead, coordinating agencies, deadline), the
 * same targets, the same references with their relations and the same metadata; PDF passages keep pages.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../ingest/extract/index.ts';
import { parse } from '../../ingest/parse/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import type { Extraction, StructuredDocument } from '../../core/types.ts';
import { buildParityFixtures, type ParityDoc, type Rendering } from '../setup/parity-fixtures.ts';
import { TEST_PARSE_OPTIONS } from '../helpers/parse.ts';

const SEEDS = [
  '000_953892a000611854.txt',
  '001_599f766e9ac447fa.txt',
  '002_a6809dc01d79a678.txt',
  '003_6bb3cc9c64edf399.txt',
  '004_ad92fe254936541e.txt',
];
/** Dev documents (none held out) with appendix tables or responsibility blocks. */
const DEV = [
  'tvpl-008-552-KH-UBND.txt',
  'tvpl-013-310-KH-UBND.txt',
  'tvpl-020-141-KH-UBND.txt',
  'tvpl-022-987-KH-UBND.txt',
  'tvpl-032-010-CT-UBND.txt',
  'tvpl-163-653-TB-VPCP.txt',
  'tvpl-165-223-CD-TTg.txt',
  'tvpl-174-2597-QD-TTg.txt',
  'tvpl-177-84-2025-QD-UBND.txt',
  'tvpl-200-96-2025-QD-UBND.txt',
  'tvpl-238-2519-QD-UBND.txt',
];

interface Run {
  doc: StructuredDocument;
  ex: Extraction;
}
type Variant = `${'pdf' | 'docx'}.${Rendering}`;
const VARIANTS: Variant[] = ['pdf.layout', 'pdf.plain', 'docx.layout', 'docx.plain'];

const squash = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const runs = new Map<string, Run>();
let docs: ParityDoc[] = [];

async function ingestLocally(path: string): Promise<Run> {
  const bytes = await readFile(path);
  const parsed = await parse({ path, name: basename(path), bytes }, TEST_PARSE_OPTIONS);
  const doc = structure({ parsed, contentHash: contentHash(bytes) });
  return { doc, ex: extract(doc) };
}

function runOf(name: string, variant: Variant | 'txt'): Run {
  const r = runs.get(`${name}.${variant}`);
  if (!r) throw new Error(`${name}.${variant} was not parsed`);
  return r;
}

/** Characters of a title compared: its start, as the issue asks (a hard-wrapped text may end a title early). */
const TITLE_START = 60;
const taskRows = (r: Run) =>
  r.ex.tasks.map((t) => ({
    row: t.row,
    title: squash(t.title).slice(0, TITLE_START),
    lead: t.lead.map((a) => a.key),
    coordinating: t.coordinating.map((a) => a.key),
    deadline: t.deadline,
  }));
const targets = (r: Run) =>
  r.ex.targets.map((t) => [
    t.subject,
    t.metric,
    t.value,
    t.valueMin,
    t.valueMax,
    t.unit,
    t.comparator,
    t.year,
  ]);
const relations = (r: Run) =>
  r.ex.references
    .map((x) => [x.key, x.relation, [...x.implements].sort()])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
/**
 * Metadata compared: the document's identity everywhere; its title, issuer and signer also for the
 * printed plain text, whose lines are the text's lines (the born-digital rendering joins the header
 * block's lines into paragraphs, which legitimately changes where a title ends).
 */
const meta = (r: Run, v: Variant | 'txt') => {
  const m = r.ex.meta;
  const identity = { type: m.type, number: m.number, locality: m.locality, date: m.date };
  return v.endsWith('layout')
    ? identity
    : { ...identity, title: m.title, issuer: m.issuer, signer: m.signer };
};

beforeAll(async () => {
  docs = await buildParityFixtures('data/fixtures/parity', [...SEEDS, ...DEV]);
  for (const d of docs) {
    runs.set(`${d.name}.txt`, await ingestLocally(d.txt));
    for (const v of VARIANTS) {
      const [format, rendering] = v.split('.') as ['pdf' | 'docx', Rendering];
      runs.set(`${d.name}.${v}`, await ingestLocally(d[format][rendering]));
    }
  }
}, 900_000);

const NAMES = [...SEEDS.map((f) => f.slice(0, 3)), ...DEV.map((f) => f.slice(0, 8))];

describe.each(NAMES)('%s as PDF and DOCX', (name) => {
  it('has tasks or targets in its text version to compare', () => {
    const txt = runOf(name, 'txt').ex;
    expect(txt.tasks.length + txt.targets.length).toBeGreaterThan(0);
  });

  it.each(VARIANTS)('%s: the same task rows as the text', (v) => {
    expect(taskRows(runOf(name, v))).toEqual(taskRows(runOf(name, 'txt')));
  });

  it.each(VARIANTS)('%s: the same targets as the text', (v) => {
    expect(targets(runOf(name, v))).toEqual(targets(runOf(name, 'txt')));
  });

  it.each(VARIANTS)('%s: the same references, relations and metadata as the text', (v) => {
    expect(relations(runOf(name, v))).toEqual(relations(runOf(name, 'txt')));
    expect(meta(runOf(name, v), v)).toEqual(meta(runOf(name, 'txt'), v));
  });

  it.each(['pdf.layout', 'pdf.plain'] as const)('%s: every passage keeps its page, in page order', (v) => {
    const { doc } = runOf(name, v);
    const count = doc.parsed.pages?.length ?? 0;
    expect(count).toBeGreaterThan(0);
    const pages = doc.passages.map((p) => p.page);
    for (const p of pages) expect(p).toEqual(expect.any(Number));
    const numbers = pages.filter((p): p is number => typeof p === 'number');
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(Math.max(...numbers)).toBeLessThanOrEqual(count);
    expect(new Set(numbers).size).toBeGreaterThan(count > 1 ? 1 : 0);
  });
});

describe('appendix tables of the seeds printed from plain text', () => {
  const appendix = (name: string, v: Variant | 'txt') =>
    taskRows(runOf(name, v)).filter((t) => t.row !== null);

  it.each([
    ['000', 19],
    ['003', 22],
  ] as const)('%s: the text has its %i appendix rows', (name, n) => {
    expect(appendix(name, 'txt')).toHaveLength(n);
  });

  it.each(['pdf.plain', 'docx.plain', 'pdf.layout', 'docx.layout'] as const)(
    'Hải Phòng %s: the same 19 appendix rows',
    (v) => {
      expect(appendix('000', v)).toEqual(appendix('000', 'txt'));
    },
  );

  it.each(['pdf.plain', 'docx.plain', 'pdf.layout', 'docx.layout'] as const)(
    'Lào Cai %s: the same 22 appendix rows',
    (v) => {
      expect(appendix('003', v)).toEqual(appendix('003', 'txt'));
    },
  );
});

/**
 * The bench's graph: BENCH_PASSAGES synthetic passages written as real Passage nodes (with their lexical
 * terms and facets) by the ingest's own graph writer, into the local Neo4j of a dedicated data folder
 * (data/bench-<n>). Synthetic documents of DOC_PASSAGES passages are written one transaction each, as an
 * ingest writes a document; a graph that already holds them is reused. Also: index sizes on disk and the
 * JVM's resident memory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphConnection } from '../../graph/connection.ts';
import { neo4jHome } from '../../graph/local-neo4j.ts';
import { PassageStore } from '../../graph/passage-store.ts';
import * as Q from '../../graph/cypher.ts';
import { writeDocument } from '../../graph/writer.ts';
import { emptyMeta, type Extraction, type StructuredDocument } from '../../core/types.ts';
import type { BenchPassage } from './corpus.ts';

/** Passages per synthetic document (one write transaction). */
export const DOC_PASSAGES = 1_000;

const EMPTY_EXTRACTION: Extraction = {
  meta: emptyMeta(),
  references: [],
  agencies: [],
  tasks: [],
  targets: [],
  sectionFields: {},
};

/** Passage id in the graph of the i-th synthetic passage (what search returns). */
export function passageId(i: number): string {
  const doc = Math.floor(i / DOC_PASSAGES);
  return `bench${doc}:p${i % DOC_PASSAGES}`;
}

function syntheticDocument(doc: number, passages: BenchPassage[]): StructuredDocument {
  const id = `bench${doc}`;
  const section = {
    id: `${id}:s0`,
    marker: null,
    heading: passages[0]?.file ?? '',
    level: 0,
    path: [],
    parentId: null,
    ordinal: 0,
    start: 0,
    end: 0,
  };
  let at = 0;
  const rows = passages.map((p, i) => {
    const start = at;
    at += p.text.length + 1;
    return {
      id: `${id}:p${i}`,
      sectionId: section.id,
      sectionPath: '',
      ordinal: i,
      text: p.text,
      start,
      end: at - 1,
    };
  });
  return {
    id,
    contentHash: id,
    parsed: { file: `${id}.txt`, format: 'text', text: '', warnings: [] },
    sections: [{ ...section, end: at }],
    passages: rows,
  };
}

/** Passages compared before a stored bench graph is reused. */
const CHECKED_PASSAGES = 200;

/**
 * A stored graph is reused only when it holds the synthetic passages this run would write: the corpus is
 * varied from the seed and dev passages, so a change of the structure stage (how documents are cut into
 * passages) changes it, and vectors and queries of the new corpus must not be measured on the old one.
 */
async function checkSameCorpus(store: PassageStore, passages: Iterable<BenchPassage>): Promise<void> {
  const expected: string[] = [];
  for (const p of passages) {
    expected.push(p.text);
    if (expected.length === CHECKED_PASSAGES) break;
  }
  const stored = await store.byIds(expected.map((_, i) => passageId(i)));
  const same = stored.length === expected.length && stored.every((r, i) => r.text === expected[i]);
  if (!same)
    throw new Error(
      'the bench graph holds another synthetic corpus (the seed and dev passages changed since it was written): remove its data folder',
    );
}

/**
 * Writes the synthetic passages unless the graph already holds `count` passages; returns the write time
 * (null when reused). `passages` yields them in order.
 */
export async function writePassages(
  conn: GraphConnection,
  count: number,
  passages: Iterable<BenchPassage>,
  progress: (done: number) => void,
): Promise<number | null> {
  const store = new PassageStore(conn);
  const have = await store.count();
  if (have === count) {
    await checkSameCorpus(store, passages);
    return null;
  }
  if (have > 0)
    throw new Error(`the bench graph holds ${have} passages, not ${count}: remove its data folder`);
  const t0 = performance.now();
  let batch: BenchPassage[] = [];
  let doc = 0;
  const flush = async () => {
    const d = syntheticDocument(doc++, batch);
    await writeDocument(conn, { doc: d, extraction: EMPTY_EXTRACTION, file: d.parsed.file, identity: null });
    progress(doc * DOC_PASSAGES);
    batch = [];
  };
  for (const p of passages) {
    batch.push(p);
    if (batch.length === DOC_PASSAGES) await flush();
  }
  if (batch.length > 0) await flush();
  return performance.now() - t0;
}

/** Size on disk of a folder in MB (du), NaN when missing. */
export function folderMb(dir: string): number {
  if (!existsSync(dir)) return NaN;
  const out = execFileSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Number(out.split('\t')[0]) / 1024;
}

/** On-disk size (MB) of each named index: the folder `…/schema/index/<provider>/<id>` of the local Neo4j. */
export async function indexSizes(
  conn: GraphConnection,
  dataDir: string,
  names: string[],
): Promise<Record<string, number>> {
  const rows = await conn.read(async (tx) => (await tx.run(Q.INDEX_IDS, { names })).records);
  const sizes: Record<string, number> = {};
  for (const r of rows) {
    const found = execFileSync(
      'find',
      [
        path.join(neo4jHome(dataDir), 'data', 'databases', 'neo4j', 'schema', 'index'),
        '-type',
        'd',
        '-path',
        `*/schema/index/*/${String(r.get('id'))}`,
      ],
      { encoding: 'utf8' },
    ).trim();
    sizes[r.get('name') as string] = found ? folderMb(found.split('\n')[0]!) : NaN;
  }
  return sizes;
}

/** VmRSS (MB) of a process from /proc, NaN when it is gone. */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The pid of the local Neo4j JVM of `dataDir`, as its launcher recorded it. */
export function neo4jPid(dataDir: string): number | undefined {
  try {
    const rec = JSON.parse(readFileSync(path.join(neo4jHome(dataDir), 'launcher.json'), 'utf8')) as {
      pid?: number;
    };
    return rec.pid;
  } catch {
    return undefined;
  }
}

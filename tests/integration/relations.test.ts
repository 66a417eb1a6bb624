import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime, SEEDS } from '../helpers/runtime.ts';

/**
 * Typed legal relations through the graph and the API: the seeds, real corpus-dev documents with legal
 * bases, repeals and replacements, and one decision written for this test that amends and replaces two
 * corpus documents (tests/fixtures/relations/README.md: the corpus holds no such pair).
 */
const DEV = '/work/shared/corpus-dev';
const DEV_FILES = [
  'tvpl-053-78-2025-NQ-HDND.txt',
  'tvpl-067-63-2025-NQ-HDND.txt',
  'tvpl-130-45-2025-TT-BYT.txt',
  'tvpl-234-2610-QD-UBND.txt',
  'tvpl-238-2519-QD-UBND.txt',
];
const FIXTURE = 'can-tho-sua-doi-thay-the.txt';
const BINH_THUAN = '001_599f766e9ac447fa.txt';

interface Related {
  id: string;
  number: string | null;
  evidence: string | null;
  passageId: string | null;
}
interface Doc {
  id: string;
  file: string;
  effectiveDate: string | null;
  status: string | null;
  statusBy: { id: string; number: string; relation: string } | null;
  signerPosition: string | null;
  implements: string[];
  basedOn: string[];
  amends: string[];
  replaces: string[];
  repeals: string[];
  guides: string[];
  cites: string[];
  amendedBy: Related[];
  replacedBy: Related[];
  basisOf: Related[];
  implementedBy: Related[];
  references: {
    number: string;
    relation: string;
    evidence: string;
    documentId: string | null;
    implements: { number: string }[];
  }[];
}

describe('typed relations in the graph and the API (real Neo4j)', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;
  let docs: Doc[];
  const idOf = (file: string) => docs.find((d) => d.file === file)!.id;
  const files = async (query: Record<string, string>) =>
    ((await request(app).get('/api/documents').query(query).expect(200)).body.items as Doc[])
      .map((d) => d.file)
      .sort();
  const one = async (file: string) =>
    (
      await request(app)
        .get(`/api/documents/${idOf(file)}`)
        .expect(200)
    ).body as Doc;

  beforeAll(async () => {
    rt = await openTestRuntime();
    app = appFor(rt);
    await rt.ingestPaths([
      SEEDS,
      ...DEV_FILES.map((f) => path.join(DEV, f)),
      path.resolve('tests/fixtures/relations', FIXTURE),
    ]);
    docs = (await request(app).get('/api/documents').expect(200)).body.items as Doc[];
  });

  afterAll(async () => {
    await rt?.close();
  });

  it('lists every relation type, the effective date and the status on each document item', () => {
    for (const d of docs) {
      for (const k of ['implements', 'basedOn', 'amends', 'replaces', 'repeals', 'guides', 'cites'] as const)
        expect(Array.isArray(d[k]), `${d.file} ${k}`).toBe(true);
      expect(d).toHaveProperty('effectiveDate');
      expect(d).toHaveProperty('status');
    }
    const hn = docs.find((d) => d.file === 'tvpl-067-63-2025-NQ-HDND.txt')!;
    expect(hn.basedOn).toEqual(expect.arrayContaining(['72/2025/QH15', '20/2021/NĐ-CP', '76/2024/NĐ-CP']));
    expect(hn.replaces).toEqual(['09/2021/NQ-HĐND']);
    expect(hn.implements).toEqual([]);
    expect(hn.effectiveDate).toBe('2026-01-01');
    expect(hn.signerPosition).toBe('Chủ tịch');
  });

  it.each(['72/2025/QH15', '72/2025/qh15', 'Luật số 72/2025/QH15'])(
    'based_on=%s returns the documents whose legal basis is the law, and implements= does not',
    async (spelling) => {
      expect(await files({ based_on: spelling })).toEqual(
        ['tvpl-053-78-2025-NQ-HDND.txt', 'tvpl-067-63-2025-NQ-HDND.txt', FIXTURE].sort(),
      );
      expect(await files({ implements: spelling, transitive: 'true' })).toEqual([]);
    },
  );

  it('filters by amends, replaces and repeals in any spelling of the number', async () => {
    expect(await files({ amends: '2610/qđ-ubnd' })).toEqual([FIXTURE]);
    expect(await files({ replaces: '2519/QD-UBND' })).toEqual([FIXTURE]);
    expect(await files({ replaces: '09/2021/NQ-HDND' })).toEqual(['tvpl-067-63-2025-NQ-HDND.txt']);
    expect(await files({ repeals: 'Thông tư 31/2015/TT-BYT' })).toEqual(['tvpl-130-45-2025-TT-BYT.txt']);
    expect(await files({ cites: '388/TTr-UBND' })).toEqual(['tvpl-067-63-2025-NQ-HDND.txt']);
  });

  it('marks an amended and a replaced document with the document that did it, in both directions', async () => {
    const fixture = idOf(FIXTURE);
    const amended = await one('tvpl-234-2610-QD-UBND.txt');
    expect(amended.status).toBe('amended');
    expect(amended.statusBy).toMatchObject({ id: fixture, relation: 'AMENDS' });
    expect(amended.amendedBy.map((r) => r.id)).toEqual([fixture]);
    expect(amended.amendedBy[0]!.evidence).toMatch(/SỬA ĐỔI, BỔ SUNG/u);
    expect(amended.amendedBy[0]!.passageId).toMatch(new RegExp(`^${fixture}:p\\d+$`));

    const replaced = await one('tvpl-238-2519-QD-UBND.txt');
    expect(replaced.status).toBe('replaced');
    expect(replaced.replacedBy.map((r) => r.number)).toEqual(['2999/QĐ-UBND']);

    const act = await one(FIXTURE);
    expect(act).toMatchObject({ amends: ['2610/QĐ-UBND'], replaces: ['2519/QĐ-UBND'], status: null });
    const toAmended = act.references.find((r) => r.number === '2610/QĐ-UBND');
    expect(toAmended).toMatchObject({ relation: 'AMENDS', documentId: idOf('tvpl-234-2610-QD-UBND.txt') });
    // The law the fixture is based on is not in the corpus: no inverse side to show.
    expect((await one('tvpl-130-45-2025-TT-BYT.txt')).status).toBeNull();
  });

  it('keeps the implementation chain: transitive=true reaches 36-NQ/TW through what a plan implements', async () => {
    // Bình Thuận cites 36-NQ/TW (named only in the descriptions of 64-CTr/TU and 189/NQ-CP, which it
    // implements); the chain links it asserts make it an implementer of 36-NQ/TW at one remove.
    expect(await files({ implements: '36-NQ/TW' })).not.toContain(BINH_THUAN);
    expect(await files({ implements: '36-NQ/TW', transitive: 'true' })).toContain(BINH_THUAN);
    const bt = await one(BINH_THUAN);
    const programme = bt.references.find((r) => r.number === '64-CTr/TU');
    expect(programme?.implements.map((m) => m.number)).toEqual(['36-NQ/TW']);
    expect(bt.cites).toContain('36-NQ/TW');
  });
});

/**
 * One document per number: the same plan ingested as TXT and then as a LibreOffice PDF of it stays one
 * document with two sources, the ingest result says which document it was merged into, and the counts
 * in /api/health and the target list do not double.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { buildParseFixtures, type FixturePaths } from '../setup/fixtures.ts';
import { appFor, openTestRuntime } from '../helpers/runtime.ts';

interface Result {
  file: string;
  status: string;
  documentId?: string;
  mergedInto?: string;
}
interface Counts {
  documents: number;
  tasks: number;
  targets: number;
}

describe('a second file of the same document merges into it', () => {
  let rt: Runtime;
  let app: ReturnType<typeof appFor>;
  let fx: FixturePaths;

  beforeAll(async () => {
    fx = await buildParseFixtures('data/fixtures/parse');
    rt = await openTestRuntime();
    app = appFor(rt);
  }, 600_000);
  afterAll(async () => {
    await rt?.close();
  });

  const upload = async (file: string): Promise<Result> => {
    const res = await request(app)
      .post('/api/ingest')
      .set('Host', 'localhost:3000')
      .set('Origin', 'http://localhost:3000')
      .attach('files', await readFile(file), path.basename(file));
    expect(res.status).toBe(200);
    return (res.body as { results: Result[] }).results[0]!;
  };
  const counts = async (): Promise<Counts> =>
    ((await request(app).get('/api/health')).body as { counts: Counts }).counts;
  const targetRows = async (): Promise<number> =>
    ((await request(app).get('/api/targets?limit=1000')).body as { items: unknown[] }).items.length;

  it('TXT then PDF of the Hải Phòng plan: one document, two sources, counts unchanged', async () => {
    const first = await upload(fx.seeds.hp.txt);
    expect(first.status).toBe('ingested');
    const before = await counts();
    const targetsBefore = await targetRows();
    expect(before.documents).toBe(1);

    const second = await upload(fx.seeds.hp.pdf);
    expect(second).toMatchObject({
      status: 'merged',
      mergedInto: first.documentId,
      documentId: first.documentId,
    });
    expect(await counts()).toEqual(before);
    expect(await targetRows()).toBe(targetsBefore);

    const doc = (await request(app).get(`/api/documents/${first.documentId}`)).body as {
      sources: string[];
      sourceFormats: string[];
    };
    expect(doc.sources).toEqual([path.basename(fx.seeds.hp.txt), path.basename(fx.seeds.hp.pdf)]);
    expect(doc.sourceFormats).toEqual(['text', 'pdf']);

    // the same PDF again is unchanged, not a third source
    expect((await upload(fx.seeds.hp.pdf)).status).toBe('unchanged');
  }, 300_000);

  it('the other seed with its own number stays a separate document', async () => {
    const other = await upload(fx.seeds.lc.txt);
    expect(other.status).toBe('ingested');
    expect((await counts()).documents).toBe(2);
  }, 300_000);
});

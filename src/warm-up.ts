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

/**
 * Time the warm-up may take before the server listens. Each step is cheap on a small graph; on a large one
 * a cold step can take a second or more, and a restart must stay quick: when the budget is spent the
 * warm-up ends, a step still running finishes in the background, and the steps left are skipped (the first
 * requests of those paths then warm them).
 */
export const WARM_UP_BUDGET_MS = 3_000;

/** The warm-up steps, most used paths first. */
function steps(rt: Runtime): (() => Promise<unknown>)[] {
  const out: (() => Promise<unknown>)[] = [];
  for (const q of QUERIES) {
    for (const mode of ['hybrid', 'bm25'] as const)
      out.push(() => rt.search.search(q, 10, {}, mode, () => understand(q).entities));
    out.push(() => rt.search.search(q, 10, { locality: 'ha noi' }, 'hybrid'));
  }
  for (const q of QUESTIONS) out.push(() => ask(q, rt.reader, rt.search));
  return out;
}

/** Runs the warm-up steps within `budgetMs` (answers discarded, a failing step logged and passed); returns the time it took. */
export async function warmUp(rt: Runtime, log: Logger, budgetMs = WARM_UP_BUDGET_MS): Promise<number> {
  const t0 = performance.now();
  const all = steps(rt);
  let done = 0;
  let timer: NodeJS.Timeout | undefined;
  const spent = new Promise<'spent'>((resolve) => {
    timer = setTimeout(() => resolve('spent'), budgetMs);
  });
  try {
    for (const step of all) {
      // a step still running when the budget is spent finishes on its own; its answer is not awaited
      const running = step().then(
        () => 'done' as const,
        (err: unknown) => {
          log.warn(`warm-up: ${(err as Error).message}`);
          return 'done' as const;
        },
      );
      if ((await Promise.race([running, spent])) === 'spent') break;
      done++;
    }
  } finally {
    clearTimeout(timer);
  }
  if (done < all.length) log(`warm-up: budget of ${budgetMs} ms spent after ${done} of ${all.length} steps`);
  return performance.now() - t0;
}

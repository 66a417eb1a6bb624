import type { GraphConnection } from '../../graph/connection.ts';
import type { GraphReader } from '../../graph/reader.ts';
import type { FileResult } from '../../ingest/pipeline.ts';
import type { SourceFile } from '../../core/types.ts';
import type { Config } from '../config.ts';
import type { SearchService } from '../search/service.ts';
import type { ResultCache } from './result-cache.ts';

/** Everything a route needs, created once at start-up. */
export interface AppContext {
  config: Config;
  conn: GraphConnection;
  reader: GraphReader;
  search: SearchService;
  /** Ingests uploaded files (searchable lexically at once; vectors follow in the background). */
  ingest: (files: SourceFile[]) => Promise<FileResult[]>;
  /** Throws BUSY (429) when the ingest queue cannot take `count` more files; checked before reading a body. */
  admitIngest: (count: number) => void;
  /** Answers of repeated read queries; invalidated after every ingest. */
  cache: ResultCache;
  version: string;
  log: (line: string) => void;
}

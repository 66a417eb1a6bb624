/** The public types of the local Neo4j launcher (re-exported by graph/local-neo4j.ts). */

export interface LocalNeo4j {
  /** `bolt://127.0.0.1:<port>`; auth is disabled (any credentials, or none, are accepted). */
  uri: string;
  /** True when this process started the JVM; false when it reuses one started elsewhere. */
  owned: boolean;
  /** Stops the JVM when owned (clean shutdown, kill -9 after a timeout); does nothing when reused. */
  stop(): Promise<void>;
  /** The JVM's process id when owned. */
  pid?: number;
  /**
   * Owned only: stops what is left of the JVM and starts a new one on the same data folder (same port
   * when free); resolves to the new Bolt URI.
   */
  restart?(): Promise<string>;
}

export interface StartLocalNeo4jOptions {
  /** The project's data folder; Neo4j lives in `${dataDir}/neo4j`. */
  dataDir: string;
  /** Progress and JVM messages, one line per call. */
  log?: (line: string) => void;
  /** Bolt port; 0 (default) picks a free port. */
  port?: number;
  /** JVM max heap, default `1g`. */
  heap?: string;
  /** How long to wait for the READY line, default 180 s (the first start creates the store). */
  readyTimeoutMs?: number;
}

/** What `${dataDir}/neo4j/launcher.json` holds while a launcher runs. */
export interface LauncherRecord {
  pid: number;
  uri: string;
  dataDir: string;
  startedAt: string;
  ownerPid: number;
}

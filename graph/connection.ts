import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import { AppError } from '../core/errors.ts';
import { SCHEMA_STATEMENTS } from './schema.ts';

export interface GraphConnectionOptions {
  uri: string;
  user: string;
  password: string;
  /** Database name; the server's default when omitted. */
  database?: string;
}

/**
 * A connection to Neo4j 5 (local launcher, Desktop, Docker or Aura). Integers come back as JS numbers.
 * Created with `await GraphConnection.open(...)`, which verifies connectivity and creates the schema.
 */
export class GraphConnection {
  private constructor(
    readonly driver: Driver,
    readonly uri: string,
    private readonly database: string | undefined,
  ) {}

  static async open(opts: GraphConnectionOptions): Promise<GraphConnection> {
    const auth = opts.password ? neo4j.auth.basic(opts.user, opts.password) : undefined;
    const driver = neo4j.driver(opts.uri, auth, { disableLosslessIntegers: true, maxConnectionPoolSize: 20 });
    try {
      await driver.verifyConnectivity();
    } catch (err) {
      await driver.close();
      throw new AppError(
        'GRAPH_UNAVAILABLE',
        `Cannot connect to Neo4j at ${opts.uri}: ${(err as Error).message}`,
        { uri: opts.uri },
        { cause: err },
      );
    }
    const conn = new GraphConnection(driver, opts.uri, opts.database);
    await conn.ensureSchema();
    return conn;
  }

  async ensureSchema(): Promise<void> {
    for (const statement of SCHEMA_STATEMENTS) await this.write((tx) => tx.run(statement));
  }

  async ping(): Promise<boolean> {
    try {
      await this.read((tx) => tx.run('RETURN 1'));
      return true;
    } catch {
      return false;
    }
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } catch (err) {
      throw wrapDriverError(err, this.uri);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw wrapDriverError(err, this.uri);
    } finally {
      await session.close();
    }
  }

  /** Runs one read query and returns the values of one column. */
  async column<T>(query: string, params: Record<string, unknown>, key: string): Promise<T[]> {
    const result: QueryResult<RecordShape> = await this.read((tx) => tx.run(query, params));
    return result.records.map((r) => r.get(key) as T);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

function wrapDriverError(err: unknown, uri: string): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new AppError('GRAPH_UNAVAILABLE', `Neo4j at ${uri} is unavailable`, { uri }, { cause: err });
  }
  return err;
}

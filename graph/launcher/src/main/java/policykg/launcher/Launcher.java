package policykg.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Local Neo4j for policy-kg: embedded Neo4j Community with a Bolt connector on 127.0.0.1 only, auth disabled,
 * no HTTP connector.
 *
 * <pre>
 *   java -Xmx1g -jar launcher.jar --data &lt;dir&gt; [--port &lt;n&gt;] [--pagecache &lt;bytes|256m&gt;]
 * </pre>
 *
 * Prints exactly one line to stdout when Bolt is listening: {@code NEO4J_READY bolt://127.0.0.1:<port>}; all other
 * output goes to stderr. Exits (shutting the DBMS down cleanly) on SIGTERM/SIGINT and when stdin reaches EOF, so a
 * parent that dies without cleaning up never leaves this JVM orphaned.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final AtomicBoolean STOPPING = new AtomicBoolean(false);
    /** Counted down once {@link #dbms} is built (or failed to build), so a signal during startup still shuts down. */
    private static final CountDownLatch BUILT = new CountDownLatch(1);
    private static volatile DatabaseManagementService dbms;

    private Launcher() {}

    public static void main(String[] args) {
        // Keep stdout for the protocol line only; anything else that prints there would confuse the parent.
        PrintStream protocol = System.out;
        System.setOut(System.err);

        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("NEO4J_LAUNCH_ERROR " + e.getMessage());
            System.err.println("usage: java -jar launcher.jar --data <dir> [--port <n>] [--pagecache <size>]");
            System.exit(2);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-launcher-shutdown"));
        startStdinWatchdog();

        long started = System.nanoTime();
        try {
            Files.createDirectories(opts.dataDir);
            dbms = new DatabaseManagementServiceBuilder(opts.dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, opts.port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, opts.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, opts.pageCacheBytes)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                    // Bolt waits 5 s + 5 s by default for idle connections/threads on shutdown; the databases
                    // are already checkpointed and closed by then, so a short wait loses nothing.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                    .build();
        } catch (Throwable e) {
            BUILT.countDown();
            System.err.println("NEO4J_LAUNCH_ERROR could not start Neo4j on " + opts.dataDir + ": " + e);
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        BUILT.countDown();
        if (STOPPING.get()) {
            return; // stdin closed or a signal arrived while starting; the shutdown hook handles the rest
        }

        int port;
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            // Touch the default database so READY means "queries work", not just "socket open".
            db.executeTransactionally("RETURN 1");
            ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class);
            HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);
            if (bolt == null) {
                throw new IllegalStateException("the Bolt connector did not register a listening port");
            }
            port = bolt.getPort();
        } catch (Throwable e) {
            if (STOPPING.get()) {
                return; // shut down while starting; the shutdown hook is stopping the DBMS
            }
            System.err.println("NEO4J_LAUNCH_ERROR Neo4j started but is not usable: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }

        long ms = (System.nanoTime() - started) / 1_000_000;
        System.err.println("neo4j-launcher: Neo4j " + neo4jVersion() + " ready in " + ms + " ms, data " + opts.dataDir);
        protocol.println("NEO4J_READY bolt://" + HOST + ":" + port);
        protocol.flush();
        // main returns; Neo4j's non-daemon threads keep the JVM alive until a signal or stdin EOF.
    }

    /** Reads stdin until EOF (parent closed the pipe or died), then exits, which runs the shutdown hook. */
    private static void startStdinWatchdog() {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                InputStream in = System.in;
                while (in.read(buf) >= 0) {
                    // Input is ignored; only EOF matters.
                }
                System.err.println("neo4j-launcher: stdin closed, shutting down");
            } catch (IOException e) {
                System.err.println("neo4j-launcher: stdin failed (" + e.getMessage() + "), shutting down");
            }
            System.exit(0);
        }, "neo4j-launcher-stdin-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static void shutdown() {
        if (!STOPPING.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!BUILT.await(0, TimeUnit.MILLISECONDS)) {
                System.err.println("neo4j-launcher: stop requested while starting; waiting for startup to finish");
                BUILT.await(120, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService d = dbms;
        if (d == null) {
            return;
        }
        System.err.println("neo4j-launcher: shutting down Neo4j");
        long started = System.nanoTime();
        try {
            d.shutdown();
            System.err.println("neo4j-launcher: Neo4j stopped cleanly in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Throwable e) {
            System.err.println("neo4j-launcher: error during shutdown: " + e);
        }
    }

    private static String neo4jVersion() {
        String v = DatabaseManagementService.class.getPackage().getImplementationVersion();
        return v == null ? "5.x" : v;
    }

    private record Options(Path dataDir, int port, long pageCacheBytes) {
        static Options parse(String[] args) {
            Path data = null;
            int port = 0;
            long pageCache = 256L * 1024 * 1024;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data" -> data = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                    case "--port" -> {
                        String v = value(args, ++i, a);
                        try {
                            port = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--port must be a number, got " + v);
                        }
                        if (port < 0 || port > 65535) {
                            throw new IllegalArgumentException("--port must be 0..65535, got " + v);
                        }
                    }
                    case "--pagecache" -> pageCache = parseSize(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data <dir> is required");
            }
            return new Options(data, port, pageCache);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static long parseSize(String s) {
            String t = s.trim().toLowerCase();
            long mult = 1;
            if (t.endsWith("k")) {
                mult = 1024L;
            } else if (t.endsWith("m")) {
                mult = 1024L * 1024;
            } else if (t.endsWith("g")) {
                mult = 1024L * 1024 * 1024;
            }
            if (mult != 1) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                return Long.parseLong(t) * mult;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--pagecache must be a size like 256m, got " + s);
            }
        }
    }
}

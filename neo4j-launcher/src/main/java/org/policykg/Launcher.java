package org.policykg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts an embedded Neo4j 5 with its Bolt connector on 127.0.0.1:PORT and auth enabled.
 *
 * <p>Usage: {@code Launcher PORT HOME_DIR}; the password of user neo4j comes from the
 * NEO4J_PASSWORD environment variable (never an argument, so it does not show in ps).
 * NEO4J_PAGECACHE_MB sets the page cache (default 64). Prints {@code READY PORT} once Bolt
 * accepts connections with that password, and stops
 * cleanly on SIGTERM or when standard input closes (so it dies with the process that
 * started it).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher PORT HOME_DIR (password in NEO4J_PASSWORD)");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NEO4J_PASSWORD must be set, at least 8 characters");
            System.exit(2);
        }

        // small for tests; a benchmark of a large push gives more (NEO4J_PAGECACHE_MB)
        long pageCacheMb = Long.parseLong(System.getenv().getOrDefault("NEO4J_PAGECACHE_MB", "64"));
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024L * 1024)
                // Bolt waits 5 s + 5 s for open connections on shutdown; a test restarting
                // the server should not
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time,
                        Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time,
                        Duration.ofSeconds(1))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        setPassword(dbms, password);
        System.out.println("READY " + port);
        System.out.flush();

        // The parent holds our stdin: when it closes (the parent exits or says stop), stop.
        InputStream in = System.in;
        try {
            while (in.read() != -1) {
                // ignore input; only its end matters
            }
        } catch (IOException ignored) {
            // a broken stdin means the parent is gone
        }
        System.exit(0);
    }

    /** Embedded transactions run with full rights, so the system database takes the change. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException err) {
            // A restart on the same home keeps the password; Neo4j refuses to set it again.
            if (!String.valueOf(err.getMessage()).contains("cannot be the same")) {
                throw err;
            }
        }
    }
}

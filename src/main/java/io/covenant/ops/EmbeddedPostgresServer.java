package io.covenant.ops;

import com.sun.management.OperatingSystemMXBean;
import io.covenant.shared.concurrent.DaemonThreads;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded PostgreSQL 17 of this JVM, shared by every application context that asks for it and stopped when
 * the last of them closes. A watch restarts it, on the same port and data, when its postmaster dies under a running
 * service (killed, or crashed on a full disk): the embedded default has no operator or supervisor to do it, and the
 * pool reconnects on its own once the server is back.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private static EmbeddedPostgres server;

    /** The server's start, running in the background until the first context waits for it. */
    private static CompletableFuture<EmbeddedPostgres> starting;

    private static String url;

    private static ProcessHandle postmaster;

    private static ScheduledExecutorService watch;

    private static Path dataDirectory;

    private static int users;

    private EmbeddedPostgresServer() {}

    /**
     * Starts the server in the background and answers its JDBC URL at once: PostgreSQL's start (initdb on an empty
     * directory, crash recovery after a kill) runs while Spring parses its configuration and creates the beans that
     * need no database. The first context's {@link #acquire()}, on which the data source depends, waits for it.
     */
    static synchronized String start(Path directory, int port, boolean clean, boolean durable) {
        Path normalized = directory.toAbsolutePath().normalize();
        if (server == null && starting == null) {
            int chosen = port > 0 ? port : freePort();
            dataDirectory = normalized;
            url = "jdbc:postgresql://localhost:%d/postgres?user=postgres".formatted(chosen);
            starting = new CompletableFuture<>();
            CompletableFuture<EmbeddedPostgres> future = starting;
            Thread launcher = new Thread(
                    () -> {
                        try {
                            future.complete(launch(directory, chosen, clean, durable));
                        } catch (Throwable ex) {
                            future.completeExceptionally(ex);
                        }
                    },
                    "embedded-pg-start");
            launcher.setDaemon(true);
            launcher.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(EmbeddedPostgresServer::stopAfterContexts, "embedded-pg-stop"));
        } else if (!dataDirectory.equals(normalized)) {
            throw new IllegalStateException("An embedded PostgreSQL already runs on " + dataDirectory
                    + "; this JVM cannot start a second one on " + directory);
        }
        return url;
    }

    /** Waits for the server started in the background and takes a claim on it; fails as its start failed. */
    static void acquire() {
        awaitStarted();
        synchronized (EmbeddedPostgresServer.class) {
            users++;
        }
    }

    private static void awaitStarted() {
        CompletableFuture<EmbeddedPostgres> future;
        synchronized (EmbeddedPostgresServer.class) {
            future = starting;
        }
        if (future == null) {
            return;
        }
        EmbeddedPostgres started;
        try {
            started = future.join();
        } catch (CompletionException ex) {
            synchronized (EmbeddedPostgresServer.class) {
                if (starting == future) {
                    starting = null;
                }
            }
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
        }
        synchronized (EmbeddedPostgresServer.class) {
            if (starting != future) {
                return;
            }
            starting = null;
            server = started;
            postmaster = postmasterOf(dataDirectory).orElse(null);
            watch = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("embedded-pg-watch"));
            watch.scheduleWithFixedDelay(
                    EmbeddedPostgresServer::restartIfDead,
                    WATCH_INTERVAL.toMillis(),
                    WATCH_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", ex);
        }
    }

    static synchronized void release() {
        users--;
        if (users <= 0) {
            close();
        }
    }

    /**
     * JVM shutdown hooks run concurrently: wait for the application contexts to close their pools before stopping the
     * server, but never hang the exit.
     */
    private static synchronized void stopAfterContexts() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (users > 0 && System.nanoTime() < deadline) {
            try {
                EmbeddedPostgresServer.class.wait(200);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    private static void close() {
        EmbeddedPostgresServer.class.notifyAll();
        if (starting != null) {
            // A start no context waited for (the context failed first): stop what it started.
            server = starting.exceptionally(ex -> null).join();
            starting = null;
        }
        if (watch != null) {
            watch.shutdownNow();
            watch = null;
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } finally {
                server = null;
                users = 0;
            }
        }
    }

    static synchronized boolean running() {
        return server != null;
    }

    /** The process id of the running postmaster, or -1. */
    static synchronized long postmasterPid() {
        return postmaster != null && postmaster.isAlive() ? postmaster.pid() : -1;
    }

    /**
     * Starts the server again, on its port and data directory, when its postmaster is gone. A failed attempt (the
     * killed server's backends still hold its shared memory for a moment, or the disk is still full) is retried on
     * the next tick; PostgreSQL's own crash recovery makes the data consistent on the way up.
     */
    private static synchronized void restartIfDead() {
        if (server == null || (postmaster != null && postmaster.isAlive())) {
            return;
        }
        log.warn(
                "The embedded PostgreSQL (pid {}) is gone; restarting it with the data in {}",
                postmaster == null ? "unknown" : postmaster.pid(),
                dataDirectory);
        postmaster = null;
        try {
            Process pgCtl = new ProcessBuilder(restartCommand(dataDirectory))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDirectory.resolve("restart.log").toFile()))
                    .start();
            if (!pgCtl.waitFor(40, TimeUnit.SECONDS)) {
                pgCtl.destroy();
            }
            postmaster = postmasterOf(dataDirectory).orElse(null);
            if (postmaster != null) {
                log.warn("The embedded PostgreSQL is back (pid {})", postmaster.pid());
            } else {
                log.warn(
                        "Restarting the embedded PostgreSQL failed (see {}); trying again",
                        dataDirectory.resolve("restart.log"));
            }
        } catch (IOException | RuntimeException ex) {
            // Caught whatever it is: an exception leaving this task would end the watch for good.
            log.warn("Restarting the embedded PostgreSQL failed; trying again: {}", ex.toString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code pg_ctl start} with the options the server last ran with ({@code postmaster.opts}, written by PostgreSQL
     * at start), in a user namespace when this JVM runs as root, as the library starts it, since PostgreSQL refuses
     * to run as root.
     */
    static List<String> restartCommand(Path directory) throws IOException {
        String opts = Files.readString(directory.resolve("postmaster.opts")).trim();
        int space = opts.indexOf(' ');
        Path postgres = Path.of(opts.substring(0, space).replace("\"", ""));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgres.resolveSibling("pg_ctl").toString(),
                "-D",
                directory.toString(),
                "-w",
                "-t",
                "30",
                "-o",
                opts.substring(space + 1),
                "start"));
        return command;
    }

    /** The postmaster named by the first line of {@code postmaster.pid}, when it runs. */
    private static Optional<ProcessHandle> postmasterOf(Path directory) {
        try {
            String first = Files.readAllLines(directory.resolve("postmaster.pid"))
                    .get(0)
                    .trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static EmbeddedPostgres launch(Path directory, int port, boolean clean, boolean durable) {
        try {
            if (clean) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            return builder(directory, port, clean, durable).start();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
        }
    }

    /** The server as the service runs it; {@code durable} false keeps the library's test defaults. */
    static EmbeddedPostgres.Builder builder(Path directory, int port, boolean clean, boolean durable) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(clean)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setRegisterShutdownHook(false)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", sharedBuffersMegabytes() + "MB")
                .setServerConfig("log_min_duration_statement", "1000")
                .setServerConfig("listen_addresses", "localhost");
        if (durable) {
            durableSettings().forEach(builder::setServerConfig);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /**
     * The library is made for tests: it starts PostgreSQL with {@code synchronous_commit=off} (a commit is
     * acknowledged before its WAL is flushed, so a crash of PostgreSQL or of the machine loses the last commits, up
     * to three times {@code wal_writer_delay}) and with {@code -F}, {@code fsync=off} (nothing is forced to disk, so
     * a crash of the machine can lose or corrupt anything since the last checkpoint). The embedded server is the
     * product's default store and a committed write must survive a crash: each setting that trades that away is set
     * back to PostgreSQL's default explicitly ({@code -c} after {@code -F} wins), whatever the library's defaults
     * become.
     */
    static Map<String, String> durableSettings() {
        return Map.of("synchronous_commit", "on", "fsync", "on", "full_page_writes", "on");
    }

    /**
     * A quarter of the machine's memory, the usual advice, between PostgreSQL's default of 128 MB and 2 GB. With the
     * default, 200,000 document chunks (a 320 MB heap) did not stay in the buffer cache, and every keyword search read
     * its matches' pages from the operating system again (p95 74 ms against 47 ms with the heap cached).
     */
    static long sharedBuffersMegabytes() {
        long total = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize()
                / (1024 * 1024);
        return Math.max(128, Math.min(2048, total / 4));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

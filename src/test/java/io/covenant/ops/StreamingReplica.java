package io.covenant.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A streaming replica of this JVM's embedded PostgreSQL, made as {@code pg_basebackup} would but through the
 * low-level backup functions, since the embedded binaries have no {@code pg_basebackup}: a replication slot, a copy
 * of the data directory between {@code pg_backup_start} and {@code pg_backup_stop}, its {@code backup_label}, and
 * {@code standby.signal}. Started with the primary's own binaries ({@code pg_ctl}), so nothing needs installing.
 */
final class StreamingReplica {

    /** Left out of the copy: the primary's running state, and WAL the replica streams from the slot instead. */
    private static final Set<String> SKIPPED_FILES =
            Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_internal.init");

    private static final Set<String> EMPTIED_DIRECTORIES = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_stat_tmp",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_subtrans",
            "log");

    private final Path binaries;

    private final Path directory;

    private final int port;

    private Process server;

    private StreamingReplica(Path binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
    }

    /** Copies the primary behind this owner-rights data source and starts the copy as its hot standby. */
    static StreamingReplica of(DataSource primary, String slot) throws Exception {
        Path binaries;
        Path source;
        int primaryPort;
        Path directory = Path.of("target", "replica-" + slot).toAbsolutePath();
        deleteRecursively(directory);
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement()) {
            binaries = Files.readSymbolicLink(
                            Path.of("/proc", String.valueOf(single(statement, "SELECT pg_backend_pid()")), "exe"))
                    .getParent();
            source = Path.of(single(statement, "SHOW data_directory"));
            primaryPort = Integer.parseInt(single(statement, "SHOW port"));
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "'");
            statement.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            statement.execute("SELECT pg_backup_start('" + slot + "', true)");
            copy(source, directory);
            try (ResultSet rs = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(directory.resolve("backup_label"), rs.getString(1));
                if (rs.getString(2) != null && !rs.getString(2).isEmpty()) {
                    Files.writeString(directory.resolve("tablespace_map"), rs.getString(2));
                }
            }
        }
        Files.createFile(directory.resolve("standby.signal"));
        int port = freePort();
        Files.writeString(directory.resolve("postgresql.auto.conf"), """
				primary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=%s'
				primary_slot_name = '%s'
				hot_standby = on
				hot_standby_feedback = on
				listen_addresses = 'localhost'
				port = %d
				""".formatted(primaryPort, slot, slot, port));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        StreamingReplica replica = new StreamingReplica(binaries, directory, port);
        replica.start();
        return replica;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Runs SQL on the replica itself, as the superuser. */
    String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            return single(statement, sql);
        }
    }

    /** Kills the server and its backends at once, as a crash or a lost machine would. */
    void kill() {
        ProcessHandle postmaster = server.toHandle();
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Stops the server if it still runs, and removes its files. */
    void remove() throws IOException {
        if (server.isAlive()) {
            kill();
        }
        deleteRecursively(directory);
    }

    /**
     * The server binary run as the embedded server is: PostgreSQL refuses to run as root, so as root it runs in a
     * user namespace of its own ({@code unshare -U}), where it is not. Ready once it accepts connections.
     */
    private void start() throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binaries.resolve("postgres").toString(), "-D", directory.toString()));
        server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                query("SELECT 1");
                return;
            } catch (SQLException ex) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "The replica did not start: " + Files.readString(directory.resolve("server.log")), ex);
                }
                server.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return dir.equals(source)
                                || !EMPTIED_DIRECTORIES.contains(
                                        dir.getFileName().toString())
                        ? FileVisitResult.CONTINUE
                        : emptied(dir);
            }

            private FileVisitResult emptied(Path dir) throws IOException {
                if (dir.getFileName().toString().equals("pg_wal")) {
                    Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
                }
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!SKIPPED_FILES.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(
                                file,
                                target.resolve(source.relativize(file).toString()),
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException ex) {
                        // Removed by the running server while copying (a temporary file): WAL replay covers it.
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
                if (ex instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw ex;
            }
        });
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}

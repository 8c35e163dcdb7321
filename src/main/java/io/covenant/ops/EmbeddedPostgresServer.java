package io.covenant.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one embedded PostgreSQL 17 of this JVM, shared by every application context that asks for it and stopped when
 * the last of them closes.
 */
final class EmbeddedPostgresServer {

	private static EmbeddedPostgres server;

	private static Path dataDirectory;

	private static int users;

	private EmbeddedPostgresServer() {
	}

	static synchronized String start(Path directory, int port, boolean clean) {
		if (server == null) {
			server = launch(directory, port, clean);
			dataDirectory = directory.toAbsolutePath().normalize();
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAfterContexts, "embedded-pg-stop"));
		}
		else if (!dataDirectory.equals(directory.toAbsolutePath().normalize())) {
			throw new IllegalStateException("An embedded PostgreSQL already runs on " + dataDirectory
					+ "; this JVM cannot start a second one on " + directory);
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	static synchronized void acquire() {
		users++;
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
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
	}

	private static void close() {
		EmbeddedPostgresServer.class.notifyAll();
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				server = null;
				users = 0;
			}
		}
	}

	static synchronized boolean running() {
		return server != null;
	}

	private static EmbeddedPostgres launch(Path directory, int port, boolean clean) {
		try {
			if (clean) {
				deleteRecursively(directory);
			}
			Files.createDirectories(directory);
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
			if (port > 0) {
				builder.setPort(port);
			}
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/**
	 * A quarter of the machine's memory, the usual advice, between PostgreSQL's default of 128 MB and 2 GB. With the
	 * default, 200,000 document chunks (a 320 MB heap) did not stay in the buffer cache, and every keyword search read
	 * its matches' pages from the operating system again (p95 74 ms against 47 ms with the heap cached).
	 */
	static long sharedBuffersMegabytes() {
		long total = ((OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
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

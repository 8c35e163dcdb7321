package io.covenant.shared.error;

import java.net.ServerSocket;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.covenant.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Outages of the real database become a 503 the client may retry, not a 500 or a client error. */
@ApiTest
class DatabaseOutageTests {

	@Autowired
	DataSource dataSource;

	@Test
	void aStatementPastItsTimeoutIsAnOutage() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataAccessException failure = catchThrowableOfType(DataAccessException.class,
				() -> new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status -> {
					jdbc.execute("SET LOCAL statement_timeout = '50ms'");
					jdbc.queryForObject("SELECT pg_sleep(5)", Object.class);
				}));
		assertThat(DatabaseErrorTranslator.translate(failure)).get()
			.satisfies(e -> assertThat(e.status().value()).isEqualTo(503))
			.satisfies(e -> assertThat(e.getMessage()).contains("did not answer in time"))
			.satisfies(e -> assertThat(e.headers()).containsKey("Retry-After"));
	}

	@Test
	void aServerThatIsNotThereIsAnOutage() throws Exception {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		DriverManagerDataSource gone = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?connectTimeout=2", "postgres", "");
		DataAccessException failure = catchThrowableOfType(DataAccessException.class,
				() -> new JdbcTemplate(gone).queryForObject("SELECT 1", Integer.class));
		assertThat(DatabaseErrorTranslator.translate(failure)).get()
			.satisfies(e -> assertThat(e.status().value()).isEqualTo(503));
	}

	@Test
	void aRuleBrokenByTheClientIsStillNotAnOutage() {
		DataAccessException failure = catchThrowableOfType(DataAccessException.class,
				() -> new JdbcTemplate(dataSource).queryForObject("SELECT 1 / 0", Integer.class));
		assertThat(DatabaseErrorTranslator.outage(failure)).isEmpty();
	}

}

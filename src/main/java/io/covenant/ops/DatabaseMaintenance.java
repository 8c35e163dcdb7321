package io.covenant.ops;

import java.time.Clock;
import java.time.Year;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the time-series storage in shape: yearly partitions of {@code financial_metrics} exist ahead of time, and
 * {@code daily_metrics_summary} and {@code company_metrics_summary} are refreshed concurrently so readers are never blocked.
 */
@Component
class DatabaseMaintenance {

	private static final Logger log = LoggerFactory.getLogger(DatabaseMaintenance.class);

	private final JdbcClient jdbc;

	private final MaintenanceProperties properties;

	private final Clock clock;

	DatabaseMaintenance(JdbcClient jdbc, MaintenanceProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		ensurePartitionsAhead();
	}

	@Scheduled(cron = "0 17 3 * * *", zone = "UTC")
	int ensurePartitionsAhead() {
		int year = Year.now(clock).getValue();
		Integer created = jdbc.sql("SELECT ensure_financial_metrics_partitions(:from, :to)")
			.param("from", year)
			.param("to", year + properties.partitionYearsAhead())
			.query(Integer.class)
			.single();
		if (created > 0) {
			log.info("Created {} financial_metrics partitions up to {}", created, year + properties.partitionYearsAhead());
		}
		return created;
	}

	@Scheduled(fixedDelayString = "${covenant.database.maintenance.summary-refresh}",
			initialDelayString = "${covenant.database.maintenance.summary-refresh}")
	void refreshSummaries() {
		for (String view : new String[] { "daily_metrics_summary", "company_metrics_summary" }) {
			long started = System.nanoTime();
			jdbc.sql("REFRESH MATERIALIZED VIEW CONCURRENTLY " + view).update();
			log.debug("Refreshed {} in {} ms", view, (System.nanoTime() - started) / 1_000_000);
		}
	}

}

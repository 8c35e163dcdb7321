package io.covenant.ops.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.covenant.ops.DatabaseInsight;
import io.covenant.ops.InsightRecords.Bloat;
import io.covenant.ops.InsightRecords.Indexes;
import io.covenant.ops.InsightRecords.JobStatus;
import io.covenant.ops.InsightRecords.Overview;
import io.covenant.ops.InsightRecords.Partition;
import io.covenant.ops.InsightRecords.Pool;
import io.covenant.ops.InsightRecords.Replication;
import io.covenant.ops.InsightRecords.Statements;
import io.covenant.ops.InsightRecords.SummaryFreshness;
import io.covenant.ops.InsightRecords.TableHealth;
import io.covenant.shared.security.Callers;

/** The database insight API for operators ({@code ops:read}). */
@RestController
@RequestMapping("/api/v1/ops")
class OpsController {

	private final DatabaseInsight insight;

	OpsController(DatabaseInsight insight) {
		this.insight = insight;
	}

	@GetMapping("/database")
	Overview overview() {
		return insight.overview(Callers.current());
	}

	@GetMapping("/database/statements")
	Statements statements() {
		return insight.statements(Callers.current());
	}

	@GetMapping("/database/indexes")
	Indexes indexes() {
		return insight.indexes(Callers.current());
	}

	@GetMapping("/database/tables")
	List<TableHealth> tables() {
		return insight.tables(Callers.current());
	}

	@GetMapping("/database/bloat")
	List<Bloat> bloat() {
		return insight.bloat(Callers.current());
	}

	@GetMapping("/database/partitions")
	List<Partition> partitions() {
		return insight.partitions(Callers.current());
	}

	@GetMapping("/database/summaries")
	List<SummaryFreshness> summaries() {
		return insight.summaries(Callers.current());
	}

	@GetMapping("/database/replication")
	Replication replication() {
		return insight.replication(Callers.current());
	}

	@GetMapping("/pool")
	Pool pool() {
		return insight.pool(Callers.current());
	}

	@GetMapping("/jobs")
	List<JobStatus> jobs() {
		return insight.jobs(Callers.current());
	}

}

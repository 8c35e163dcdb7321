package io.covenant.ops.web;

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
import io.covenant.shared.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The database insight API for operators ({@code ops:read}). */
@RestController
@RequestMapping("/api/v1/ops")
record OpsController(DatabaseInsight insight) {

    @GetMapping("/database")
    Overview overview(Caller caller) {
        return insight.overview(caller);
    }

    @GetMapping("/database/statements")
    Statements statements(Caller caller) {
        return insight.statements(caller);
    }

    @GetMapping("/database/indexes")
    Indexes indexes(Caller caller) {
        return insight.indexes(caller);
    }

    @GetMapping("/database/tables")
    List<TableHealth> tables(Caller caller) {
        return insight.tables(caller);
    }

    @GetMapping("/database/bloat")
    List<Bloat> bloat(Caller caller) {
        return insight.bloat(caller);
    }

    @GetMapping("/database/partitions")
    List<Partition> partitions(Caller caller) {
        return insight.partitions(caller);
    }

    @GetMapping("/database/summaries")
    List<SummaryFreshness> summaries(Caller caller) {
        return insight.summaries(caller);
    }

    @GetMapping("/database/replication")
    Replication replication(Caller caller) {
        return insight.replication(caller);
    }

    @GetMapping("/pool")
    Pool pool(Caller caller) {
        return insight.pool(caller);
    }

    @GetMapping("/jobs")
    List<JobStatus> jobs(Caller caller) {
        return insight.jobs(caller);
    }
}

package io.covenant.intelligence.web;

import io.covenant.intelligence.AnalysisReport;
import io.covenant.intelligence.AnalysisReports;
import io.covenant.intelligence.ReportCommand;
import io.covenant.intelligence.ReportFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Analysis reports: create, read, replace, delete, and the list filtered by {@link ReportListParams}. */
@RestController
@RequestMapping("/api/v1/analysis-reports")
record AnalysisReportController(AnalysisReports service)
        implements OwnedRowEndpoints<AnalysisReport, ReportCommand, ReportFilter, ReportListParams> {}

package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.jdbc.OwnedRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Analysis reports under the access rule, filtered by company, type, status and period. */
@Service
public class AnalysisReports extends OwnedRows<AnalysisReport, ReportCommand, ReportFilter> {

    AnalysisReports(ReportRepository repository, Companies companies, ApplicationEventPublisher events) {
        super(Access.kind("analysis_report", "Analysis report", "this report", companies), repository, events);
    }
}

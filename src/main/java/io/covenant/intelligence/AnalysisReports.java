package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.jdbc.OwnedRows;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Analysis reports under the access rule, filtered by company, type, status and period. */
@Service
public class AnalysisReports extends OwnedRows<AnalysisReport, ReportCommand, ReportFilter> {

    private final Companies companies;

    AnalysisReports(ReportRepository repository, Companies companies, ApplicationEventPublisher events) {
        super(
                new Kind(
                        "analysis_report",
                        "Analysis report",
                        "this report",
                        Permission.INTELLIGENCE_READ,
                        Permission.INTELLIGENCE_WRITE),
                repository,
                events);
        this.companies = companies;
    }

    @Override
    protected @Nullable AccessLevel requestedLevel(ReportCommand command) {
        return command.accessLevel();
    }

    @Override
    protected void checkLinks(Caller caller, ReportCommand command) {
        Access.requireVisibleCompanies(companies, caller, command.linkedCompanyIds(), "company_ids");
    }
}

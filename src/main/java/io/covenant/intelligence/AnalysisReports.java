package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Analysis reports under the access rule, filtered by company, type, status and period. */
@Service
public class AnalysisReports {

    private static final String ENTITY = "analysis_report";

    private final ReportRepository repository;

    private final Companies companies;

    private final ApplicationEventPublisher events;

    AnalysisReports(ReportRepository repository, Companies companies, ApplicationEventPublisher events) {
        this.repository = repository;
        this.companies = companies;
        this.events = events;
    }

    @Transactional
    public AnalysisReport create(Caller caller, ReportCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AccessLevel level = caller.levelForNewRow(command.accessLevel());
        Access.requireVisibleCompanies(companies, caller, command.linkedCompanyIds(), "company_ids");
        AnalysisReport created =
                find(caller, repository.insert(command, level, caller.organizationFor(level), caller.userId()));
        events.publishEvent(Audited.created(ENTITY, created));
        return created;
    }

    @Transactional(readOnly = true)
    public AnalysisReport get(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_READ);
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    public CursorPage<AnalysisReport> list(Caller caller, ReportFilter filter, String cursor, int limit) {
        caller.require(Permission.INTELLIGENCE_READ);
        return CursorPage.of(
                repository.page(caller, filter, Cursor.decode(cursor), limit),
                limit,
                r -> Cursor.of(r.createdAt(), r.id()));
    }

    @Transactional
    public AnalysisReport update(Caller caller, UUID id, ReportCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AnalysisReport before = find(caller, id);
        caller.requireChange(before, "this report");
        Access.requireVisibleCompanies(companies, caller, command.linkedCompanyIds(), "company_ids");
        repository.update(id, command);
        AnalysisReport after = find(caller, id);
        events.publishEvent(Audited.updated(ENTITY, before, after));
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AnalysisReport before = find(caller, id);
        caller.requireChange(before, "this report");
        repository.softDelete(id);
        events.publishEvent(Audited.deleted(ENTITY, before));
    }

    private AnalysisReport find(Caller caller, UUID id) {
        return repository.findVisible(caller, id).orElseThrow(() -> new NotFound("Analysis report", id));
    }
}

package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Market intelligence events under the access rule; linked companies must be ones the caller sees. */
@Service
public class MarketIntelligence {

    private static final String ENTITY = "market_intelligence";

    private final IntelligenceRepository repository;

    private final Companies companies;

    private final ApplicationEventPublisher events;

    MarketIntelligence(IntelligenceRepository repository, Companies companies, ApplicationEventPublisher events) {
        this.repository = repository;
        this.companies = companies;
        this.events = events;
    }

    @Transactional
    public IntelligenceEvent create(Caller caller, IntelligenceCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AccessLevel level = caller.levelForNewRow(command.accessLevel());
        checkCompanies(caller, command);
        IntelligenceEvent created =
                find(caller, repository.insert(command, level, caller.organizationFor(level), caller.userId()));
        events.publishEvent(Audited.created(ENTITY, created));
        return created;
    }

    @Transactional(readOnly = true)
    public IntelligenceEvent get(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_READ);
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    public CursorPage<IntelligenceEvent> list(Caller caller, IntelligenceFilter filter, String cursor, int limit) {
        caller.require(Permission.INTELLIGENCE_READ);
        return CursorPage.of(
                repository.page(caller, filter, Cursor.decode(cursor), limit),
                limit,
                e -> Cursor.of(e.createdAt(), e.id()));
    }

    @Transactional
    public IntelligenceEvent update(Caller caller, UUID id, IntelligenceCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        IntelligenceEvent before = changeable(caller, id);
        checkCompanies(caller, command);
        repository.update(id, command);
        IntelligenceEvent after = find(caller, id);
        events.publishEvent(Audited.updated(ENTITY, before, after));
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        IntelligenceEvent before = changeable(caller, id);
        repository.softDelete(id);
        events.publishEvent(Audited.deleted(ENTITY, before));
    }

    private IntelligenceEvent changeable(Caller caller, UUID id) {
        IntelligenceEvent event = find(caller, id);
        caller.requireChange(event, "this event");
        return event;
    }

    private IntelligenceEvent find(Caller caller, UUID id) {
        return repository.findVisible(caller, id).orElseThrow(() -> new NotFound("Market intelligence event", id));
    }

    private void checkCompanies(Caller caller, IntelligenceCommand command) {
        if (command.primaryCompanyId() != null) {
            Access.requireVisibleCompanies(
                    companies, caller, List.of(command.primaryCompanyId()), "primary_company_id");
        }
        Access.requireVisibleCompanies(companies, caller, command.relatedCompanyIds(), "related_companies");
    }
}

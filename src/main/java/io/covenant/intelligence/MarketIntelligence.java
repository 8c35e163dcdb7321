package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.jdbc.OwnedRows;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Market intelligence events under the access rule; linked companies must be ones the caller sees. */
@Service
public class MarketIntelligence extends OwnedRows<IntelligenceEvent, IntelligenceCommand, IntelligenceFilter> {

    private final Companies companies;

    MarketIntelligence(IntelligenceRepository repository, Companies companies, ApplicationEventPublisher events) {
        super(
                new Kind(
                        "market_intelligence",
                        "Market intelligence event",
                        "this event",
                        Permission.INTELLIGENCE_READ,
                        Permission.INTELLIGENCE_WRITE),
                repository,
                events);
        this.companies = companies;
    }

    @Override
    protected @Nullable AccessLevel requestedLevel(IntelligenceCommand command) {
        return command.accessLevel();
    }

    @Override
    protected void checkLinks(Caller caller, IntelligenceCommand command) {
        if (command.primaryCompanyId() != null) {
            Access.requireVisibleCompanies(
                    companies, caller, List.of(command.primaryCompanyId()), "primary_company_id");
        }
        Access.requireVisibleCompanies(companies, caller, command.relatedCompanyIds(), "related_companies");
    }
}

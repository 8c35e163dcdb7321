package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.jdbc.OwnedRows;
import io.covenant.shared.security.Caller;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Market intelligence events under the access rule; linked companies must be ones the caller sees. */
@Service
public class MarketIntelligence extends OwnedRows<IntelligenceEvent, IntelligenceCommand, IntelligenceFilter> {

    MarketIntelligence(IntelligenceRepository repository, Companies companies, ApplicationEventPublisher events) {
        super(
                Access.kind(
                        "market_intelligence",
                        "Market intelligence event",
                        "this event",
                        (caller, command) -> checkCompanies(companies, caller, command)),
                repository,
                events);
    }

    private static void checkCompanies(Companies companies, Caller caller, IntelligenceCommand command) {
        if (command.primaryCompanyId() != null) {
            Access.requireVisibleCompanies(
                    companies, caller, List.of(command.primaryCompanyId()), "primary_company_id");
        }
        Access.requireVisibleCompanies(companies, caller, command.relatedCompanyIds(), "related_companies");
    }
}

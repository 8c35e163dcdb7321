package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.jdbc.OwnedRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Market intelligence events under the access rule; linked companies must be ones the caller sees. */
@Service
public class MarketIntelligence extends OwnedRows<IntelligenceEvent, IntelligenceCommand, IntelligenceFilter> {

    MarketIntelligence(IntelligenceRepository repository, Companies companies, ApplicationEventPublisher events) {
        super(
                Access.kind("market_intelligence", "Market intelligence event", "this event", companies),
                repository,
                events);
    }
}

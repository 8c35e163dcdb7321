package io.covenant.intelligence.web;

import io.covenant.intelligence.IntelligenceCommand;
import io.covenant.intelligence.IntelligenceEvent;
import io.covenant.intelligence.IntelligenceFilter;
import io.covenant.intelligence.MarketIntelligence;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Market intelligence events: create, read, replace, delete, and the list filtered by {@link EventListParams}. */
@RestController
@RequestMapping("/api/v1/market-intelligence")
record MarketIntelligenceController(MarketIntelligence service)
        implements OwnedRowEndpoints<IntelligenceEvent, IntelligenceCommand, IntelligenceFilter, EventListParams> {}

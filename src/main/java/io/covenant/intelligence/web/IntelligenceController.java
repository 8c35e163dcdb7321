package io.covenant.intelligence.web;

import io.covenant.intelligence.AnalysisReport;
import io.covenant.intelligence.AnalysisReports;
import io.covenant.intelligence.IntelligenceCommand;
import io.covenant.intelligence.IntelligenceEvent;
import io.covenant.intelligence.MarketIntelligence;
import io.covenant.intelligence.ReportCommand;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.DateRange;
import io.covenant.shared.web.PageParams;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Market intelligence events and analysis reports. */
@RestController
record IntelligenceController(MarketIntelligence intelligence, AnalysisReports reports) {

    @PostMapping("/api/v1/market-intelligence")
    @ResponseStatus(HttpStatus.CREATED)
    IntelligenceEvent create(Caller caller, @Valid @RequestBody IntelligenceCommand command) {
        return intelligence.create(caller, command);
    }

    @GetMapping("/api/v1/market-intelligence/{id}")
    IntelligenceEvent get(Caller caller, @PathVariable UUID id) {
        return intelligence.get(caller, id);
    }

    @GetMapping("/api/v1/market-intelligence")
    CursorPage<IntelligenceEvent> list(
            Caller caller,
            @ParameterObject EventListParams params,
            @ParameterObject DateRange days,
            @ParameterObject PageParams page) {
        return intelligence.list(caller, params.filter(days), page.cursor(), page.size());
    }

    @PutMapping("/api/v1/market-intelligence/{id}")
    IntelligenceEvent update(Caller caller, @PathVariable UUID id, @Valid @RequestBody IntelligenceCommand command) {
        return intelligence.update(caller, id, command);
    }

    @DeleteMapping("/api/v1/market-intelligence/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable UUID id) {
        intelligence.delete(caller, id);
    }

    @PostMapping("/api/v1/analysis-reports")
    @ResponseStatus(HttpStatus.CREATED)
    AnalysisReport createReport(Caller caller, @Valid @RequestBody ReportCommand command) {
        return reports.create(caller, command);
    }

    @GetMapping("/api/v1/analysis-reports/{id}")
    AnalysisReport getReport(Caller caller, @PathVariable UUID id) {
        return reports.get(caller, id);
    }

    @GetMapping("/api/v1/analysis-reports")
    CursorPage<AnalysisReport> listReports(
            Caller caller,
            @ParameterObject ReportListParams params,
            @ParameterObject DateRange days,
            @ParameterObject PageParams page) {
        return reports.list(caller, params.filter(days), page.cursor(), page.size());
    }

    @PutMapping("/api/v1/analysis-reports/{id}")
    AnalysisReport updateReport(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReportCommand command) {
        return reports.update(caller, id, command);
    }

    @DeleteMapping("/api/v1/analysis-reports/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteReport(Caller caller, @PathVariable UUID id) {
        reports.delete(caller, id);
    }
}

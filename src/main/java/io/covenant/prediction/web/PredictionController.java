package io.covenant.prediction.web;

import io.covenant.prediction.AnnualPredictionCommand;
import io.covenant.prediction.Dashboards;
import io.covenant.prediction.Prediction;
import io.covenant.prediction.PredictionFilter;
import io.covenant.prediction.PredictionKind;
import io.covenant.prediction.Predictions;
import io.covenant.prediction.QuarterlyPredictionCommand;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.PageParams;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Annual and quarterly default-risk predictions: score, list, read, rescore and delete. */
@RestController
@RequestMapping("/api/v1/predictions")
record PredictionController(Predictions predictions, Dashboards dashboards) {

    @GetMapping("/dashboard/risk-by-sector")
    List<Dashboards.SectorRisk> riskBySector(
            Caller caller,
            @RequestParam(name = "reporting_year") String year,
            @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return dashboards.riskBySector(caller, organizationId, year);
    }

    @GetMapping("/dashboard/model-deviation")
    List<Dashboards.ModelDeviation> modelDeviation(
            Caller caller, @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return dashboards.modelDeviation(caller, organizationId);
    }

    @GetMapping("/dashboard/summary")
    Dashboards.Summary summary(Caller caller) {
        return dashboards.summary(caller);
    }

    @PostMapping("/annual")
    ResponseEntity<Prediction> annual(Caller caller, @Valid @RequestBody AnnualPredictionCommand command) {
        Prediction prediction = predictions.annual(caller, command);
        return ResponseEntity.status(prediction.updated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(prediction);
    }

    @PostMapping("/quarterly")
    ResponseEntity<Prediction> quarterly(Caller caller, @Valid @RequestBody QuarterlyPredictionCommand command) {
        Prediction prediction = predictions.quarterly(caller, command);
        return ResponseEntity.status(prediction.updated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(prediction);
    }

    @PutMapping("/annual/{id}")
    Prediction rescoreAnnual(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody AnnualPredictionCommand command) {
        return predictions.rescoreAnnual(caller, id, command);
    }

    @PutMapping("/quarterly/{id}")
    Prediction rescoreQuarterly(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody QuarterlyPredictionCommand command) {
        return predictions.rescoreQuarterly(caller, id, command);
    }

    @GetMapping("/{kind}/{id}")
    Prediction get(Caller caller, @PathVariable String kind, @PathVariable UUID id) {
        return predictions.get(caller, PredictionKind.of(kind), id);
    }

    @GetMapping("/{kind}")
    CursorPage<Prediction> list(
            Caller caller,
            @PathVariable String kind,
            @ParameterObject PredictionFilter filter,
            @ParameterObject PageParams page) {
        return predictions.list(caller, PredictionKind.of(kind), filter, page.cursor(), page.size());
    }

    @DeleteMapping("/{kind}/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String kind, @PathVariable UUID id) {
        predictions.delete(caller, PredictionKind.of(kind), id);
    }
}

package io.covenant.prediction.web;

import io.covenant.prediction.Drift;
import io.covenant.prediction.PredictionKind;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.TimeRange;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The drift dashboard: how the inputs scored in a period compare with the models' training data. */
@RestController
record DriftController(Drift drift) {

    @GetMapping("/api/v1/predictions/dashboard/drift")
    Drift.Report drift(
            Caller caller,
            @RequestParam(defaultValue = "annual") String kind,
            @ParameterObject TimeRange scored,
            @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return drift.of(caller, organizationId, PredictionKind.of(kind), scored.from(), scored.to());
    }
}

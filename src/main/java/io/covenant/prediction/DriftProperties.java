package io.covenant.prediction;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param window the predictions the drift gauges cover: those scored in this period up to now
 * @param refresh how often the gauges are measured again
 */
@Validated
@ConfigurationProperties("covenant.prediction.drift")
record DriftProperties(
        @NotNull @DefaultValue("P30D") Duration window,
        @NotNull @DefaultValue("PT5M") Duration refresh) {}

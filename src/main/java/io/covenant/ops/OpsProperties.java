package io.covenant.ops;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operational settings.
 *
 * @param slowQueryThreshold statements slower than this are logged (without their bind values) and counted
 * @param slowStatementsKept how many of the latest slow statements the ops API shows
 */
@Validated
@ConfigurationProperties("covenant.ops")
record OpsProperties(
        @NotNull @DefaultValue("200ms") Duration slowQueryThreshold,
        @Min(1) @DefaultValue("100") int slowStatementsKept) {}

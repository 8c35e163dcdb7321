package io.covenant.audit;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param retention how long audit entries are kept */
@Validated
@ConfigurationProperties("covenant.audit")
record AuditProperties(@NotNull Duration retention) {
}

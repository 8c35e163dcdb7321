package io.covenant.audit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param retention how long audit entries are kept */
@Validated
@ConfigurationProperties("covenant.audit")
record AuditProperties(@NotNull Duration retention) {}

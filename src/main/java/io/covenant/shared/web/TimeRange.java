package io.covenant.shared.web;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The {@code from} and {@code to} instants (ISO date-times with an offset, both optional) that narrow a list. */
public record TimeRange(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
        OffsetDateTime from,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
        OffsetDateTime to) {}
